package grad.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code make shell}'s start-up script, run by jshell as {@code make shell} runs it, on the README's
 * examples: micrograd's (its published numbers), the tensor one (PyTorch's numbers) and the session shown.
 */
class ShellTest {
    private static final Path STARTUP = Path.of("src/main/jshell/grad.jsh");

    /** jshell with grad's classes, the default start-up and grad's, reading {@code input} as typed. */
    static String jshell(String input) throws IOException, InterruptedException {
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        Process p = new ProcessBuilder(jshell.toString(), "--class-path", "target/classes",
                "--startup", "DEFAULT", "--startup", STARTUP.toString(), "-J-XX:TieredStopAtLevel=1",
                "-J-Djava.util.prefs.userRoot=target/jshell-prefs")
                .redirectErrorStream(true).start();
        p.getOutputStream().write((input + "\n/exit\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(out).doesNotContain("Error:", "Exception");
        return out;
    }

    /** The first block after {@code heading} in the README that starts with {@code opening} (its ``` line). */
    static String readmeBlock(String heading, String opening) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf(opening + "\n", readme.indexOf(heading));
        assertThat(at).as(opening + " after " + heading).isPositive();
        int start = readme.indexOf('\n', at) + 1;
        return readme.substring(start, readme.indexOf("```\n", start));
    }

    @Test
    void makeShellUsesTheStartupScript() throws IOException {
        assertThat(Files.readString(Path.of("Makefile"))).contains("--startup DEFAULT --startup " + STARTUP);
    }

    /** micrograd's example (its published numbers), then the tensor one (PyTorch's), in one jshell. */
    @Test
    void theReadmesJavaExamplesPrintMicrogradsAndPyTorchsNumbers() throws Exception {
        String out = jshell(readmeBlock("## Use the engine from Java", "```java")
                + readmeBlock("## Tensors", "```java"));
        assertThat(out).contains("24.7041 138.8338 645.5773").contains("0.8474");
        Matcher m = Pattern.compile("\\[(-?[0-9.E-]+), (-?[0-9.E-]+)\\]").matcher(out);
        MatchResult last = m.results().reduce((first, second) -> second).orElseThrow();
        m = Pattern.compile("\\[(-?[0-9.E-]+), (-?[0-9.E-]+)\\]").matcher(last.group());
        assertThat(m.matches()).as(out).isTrue();
        // torch.nn.functional.cross_entropy(torch.tanh(x @ w + b), [0, 1]).backward(), float64
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(-0.2924926194922578, within(1e-15));
        assertThat(Double.parseDouble(m.group(2))).isCloseTo(0.03318896904698001, within(1e-15));
    }

    @Test
    void theReadmesShellSessionPrintsWhatItShows() throws Exception {
        String session = readmeBlock("## grad as a library", "```\n$ make shell");
        List<String> typed = new ArrayList<>(), shown = new ArrayList<>();
        for (String line : session.split("\n")) {
            if (line.startsWith("jshell> ")) {
                typed.add(line.substring("jshell> ".length()));
            } else if (!line.isBlank() && !line.startsWith("$ make")) {
                shown.add(line);
            }
        }
        assertThat(typed).hasSize(5);
        String out = jshell(String.join("\n", typed));
        List<String> printed = Arrays.stream(out.split("\n"))
                .map(line -> line.replaceAll("\\p{Cntrl}", "").replace("jshell>", "").strip()).toList();
        assertThat(printed).containsAll(shown);
    }
}
