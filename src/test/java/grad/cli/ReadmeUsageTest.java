package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of the README's Usage section, as written, one after the other in a folder holding a copy of
 * {@code datasets/} (as a checkout does): {@code java -jar grad.jar} is {@link Main} in a JVM of its own,
 * {@code dot} Graphviz's (when installed). Each succeeds, and does what its comment says.
 */
class ReadmeUsageTest {
    private static final Pattern USAGE = Pattern.compile("## Usage\\n+```sh\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern ACCURACY = Pattern.compile("([0-9.]+%) training accuracy");

    @TempDir
    Path scratch;

    @Test
    void everyUsageCommandRunsAsWritten() throws Exception {
        Path work = Files.createDirectories(scratch.resolve("checkout"));
        copyDatasets(work);
        Path noDot = Files.createDirectories(scratch.resolve("empty"));
        List<String> lines = usageLines();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(9);
        int n = 0;
        for (String line : lines) {
            List<String> words = words(line);
            String comment = line.contains(" #") ? line.substring(line.indexOf(" #") + 2) : "";
            String name = "command" + n++;
            if (words.get(0).equals("dot")) {
                if (!DotRendererAvailable.dot()) {
                    continue; // `dot` is not installed here (CI installs it)
                }
                Process p = new ProcessBuilder(words).directory(work.toFile()).redirectErrorStream(true)
                        .redirectOutput(scratch.resolve(name + ".out").toFile()).start();
                assertThat(p.waitFor()).as(line).isZero();
                assertThat(work.resolve(words.get(words.indexOf("-o") + 1))).isNotEmptyFile();
                continue;
            }
            assertThat(words.subList(0, 3)).as(line).containsExactly("java", "-jar", "grad.jar");
            // grad does not find dot (which would render all 11 circles graphs, most of a minute): the README's own
            // dot line renders the one it names
            ForkedGrad run = ForkedGrad.start(scratch, name, Map.of("PATH", noDot.toString()), words.subList(3, words.size()),
                    work);
            if (words.get(3).equals("playground")) {
                assertServes(run, line);   // a server runs until stopped
                continue;
            }
            assertThat(run.waitFor()).as(line + "\n" + run.err()).isZero();
            Matcher accuracy = ACCURACY.matcher(comment);
            if (accuracy.find()) {
                assertThat(run.out().lines().filter(l -> l.startsWith("done: "))).as(line)
                        .singleElement().asString().contains("accuracy " + accuracy.group(1));
            }
            if (comment.contains("pictures in output/")) {
                assertThat(work.resolve("output/decision_boundary_xor.gif")).isNotEmptyFile();
            }
            if (words.contains("--out")) {
                assertThat(work.resolve(words.get(words.indexOf("--out") + 1))).isNotEmptyFile();
            }
            if (words.contains("--help")) {
                assertThat(run.out()).startsWith("Usage: grad ");
            }
        }
        assertThat(n).isEqualTo(lines.size());
    }

    /** The Usage section's commands, one a line. */
    /** The playground prints its loopback address within a minute and is still serving; then it is stopped. */
    private static void assertServes(ForkedGrad run, String line) throws Exception {
        try {
            for (int i = 0; i < 600 && run.isAlive() && !run.out().contains("grad playground: http://127.0.0.1:"); i++) {
                Thread.sleep(100);
            }
            assertThat(run.out()).as(line + "\n" + run.err()).contains("grad playground: http://127.0.0.1:");
            assertThat(run.isAlive()).as(line).isTrue();
        } finally {
            run.destroy();
        }
    }

    static List<String> usageLines() throws IOException {
        Matcher m = USAGE.matcher(Files.readString(Path.of("README.md")));
        assertThat(m.find()).as("README.md has a Usage section with a sh block").isTrue();
        return m.group(1).lines().filter(l -> !l.isBlank()).toList();
    }

    /** A line split into words as sh does for these lines: blanks separate, quotes group, {@code #} starts a comment. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '#' && word == null) {
                break;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    @Test
    void wordsAreSplitAsTheShellSplitsThem() {
        assertThat(words("java -jar grad.jar eval \"((a + b) * c)^2\" a=1   # a comment"))
                .containsExactly("java", "-jar", "grad.jar", "eval", "((a + b) * c)^2", "a=1");
        assertThat(words("dot -Tpng a.dot -o 'my graph.png'")).containsExactly("dot", "-Tpng", "a.dot", "-o", "my graph.png");
    }

    private static void copyDatasets(Path work) throws IOException {
        Path target = Files.createDirectories(work.resolve("datasets"));
        try (Stream<Path> files = Files.list(Path.of("datasets"))) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void theShippedFlowersAreTheTestFixtureAndHaveTheirProvenance() throws IOException {
        assertThat(Files.readString(Path.of("datasets/flowers.csv")))
                .isEqualTo(Files.readString(Path.of("src/test/resources/grad/cli/flowers.csv")));
        assertThat(Files.readString(Path.of("datasets/README.md"))).contains("`flowers.csv`").contains("synthetic");
    }
}
