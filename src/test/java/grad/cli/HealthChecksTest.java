package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The health checks at each print epoch: the two stories of issue 15 warn (on stderr, in the metrics file,
 * on the report page), and the default run of every dataset does not.
 */
class HealthChecksTest {
    @TempDir
    Path dir;

    /** The default run of each dataset (xor at grad-rs's --lr 0.005) prints no warning and lists none. */
    @ParameterizedTest
    @ValueSource(strings = {"linear", "xor", "moons", "circles", "spiral", "gaussian"})
    void healthyRunsWarnOfNothing(String dataset) throws IOException {
        Cli run = Cli.run(dataset.equals("xor")
                ? new String[] {"--dataset", dataset, "--lr", "0.005", "--no-plots", "--no-report", "-o", dir.toString()}
                : new String[] {"--dataset", dataset, "--no-plots", "--no-report", "-o", dir.toString()});

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(warnings(dataset)).isEmpty();
    }

    /**
     * --class-size 1: one row (linear, xor) or one a class; "the accuracy (0.0%) is at chance (100.0%)" and
     * dead ReLUs "on every training row" said nothing true. One warning says the data is too small instead.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"linear, 1 row, 1", "xor, 1 row, 1", "moons, 2 rows, 2", "circles, 3 rows, 3"})
    void dataTooSmallToLearnFromIsSaidSoAndNothingElse(String dataset, String rows, int classes) throws IOException {
        Cli run = Cli.run("--dataset", dataset, "--class-size", "1", "--epochs", "100", "--no-plots", "-o", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String message = "the training data is too small to learn from: " + rows + ", with " + classes + " of the "
                + (dataset.equals("circles") ? 3 : 2) + " classes; use a larger --class-size (now 1)";
        assertThat(run.errLines()).containsExactly("grad: warning: " + message);
        assertThat(warnings(dataset)).singleElement().satisfies(w -> {
            assertThat(w.get("kind").getAsString()).isEqualTo("too_small");
            assertThat(w.get("epoch").getAsInt()).isEqualTo(1);
        });
    }

    /** --lr 1000 --momentum 0.99: the softmax saturates in epoch 1, the gradients vanish, the loss stalls at chance. */
    @Test
    void aHugeLearningRateSaturatesTheSoftmax() throws IOException {
        Cli run = Cli.run("--lr", "1000", "--momentum", "0.99", "-o", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errLines()).allMatch(line -> line.startsWith("grad: warning: "))
                .anyMatch(line -> line.startsWith("grad: warning: the softmax output is saturated: its probabilities "
                        + "are pinned at 0 and 1 on 100.0% of the training rows") && line.contains("--init")
                        && line.contains("a lower --lr (now 1000)"))
                .anyMatch(line -> line.startsWith("grad: warning: the loss stalled: no improvement for 20 epochs")
                        && line.contains("is at chance") && line.endsWith("try another --lr (now 1000) or another --init"));
        List<JsonObject> warnings = warnings("xor");
        assertThat(warnings).extracting(w -> w.get("kind").getAsString())
                .contains("saturated_output", "vanishing_gradient", "stalled_loss");
        JsonObject saturated = warnings.stream().filter(w -> w.get("kind").getAsString().equals("saturated_output"))
                .findFirst().orElseThrow();
        assertThat(saturated.get("epoch").getAsInt()).isEqualTo(1);
        assertThat(run.errLines()).hasSameSizeAs(warnings)
                .containsExactlyElementsOf(warnings.stream().map(w -> "grad: warning: " + w.get("message").getAsString()).toList());
        String report = Files.readString(dir.resolve("report.html"));
        assertThat(report).contains("Health warnings").contains("the softmax output is saturated");
    }

    /** --init uniform:0,100, grad-rs's own story: stuck at 64.6% because the first layer's gradient vanished. */
    @Test
    void aHugeInitialWeightVanishesTheGradient() throws IOException {
        Cli run = Cli.run("--init", "uniform:0,100", "--no-plots", "-o", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("accuracy 64.6%");
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("grad: warning: vanishing gradient in layer 0 (hidden) in epoch 1: its gradient norm is ")
                .contains("--init");
        assertThat(warnings("xor")).singleElement().satisfies(w -> {
            assertThat(w.get("kind").getAsString()).isEqualTo("vanishing_gradient");
            assertThat(w.get("epoch").getAsInt()).isEqualTo(1);
        });
    }

    private List<JsonObject> warnings(String dataset) throws IOException {
        JsonObject metrics = JsonParser.parseString(Files.readString(dir.resolve("metrics_" + dataset + ".json")))
                .getAsJsonObject();
        JsonArray list = metrics.getAsJsonArray("warnings");
        assertThat(list).as("the metrics file lists its warnings").isNotNull();
        return list.asList().stream().map(JsonElement::getAsJsonObject).toList();
    }
}
