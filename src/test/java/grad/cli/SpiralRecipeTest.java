package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's spiral recipe, run as written there, learns the spiral to the accuracy it states. */
class SpiralRecipeTest {
    private static final String RECIPE = "java -jar grad.jar --dataset spiral";

    @TempDir
    Path dir;

    @Test
    void theReadmesSpiralRecipeReachesAtLeast95PercentTrainingAccuracy() throws IOException {
        String line = Files.readAllLines(Path.of("README.md")).stream()
                .filter(l -> l.startsWith(RECIPE))
                .findFirst().orElseThrow(() -> new AssertionError("README.md has no line starting with " + RECIPE));
        String command = line.replaceFirst("\\s+#.*$", "").strip();
        List<String> args = new ArrayList<>(Arrays.asList(command.substring("java -jar grad.jar ".length()).split("\\s+")));
        args.addAll(List.of("--no-plots", "-o", dir.toString()));

        Cli run = Cli.run(args);

        assertThat(run.exitCode()).as(run.err()).isZero();
        double accuracy = JsonParser.parseString(Files.readString(dir.resolve("metrics_spiral.json"))).getAsJsonObject()
                .getAsJsonObject("final").get("accuracy").getAsDouble();
        assertThat(accuracy).isGreaterThanOrEqualTo(0.95);
        assertThat(line).as("the README states the accuracy reached").contains(String.format(java.util.Locale.ROOT,
                "%.1f%%", 100 * accuracy));
    }
}
