package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grad.data.CsvDataset;
import grad.data.CsvOptions;
import grad.data.Dataset;
import grad.data.Split;
import grad.engine.Value;
import grad.model.ModelFile;
import grad.model.SavedModel;
import grad.nn.MLP;
import grad.plot.Palette;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validation figures of {@code --early-stopping}: each epoch's validation loss and accuracy in the metrics
 * file (the loss of the kept epoch recomputed here from the saved model on the validation rows), on the console's
 * epoch lines, as a line of its own colour in the curves picture and in report.html; none of it without early
 * stopping.
 */
class ValidationCurvesTest {
    /** {@code LoadedData}'s salt of the validation split's seed: the test rebuilds the split to recompute the loss. */
    private static final long VALIDATION_SALT = 0x5DEECE66DL;
    private static final double TEST_SPLIT = 0.2;
    private static final double VALIDATION_SPLIT = 0.25;
    private static final long SEED = 42;

    @TempDir
    static Path dir;
    static Path csv;
    static Cli early;
    static Cli plain;

    /** Two overlapping blobs with some labels flipped, trained by a network big enough to learn the noise. */
    @BeforeAll
    static void trainWithAndWithoutEarlyStopping() throws IOException {
        Random rng = new Random(11);
        StringBuilder sb = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 240; i++) {
            int label = i % 2;
            double x = rng.nextGaussian() + (label == 0 ? -0.7 : 0.7);
            double y = rng.nextGaussian();
            int shown = rng.nextDouble() < 0.1 ? 1 - label : label;
            sb.append(String.format(Locale.ROOT, "%.6f,%.6f,%d%n", x, y, shown));
        }
        csv = dir.resolve("blobs.csv");
        Files.writeString(csv, sb.toString());
        early = train("early", "--early-stopping", "4", "--validation-split", String.valueOf(VALIDATION_SPLIT));
        plain = train("plain");
    }

    private static Cli train(String out, String... extra) {
        return Cli.ok(List.of("--dataset", csv.toString(), "--hidden-units", "24,24", "--lr", "0.01", "--batch-size", "8",
                "--epochs", "60", "--print-epochs", "3", "--test-split", String.valueOf(TEST_SPLIT),
                "--seed", String.valueOf(SEED), "-o", dir.resolve(out).toString(),
                "--save-model", dir.resolve(out + ".json").toString()), extra);
    }

    private static JsonObject metrics(String out) throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve(out + "/metrics_blobs.json"))).getAsJsonObject();
    }

    @Test
    void everyEpochRecordsItsValidationLossAndTheBestOneIsTheEpochKept() throws IOException {
        JsonObject m = metrics("early");
        JsonArray epochs = m.getAsJsonArray("epochs");
        JsonObject stopping = m.getAsJsonObject("early_stopping");
        JsonArray recorded = stopping.getAsJsonArray("validation_loss");
        assertThat(epochs).hasSize(stopping.get("stopped_epoch").getAsInt());
        int argmin = 0;
        for (int i = 0; i < epochs.size(); i++) {
            JsonObject e = epochs.get(i).getAsJsonObject();
            assertThat(e.get("validation_accuracy").getAsDouble()).isBetween(0.0, 1.0);
            assertThat(e.get("validation_loss").getAsDouble()).isEqualTo(recorded.get(i).getAsDouble());
            if (e.get("validation_loss").getAsDouble() < loss(epochs, argmin)) {
                argmin = i;
            }
        }
        int best = stopping.get("best_epoch").getAsInt();
        assertThat(epochs.get(argmin).getAsJsonObject().get("epoch").getAsInt()).isEqualTo(best);
        assertThat(loss(epochs, best - 1)).isEqualTo(stopping.get("best_validation_loss").getAsDouble());
        // the validation loss went up after the best epoch: not a constant that would pass the checks above
        assertThat(loss(epochs, epochs.size() - 1)).isGreaterThan(loss(epochs, best - 1));
    }

    @Test
    void theKeptEpochsValidationFiguresAreTheSavedModelsOnTheValidationRows() throws IOException {
        JsonObject kept = metrics("early").getAsJsonArray("epochs")
                .get(metrics("early").getAsJsonObject("early_stopping").get("best_epoch").getAsInt() - 1).getAsJsonObject();
        Dataset data = CsvDataset.read(csv, CsvOptions.defaults());
        Dataset validation = Split.stratified(Split.stratified(data, TEST_SPLIT, SEED).train(), VALIDATION_SPLIT,
                SEED ^ VALIDATION_SALT).test();
        SavedModel model = ModelFile.read(dir.resolve("early.json"));
        MLP network = model.network();
        double loss = 0;
        int right = 0;
        for (int i = 0; i < validation.size(); i++) {
            double[] x = new double[network.inputs()];
            model.networkInput(validation.row(i), x);
            List<Value> outputs = network.call(Arrays.stream(x).mapToObj(Value::of).toList());
            List<Value> target = new ArrayList<>();
            int predicted = 0;
            for (int k = 0; k < outputs.size(); k++) {
                target.add(Value.of(k == validation.label(i) ? 1 : 0));
                predicted = outputs.get(k).data() > outputs.get(predicted).data() ? k : predicted;
            }
            loss += model.loss().of(outputs, target).data() / validation.size();
            right += predicted == validation.label(i) ? 1 : 0;
        }
        assertThat(validation.size()).isEqualTo(48);
        assertThat(kept.get("validation_loss").getAsDouble()).isCloseTo(loss, within(1e-12));
        assertThat(kept.get("validation_accuracy").getAsDouble()).isEqualTo((double) right / validation.size());
    }

    @Test
    void theEpochLinesShowTheValidationLossAndAccuracyAfterTheTestFigures() throws IOException {
        JsonArray epochs = metrics("early").getAsJsonArray("epochs");
        Matcher line = Pattern.compile("(?m)^epoch +(\\d+)/60 .*  test accuracy \\d+\\.\\d%"
                + "  validation loss (\\d+\\.\\d{4})  validation accuracy (\\d+\\.\\d)%$").matcher(early.out());
        int lines = 0;
        while (line.find()) {
            JsonObject e = epochs.get(Integer.parseInt(line.group(1)) - 1).getAsJsonObject();
            assertThat(line.group(2)).isEqualTo(String.format(Locale.ROOT, "%.4f", e.get("validation_loss").getAsDouble()));
            assertThat(line.group(3)).isEqualTo(String.format(Locale.ROOT, "%.1f",
                    100 * e.get("validation_accuracy").getAsDouble()));
            lines++;
        }
        assertThat(lines).as(early.out()).isEqualTo(early.out().lines().filter(l -> l.startsWith("epoch ")).count())
                .isGreaterThanOrEqualTo(2);
        assertThat(plain.out()).doesNotContain("validation");
    }

    @Test
    void theCurvesHaveAValidationLineOnlyWithEarlyStopping() throws IOException {
        assertThat(pixels("early", Palette.VALIDATION)).isGreaterThan(300);
        assertThat(pixels("plain", Palette.VALIDATION)).isZero();
        assertThat(pixels("plain", Palette.TRAIN)).isGreaterThan(300);
        assertThat(pixels("plain", Palette.TEST)).isGreaterThan(300);
    }

    @Test
    void withoutEarlyStoppingNothingIsCalledValidation() throws IOException {
        JsonObject m = metrics("plain");
        assertThat(m.has("early_stopping")).isFalse();
        for (JsonElement e : m.getAsJsonArray("epochs")) {
            assertThat(e.getAsJsonObject().keySet()).contains("test_loss").noneMatch(k -> k.startsWith("validation"));
        }
        assertThat(Files.readString(dir.resolve("plain/report.html"))).doesNotContain("validation");
    }

    @Test
    void theReportShowsTheKeptEpochsValidationFigures() throws IOException {
        String html = Files.readString(dir.resolve("early/report.html"));
        int best = metrics("early").getAsJsonObject("early_stopping").get("best_epoch").getAsInt();
        assertThat(html).contains("<th class=\"test\">test</th><th class=\"validation\"")
                .contains("at epoch " + best + ", whose weights were kept")
                .containsPattern("<td data-key=\"validation_loss\">\\d\\.\\d+</td>")
                .containsPattern("<td data-key=\"validation_accuracy\">\\d+\\.\\d%</td>");
    }

    private static double loss(JsonArray epochs, int index) {
        return epochs.get(index).getAsJsonObject().get("validation_loss").getAsDouble();
    }

    /** How many pixels of the curves picture are exactly {@code colour}. */
    private static int pixels(String out, Color colour) throws IOException {
        BufferedImage image = ImageIO.read(dir.resolve(out + "/curves_blobs.png").toFile());
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                count += (image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF) ? 1 : 0;
            }
        }
        return count;
    }
}
