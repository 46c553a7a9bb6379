package grad.graphviz;

import grad.GradException;
import grad.io.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Renders DOT files to pictures with Graphviz's {@code dot} program, when it is installed: always an
 * SVG, and a PNG too for graphs of at most {@value #PNG_MAX_NODES} nodes (a bigger PNG is too large to
 * be legible). Each picture is written to a temporary file, then moved into place, so a picture is
 * never half-written. When {@code dot} is not on the {@code PATH}, nothing is run and the result says
 * which command would render the file.
 */
public final class DotRenderer {
    /** The largest graph also rendered as PNG. */
    public static final int PNG_MAX_NODES = 300;
    /** How long {@code dot} may run for one picture. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Optional<Path> dot;
    private final Duration timeout;

    /** A renderer using the {@code dot} found on the {@code PATH}, if any, with the default timeout. */
    public DotRenderer() {
        this(findOnPath(System.getenv("PATH")), DEFAULT_TIMEOUT);
    }

    /** A renderer using {@code dot} (empty: none available), each run limited to {@code timeout}. */
    public DotRenderer(Optional<Path> dot, Duration timeout) {
        this.dot = dot;
        this.timeout = timeout;
    }

    /**
     * What {@link #render} did.
     *
     * @param written the pictures written, SVG first
     * @param note    for the user, or empty: the command to run when {@code dot} is missing, or why
     *                no PNG was made
     */
    public record Rendering(List<Path> written, String note) {

        public Rendering {
            written = List.copyOf(written);
        }

        /** One line for the user: {@code wrote a.svg, a.png} and the note, if any. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (!written.isEmpty()) {
                List<String> names = new ArrayList<>();
                written.forEach(p -> names.add(p.toString()));
                parts.add("wrote " + String.join(", ", names));
            }
            if (!note.isEmpty()) {
                parts.add(note);
            }
            return String.join("; ", parts);
        }
    }

    /** Whether a {@code dot} program is available. */
    public boolean available() {
        return dot.isPresent();
    }

    /**
     * Renders {@code dotFile} (a graph of {@code nodeCount} nodes) beside itself: {@code x.dot} gives
     * {@code x.svg} and, for small graphs, {@code x.png}.
     *
     * @throws GradException with the first line of {@code dot}'s error output when it fails, or when it
     *                       runs longer than the timeout
     */
    public Rendering render(Path dotFile, int nodeCount) {
        Path svg = sibling(dotFile, "svg");
        Path png = sibling(dotFile, "png");
        if (dot.isEmpty()) {
            String command = command("dot", "svg", dotFile, svg);
            if (nodeCount <= PNG_MAX_NODES) {
                command = command("dot", "png", dotFile, png);
            }
            return new Rendering(List.of(), "dot (Graphviz) is not installed; to draw the graph, install it and run: "
                    + command);
        }
        List<Path> written = new ArrayList<>();
        run("svg", dotFile, svg);
        written.add(svg);
        String note = "";
        if (nodeCount <= PNG_MAX_NODES) {
            run("png", dotFile, png);
            written.add(png);
        } else {
            note = "no PNG for " + Numbers.count(nodeCount) + " nodes (more than " + PNG_MAX_NODES
                    + "); open the SVG";
        }
        return new Rendering(written, note);
    }

    private void run(String format, Path dotFile, Path target) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("grad-dot-", "." + format);
            err = Files.createTempFile("grad-dot-", ".err");
            Process process = new ProcessBuilder(dot.get().toString(), "-T" + format, dotFile.toString(),
                    "-o", out.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new GradException("dot took more than " + timeout.toSeconds() + " s to render " + target
                        + "; try a smaller --graphviz-max-nodes");
            }
            if (process.exitValue() != 0) {
                throw new GradException("dot could not render " + dotFile + ": " + firstLine(err, process.exitValue()));
            }
            Path rendered = out;
            AtomicFiles.write(target, stream -> Files.copy(rendered, stream));
        } catch (IOException e) {
            throw new GradException("cannot run dot to render " + target + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradException("interrupted while dot was rendering " + target, e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static String firstLine(Path err, int exitValue) throws IOException {
        for (String line : Files.readAllLines(err, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return "exit status " + exitValue;
    }

    private static File nullFile() {
        return new File(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                ? "NUL" : "/dev/null");
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }

    /** {@code x.dot} → {@code x.svg}; a name without {@code .dot} or {@code .gv} gets the extension added. */
    static Path sibling(Path dotFile, String extension) {
        String name = dotFile.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String stem = lower.endsWith(".dot") ? name.substring(0, name.length() - 4)
                : lower.endsWith(".gv") ? name.substring(0, name.length() - 3) : name;
        return dotFile.resolveSibling(stem + "." + extension);
    }

    /** The command line that renders {@code dotFile} as {@code target}, file names quoted if needed. */
    static String command(String dot, String format, Path dotFile, Path target) {
        return dot + " -T" + format + " " + quote(dotFile.toString()) + " -o " + quote(target.toString());
    }

    private static String quote(String word) {
        return word.matches("[A-Za-z0-9_./:@%+=,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** The first executable {@code dot} in the directories of {@code path} (a {@code PATH} value). */
    static Optional<Path> findOnPath(String path) {
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String name : windows ? List.of("dot.exe", "dot.bat", "dot") : List.of("dot")) {
                try {
                    Path candidate = Path.of(dir, name);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return Optional.of(candidate);
                    }
                } catch (RuntimeException ignored) {
                    // an odd PATH entry (invalid characters) is skipped
                }
            }
        }
        return Optional.empty();
    }
}
