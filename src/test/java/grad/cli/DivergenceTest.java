package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grad.data.SyntheticDataset;
import grad.plot.CurvesPlot;
import grad.plot.TrainingCurves;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Pattern DIVERGED = Pattern.compile("grad: training diverged in epoch (\\d+), minibatch (\\d+): "
            + "(.+); try a lower --lr \\(now (.+)\\) or check --init");

    /**
     * What a diverged run must show, whatever epoch it diverged in: one line naming the epoch, and every
     * output of the epochs before it — their log lines, their metrics, their pictures — and nothing after.
     */
    @Test
    void stopsWithExit3OneLineAndKeepsWhatWasWritten() throws IOException {
        Cli run = Cli.run("--lr", "1000", "--momentum", "0.99", "--loss", "cross-entropy", "--class-size", "200",
                "-o", dir.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(errors(run)).hasSize(1);
        Matcher m = DIVERGED.matcher(errors(run).get(0));
        assertThat(m.matches()).as(run.err()).isTrue();
        int epoch = Integer.parseInt(m.group(1));
        assertThat(epoch).isBetween(2, 50);
        assertThat(m.group(3)).matches("the loss became (NaN|-?Infinity).*");
        assertThat(m.group(4)).isEqualTo("1000");
        assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("at grad.");
        assertThat(run.out()).doesNotContain("done:").doesNotContain(String.format("epoch %2d/50", epoch));

        JsonObject metrics = JsonParser.parseString(
                Files.readString(dir.resolve("metrics_xor.json"))).getAsJsonObject();
        assertThat(metrics.get("status").getAsString()).isEqualTo("diverged");
        assertThat(metrics.getAsJsonObject("divergence").get("epoch").getAsInt()).isEqualTo(epoch);
        assertThat(metrics.getAsJsonObject("divergence").get("message").getAsString())
                .isEqualTo(errors(run).get(0).substring("grad: ".length()));
        JsonArray epochs = metrics.getAsJsonArray("epochs");
        assertThat(epochs).hasSize(epoch - 1);
        for (int e = 1; e < epoch; e++) {
            assertThat(epochs.get(e - 1).getAsJsonObject().get("epoch").getAsInt()).isEqualTo(e);
            assertThat(epochs.get(e - 1).getAsJsonObject().get("loss").isJsonNull()).as("epoch %d's loss", e).isFalse();
        }
        assertThat(metrics.has("final")).isFalse();

        assertThat(ImageIO.read(dir.resolve("dataset_xor.png").toFile())).isNotNull();
        assertThat(ImageIO.read(dir.resolve("curves_xor.png").toFile())).isNotNull();
        for (int e = 1; e < epoch; e += 5) {   // the print epochs before the divergence (--print-epochs 5)
            assertThat(run.out()).contains(String.format("epoch %2d/50", e));
            Path png = dir.resolve("decision_boundary_epoch_" + e + "_xor.png");
            assertThat(ImageIO.read(png.toFile())).as(png.toString()).isNotNull();
        }
        assertThat(dir.resolve("decision_boundary_epoch_" + epoch + "_xor.png")).doesNotExist();
        // the curves are drawn at print epochs, and once more up to the last epoch that finished
        assertThat(Files.readAllBytes(dir.resolve("curves_xor.png")))
                .isEqualTo(CurvesPlot.png(curvesOf(metrics, "xor — diverged in epoch " + epoch)));
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
        assertThat(errors(run)).singleElement().asString().startsWith("grad: training diverged in epoch 2, minibatch 16: ");
        BufferedImage curves = ImageIO.read(dir.resolve("curves_xor.png").toFile());
        assertThat(curves.getWidth()).isEqualTo(CurvesPlot.DEFAULT_WIDTH);
        assertThat(curves.getHeight()).isEqualTo(CurvesPlot.DEFAULT_HEIGHT);
        assertThat(ImageIO.read(dir.resolve("decision_boundary_epoch_1_xor.png").toFile())).isNotNull();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    /** What the run printed on stderr other than the health checks' warnings (the saturated softmax, here). */
    private static java.util.List<String> errors(Cli run) {
        return run.errLines().stream().filter(line -> !line.startsWith("grad: warning: ")).toList();
    }

    /** The training curves of a metrics file's epochs, marking its warnings' epochs. */
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
        int[] warned = metrics.getAsJsonArray("warnings").asList().stream()
                .mapToInt(w -> w.getAsJsonObject().get("epoch").getAsInt()).distinct().toArray();
        return new TrainingCurves(title, epoch, loss, accuracy, null, null, "accuracy", warned);
    }

    /**
     * With a learning rate near {@code Double.MAX_VALUE}, the first step {@code w -= lr * g} overflows any
     * weight whose gradient's magnitude is above about 1.06: it diverges in the first minibatch, and the
     * message names the parameter.
     */
    @Test
    void aParameterThatOverflowsIsNamed() throws IOException {
        Cli run = Cli.run("--lr", "1.7e308", "--momentum", "0", "--class-size", "40", "--batch-size", "40",
                "--no-plots", "-o", dir.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errLines()).singleElement().asString().matches("grad: training diverged in epoch 1, minibatch 1: "
                + "layer \\d+'s parameter [wb]\\[\\d+\\](\\[\\d+\\])+ became -?Infinity; try a lower --lr \\(now 1.7E308\\) or check --init");
        assertThat(JsonParser.parseString(Files.readString(dir.resolve("metrics_xor.json"))).getAsJsonObject()
                .get("status").getAsString()).isEqualTo("diverged");
    }

    /**
     * Dead ReLUs and a saturated softmax: the network outputs one class for every row with probability 1,
     * so its accuracy is that class's share of the rows, and its MSE loss (a wrong row costs
     * {@code (1² + 1²) / 2 = 1}, a right one 0) is the share of the other class.
     */
    @Test
    void theSameRatesWithMseDoNotDivergeOnXor() throws IOException {
        Cli run = Cli.run("--lr", "1000", "--momentum", "0.99", "--class-size", "200", "--epochs", "20",
                "--no-plots", "-o", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject fin = JsonParser.parseString(Files.readString(dir.resolve("metrics_xor.json"))).getAsJsonObject()
                .getAsJsonObject("final");
        int[] counts = new int[2];
        for (int label : SyntheticDataset.XOR.generate(200, 42).labels()) {
            counts[label]++;
        }
        double accuracy = fin.get("accuracy").getAsDouble();
        assertThat(accuracy).isIn(counts[0] / 200.0, counts[1] / 200.0);
        assertThat(fin.get("loss").getAsDouble()).isCloseTo(1 - accuracy, within(1e-6));
        assertThat(run.out()).contains(String.format(Locale.ROOT, "done: train loss %.4f, accuracy %.1f%%",
                1 - accuracy, 100 * accuracy));
    }
}
