package grad.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium, for the tests that open a page in a real browser. CI installs Debian's
 * {@code chromium}; where none is on the PATH those tests are skipped with {@link #INSTALL}.
 */
final class HeadlessChromium {
    static final String INSTALL = "no Chromium on the PATH (chromium, chromium-browser or google-chrome): the browser"
            + " tests need one; install it with  apt-get install -y chromium  (as .ci/run does)";
    private static final long TIMEOUT_SECONDS = 60;

    /** What the browser made of a page: its DOM once loaded, and its log (console messages included). */
    record Page(String dom, String log) {
        /** The lines the page wrote to the console (Chromium logs them as {@code CONSOLE}). */
        List<String> consoleLines() {
            return log.lines().filter(l -> l.contains(":CONSOLE")).toList();
        }
    }

    private final Path executable;
    private final Path profile;

    private HeadlessChromium(Path executable, Path profile) {
        this.executable = executable;
        this.profile = profile;
    }

    /** The browser on the PATH, with a profile in {@code scratch} (so runs in parallel do not share one); or empty. */
    static Optional<HeadlessChromium> find(Path scratch) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String d : path.split(File.pathSeparator)) {
                Path candidate = Path.of(d.isEmpty() ? "." : d, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(new HeadlessChromium(candidate, scratch.resolve("chromium-profile")));
                }
            }
        }
        return Optional.empty();
    }

    /** Opens {@code page} and returns its DOM after the load event and a few seconds of virtual time. */
    Page dumpDom(Path page) throws IOException, InterruptedException {
        return run(page, "--dump-dom");
    }

    /** Opens {@code page} in a window {@code width} wide and saves what it shows as {@code png}. */
    Page screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        return run(page, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars");
    }

    private Page run(Path page, String... action) throws IOException, InterruptedException {
        Files.createDirectories(profile);
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(),
                "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000"));
        command.addAll(List.of(action));
        command.add(page.toAbsolutePath().toUri().toString());
        Path out = Files.createTempFile(profile, "out", ".txt");
        Path err = Files.createTempFile(profile, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        Page result = new Page(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        if (p.exitValue() != 0) {
            throw new AssertionError("Chromium exited with " + p.exitValue() + ": " + command + "\n" + result.log());
        }
        return result;
    }
}
