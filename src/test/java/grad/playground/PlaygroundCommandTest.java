package grad.playground;

import static org.assertj.core.api.Assertions.assertThat;

import grad.cli.Main;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code grad playground} on the command line: bad starting values are usage errors; it serves, and stops cleanly. */
class PlaygroundCommandTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--port -1|grad: --port must be a whole number from 0 to 65535, not '-1'",
        "--lr abc|grad: --lr must be a finite number > 0 or auto, not 'abc'",
        "--hidden-units 40|grad: --hidden-units 40: the playground draws at most 6 hidden layers of at most 16 neurons",
        "--early-stopping 3|grad: --early-stopping is not for the playground: it always trains a new network on every training row",
        "--dataset datasets/flowers.csv|grad: the playground draws the plane, so it needs 2 features (this data has 4)",
        "--optimizer adam --momentum 0.5|grad: --momentum is SGD's; it does not apply to --optimizer adam",
        "--dataset nowhere|grad: --dataset 'nowhere' is not one of linear, xor, moons, circles, spiral, gaussian, nor an existing CSV file"})
    void aBadStartingValueIsOneLineAndExitTwo(String args, String message) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        List<String> all = new java.util.ArrayList<>(List.of("playground", "--no-browser"));
        all.addAll(List.of(args.split(" ")));
        assertThat(cli.execute(all.toArray(String[]::new))).isEqualTo(2);
        assertThat(err.toString().lines().findFirst().orElseThrow()).isEqualTo(message);
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** A real process: it prints its address, serves the page there, and a termination signal (as Ctrl-C) ends it quietly. */
    @Test
    void servesAtThePrintedAddressAndStopsCleanly() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "playground", "--no-browser", "--dataset", "circles", "--class-size", "50", "-o", dir.toString())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).matches("grad playground: http://127\\.0\\.0\\.1:\\d+/  \\(Ctrl-C stops it\\)");
            URI uri = URI.create(line.replaceFirst("^grad playground: (\\S+).*$", "$1"));
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            assertThat(c.getResponseCode()).isEqualTo(200);
            assertThat(new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("<title>grad playground</title>");
            p.destroy(); // SIGTERM: the shutdown hook runs, as for Ctrl-C's SIGINT
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("it stopped").isTrue();
            assertThat(Files.readString(dir.resolve("err.txt"))).isEmpty();
        } finally {
            p.destroyForcibly();
        }
    }
}
