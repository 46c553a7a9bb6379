package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grad.plot.CurvesPlot;
import grad.plot.TrainingCurves;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that diverges stops at the first non-finite value with exit 3 and one line saying where, keeps
 * the pictures written so far, draws the curves up to the last epoch that finished, and records
 * {@code "status": "diverged"} in its metrics.
 *
 * <p>The reproduction: xor, seed 42, {@code --lr 1000 --momentum 0.99 --loss cross-entropy}. With the
 * default MSE loss the same rates do not diverge: every ReLU dies in the first epochs, the softmax
 * saturates, MSE's gradient vanishes, and the parameters stay finite (see the last test).
 */
class DivergenceTest {
    @TempDir
    Path dir;

    @Test
    void stopsWithExit3OneLineAndKeepsWhatWasWritten() throws IOException {
        Cli run = Cli.run("--lr", "1000", "--momentum", "0.99", "--loss", "cross-entropy", "--class-size", "200",
                "-o", dir.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("grad: training diverged in epoch 9, minibatch 3: the loss became NaN because the output"
                        + " of layer 1's neuron 0 was Infinity on row ")
                .endsWith("; try a lower --lr (now 1000) or check --init");
        assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("at grad.");
        assertThat(run.out()).contains("epoch  6/50").doesNotContain("done:");

        JsonObject metrics = JsonParser.parseString(
                Files.readString(dir.resolve("metrics_xor.json"))).getAsJsonObject();
        assertThat(metrics.get("status").getAsString()).isEqualTo("diverged");
        assertThat(metrics.getAsJsonObject("divergence").get("epoch").getAsInt()).isEqualTo(9);
        assertThat(metrics.getAsJsonObject("divergence").get("message").getAsString())
                .isEqualTo(run.err().strip().substring("grad: ".length()));
        assertThat(metrics.getAsJsonArray("epochs")).hasSize(8);
        assertThat(metrics.has("final")).isFalse();

        for (String png : List.of("dataset_xor.png", "curves_xor.png", "decision_boundary_epoch_1_xor.png",
                "decision_boundary_epoch_6_xor.png")) {
            assertThat(ImageIO.read(dir.resolve(png).toFile())).as(png).isNotNull();
        }
        assertThat(dir.resolve("decision_boundary_epoch_9_xor.png")).doesNotExist();
        // the curves are drawn at print epochs (1 and 6), and once more up to epoch 8 when epoch 9 diverges
        assertThat(Files.readAllBytes(dir.resolve("curves_xor.png")))
                .isEqualTo(CurvesPlot.png(curvesOf(metrics, "xor — diverged in epoch 9")));
        assertThat(ImageIO.read(dir.resolve("decision_boundary_xor.gif").toFile())).isNotNull();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    /** The README's example, pictures on: epoch 1's loss of 6.4e169 once sent XChart into an endless loop. */
    @Test
    void theReadmeExampleEndsPromptlyWithItsPictures() throws IOException {
        Cli run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run(
                "--lr", "1000", "--momentum", "0.99", "--loss", "cross-entropy", "-o", dir.toString()));

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("epoch  1/50  loss 6.3798e+169");
        assertThat(run.errLines()).singleElement().asString().startsWith("grad: training diverged in epoch 2, minibatch 16: ");
        BufferedImage curves = ImageIO.read(dir.resolve("curves_xor.png").toFile());
        assertThat(curves.getWidth()).isEqualTo(CurvesPlot.DEFAULT_WIDTH);
        assertThat(curves.getHeight()).isEqualTo(CurvesPlot.DEFAULT_HEIGHT);
        assertThat(ImageIO.read(dir.resolve("decision_boundary_epoch_1_xor.png").toFile())).isNotNull();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    /** The training curves of a metrics file's epochs. */
    private static TrainingCurves curvesOf(JsonObject metrics, String title) {
        JsonArray epochs = metrics.getAsJsonArray("epochs");
        int n = epochs.size();
        int[] epoch = new int[n];
        double[] loss = new double[n];
        double[] accuracy = new double[n];
        for (int i = 0; i < n; i++) {
            JsonObject e = epochs.get(i).getAsJsonObject();
            epoch[i] = e.get("epoch").getAsInt();
            loss[i] = e.get("loss").getAsDouble();
            accuracy[i] = e.get("accuracy").getAsDouble();
        }
        return new TrainingCurves(title, epoch, loss, accuracy, null, null, "accuracy");
    }

    @Test
    void aParameterThatOverflowsIsNamed() throws IOException {
        Cli run = Cli.run("--lr", "1.7e308", "--momentum", "0", "--class-size", "40", "--batch-size", "40",
                "--no-plots", "-o", dir.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errLines()).containsExactly("grad: training diverged in epoch 1, minibatch 1: layer 0's parameter"
                + " w[0][3][0] became -Infinity; try a lower --lr (now 1.7E308) or check --init");
        assertThat(JsonParser.parseString(Files.readString(dir.resolve("metrics_xor.json"))).getAsJsonObject()
                .get("status").getAsString()).isEqualTo("diverged");
    }

    @Test
    void theSameRatesWithMseDoNotDivergeOnXor() {
        Cli run = Cli.run("--lr", "1000", "--momentum", "0.99", "--class-size", "200", "--epochs", "20",
                "--no-plots", "-o", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("done: train loss 0.5050, accuracy 49.5%");
    }
}
