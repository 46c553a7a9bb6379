package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The training command, driven as a user drives it. */
class TrainCommandTest {
    @TempDir
    Path dir;

    private static JsonObject metrics(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        Cli run = Cli.run("--help");
        assertThat(run.exitCode()).isZero();
        for (String option : List.of("--dataset", "--class-size", "--batch-size", "--epochs", "--lr", "--momentum",
                "--print-epochs", "--output-dir", "--hidden-units", "--graphviz", "--seed", "--loss", "--activation",
                "--init", "--[no-]plots", "--threads", "--gif-every", "--graphviz-max-nodes", "--label", "--features",
                "--delimiter", "--test-split", "--early-stopping", "--validation-split", "--[no-]standardize", "--task", "--help", "--version")) {
            assertThat(run.out()).as(option).contains(option);
        }
        assertThat(run.out()).contains("default: xor").contains("default: 0.001").contains("default: 42");
        assertThat(run.out()).contains("eval").contains("export");
    }

    @Test
    void versionIsPrinted() {
        Cli run = Cli.run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("grad ");
    }

    /** The documented settings for each dataset reach at least 90% training accuracy. */
    @ParameterizedTest
    @CsvSource({"linear, 0.001", "xor, 0.005", "moons, 0.001", "circles, 0.001", "line, 0.001", "moon, 0.001", "circle, 0.001"})
    void everyDatasetLearns(String dataset, String lr) throws IOException {
        Cli run = Cli.run("--dataset", dataset, "--lr", lr, "--no-plots", "-o", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.filter(p -> p.getFileName().toString().startsWith("metrics_")).findFirst().orElseThrow();
        }
        JsonObject json = metrics(file);
        assertThat(json.get("status").getAsString()).isEqualTo("completed");
        assertThat(json.getAsJsonObject("final").get("accuracy").getAsDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(json.getAsJsonArray("epochs")).hasSize(50);
        assertThat(run.out()).contains("epoch 50/50").containsPattern("accuracy \\d+\\.\\d%");
    }

    @Test
    void consoleLogsPrintEpochsAndASummary() {
        Cli run = Cli.run("--epochs", "12", "--print-epochs", "5", "--no-plots", "-o", dir.toString(),
                "--class-size", "200");
        assertThat(run.exitCode()).isZero();
        List<String> epochs = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^epoch\\s+(\\d+)/12\\s+loss \\d+\\.\\d{4}\\s+accuracy \\d+\\.\\d%").matcher(run.out());
        while (m.find()) {
            epochs.add(m.group(1));
        }
        assertThat(epochs).containsExactly("1", "6", "11", "12");
        assertThat(run.out()).contains("seed 42").contains("2-10-2 MLP").contains("done: train loss")
                .contains("confusion matrix");
    }

    @Test
    void picturesAreWrittenAsGradRsNamesThemAndDecode() throws Exception {
        Cli run = Cli.run("--dataset", "circles", "--class-size", "100", "--epochs", "12", "-o", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> expected = new ArrayList<>(List.of("dataset_circles.png", "curves_circles.png"));
        for (int e : new int[] {1, 6, 11, 12}) {
            expected.add("decision_boundary_epoch_" + e + "_circles.png");
        }
        for (String name : expected) {
            BufferedImage image = ImageIO.read(dir.resolve(name).toFile());
            assertThat(image).as(name).isNotNull();
            assertThat(image.getWidth()).isGreaterThanOrEqualTo(400);
        }
        assertThat(dir.resolve("decision_boundary_epoch_2_circles.png")).doesNotExist();
        try (ImageInputStream in = ImageIO.createImageInputStream(dir.resolve("decision_boundary_circles.gif").toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(4);
        }
    }

    @Test
    void gifEveryChangesTheFrameCount() throws Exception {
        Cli run = Cli.run("--class-size", "100", "--epochs", "10", "--gif-every", "2", "-o", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (ImageInputStream in = ImageIO.createImageInputStream(dir.resolve("decision_boundary_xor.gif").toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).as("epochs 1,3,5,7,9 and the last").isEqualTo(6);
        }
    }

    @Test
    void drawingEveryEpochOfALongerRunWritesEveryFrame() throws Exception {
        // more frames than may wait to be written at once: training waits for pictures, nothing is lost
        Cli run = Cli.run("--class-size", "60", "--epochs", "20", "--print-epochs", "1", "-o", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (int e = 1; e <= 20; e++) {
            assertThat(ImageIO.read(dir.resolve("decision_boundary_epoch_" + e + "_xor.png").toFile())).isNotNull();
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(dir.resolve("decision_boundary_xor.gif").toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(20);
        }
    }

    @Test
    void graphvizWritesTheGraphOfOneSampleWithNonZeroParameterGradients() throws Exception {
        Cli run = Cli.run("--graphviz", "--no-plots", "--class-size", "100", "--epochs", "6", "-o", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path dot = dir.resolve("weights_epoch_1_xor.dot");
        String text = Files.readString(dot);
        assertThat(text).startsWith("digraph").contains("w[0][0][0]").contains("b[1][1]").contains("x0").contains("y1");
        // Gradients captured after backward and before the step: grad-rs showed only zeros here.
        Matcher m = Pattern.compile("w\\[\\d]\\[\\d+]\\[\\d+]\\s*\\|\\s*data [^|]*\\|\\s*grad ([^|}]+)").matcher(text);
        int nonZero = 0;
        int total = 0;
        while (m.find()) {
            total++;
            if (Double.parseDouble(m.group(1).trim().replace("inf", "Infinity")) != 0.0) {
                nonZero++;
            }
        }
        assertThat(total).isEqualTo(40);
        assertThat(nonZero).isGreaterThan(10);
        assertThat(dir.resolve("weights_epoch_6_xor.dot")).exists();
        assertThat(run.out()).contains("nodes").contains("edges");
        if (DotRendererAvailable.dot()) {
            assertThat(dir.resolve("weights_epoch_1_xor.svg")).isNotEmptyFile();
            assertThat(Files.readString(dir.resolve("weights_epoch_1_xor.svg"))).contains("<svg");
        }
    }

    @Test
    void aBatchSizeThatDoesNotDivideTheDataWorks() throws IOException {
        Cli run = Cli.run("--class-size", "103", "--batch-size", "10", "--epochs", "3", "--no-plots", "-o", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(metrics(dir.resolve("metrics_xor.json")).getAsJsonArray("epochs")).hasSize(3);
    }

    @Test
    void exportWritesADatasetThatTrainsLikeTheGenerator() throws IOException {
        Path csv = dir.resolve("moons.csv");
        Cli export = Cli.run("export", "--dataset", "moons", "--class-size", "150", "--seed", "7", "--out", csv.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo("x,y,label");
        assertThat(Files.readAllLines(csv)).hasSize(301);

        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Cli fromGenerator = Cli.run("--dataset", "moons", "--class-size", "150", "--seed", "7", "--epochs", "5",
                "--no-plots", "-o", a.toString());
        Cli fromCsv = Cli.run("--dataset", csv.toString(), "--test-split", "0", "--no-standardize", "--seed", "7",
                "--epochs", "5", "--no-plots", "-o", b.toString());
        assertThat(fromGenerator.exitCode()).isZero();
        assertThat(fromCsv.exitCode()).as(fromCsv.err()).isZero();
        JsonObject ma = metrics(a.resolve("metrics_moons.json"));
        JsonObject mb = metrics(b.resolve("metrics_moons.json"));
        assertThat(mb.get("epochs")).isEqualTo(ma.get("epochs"));
        assertThat(mb.get("final")).isEqualTo(ma.get("final"));
    }
}
