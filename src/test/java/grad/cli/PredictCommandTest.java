package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import grad.data.CsvDataset;
import grad.data.CsvOptions;
import grad.data.Split;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grad predict}, driven through the command line as a user runs it. */
class PredictCommandTest {
    private static final long SEED = 5;
    private static final double TEST_SPLIT = 0.25;

    @TempDir
    Path dir;

    /** 90 points on three rings (width, height_mm; classes inner, middle, outer), a model trained on 75% of them. */
    private Path rings;
    private Path model;

    private static Cli grad(String... args) {
        return Cli.run(args);
    }

    private static void assertOneLineError(Cli run, int exitCode, String message) {
        assertThat(run.exitCode()).isEqualTo(exitCode);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("grad: " + message + System.lineSeparator());
        assertThat(run.err()).doesNotContain("Exception");
    }

    @BeforeEach
    void train() throws URISyntaxException {
        rings = Path.of(PredictCommandTest.class.getResource("/grad/model/rings.csv").toURI());
        model = dir.resolve("rings.json");
        Cli run = grad("--dataset", rings.toString(), "--test-split", "" + TEST_SPLIT, "--seed", "" + SEED,
                "--epochs", "25", "--lr", "0.05", "--hidden-units", "12", "--no-plots", "--threads", "2",
                "--output-dir", dir.resolve("out").toString(), "--save-model", model.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("saved the model to " + model);
    }

    private static List<CSVRecord> readCsv(String text) throws IOException {
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.DEFAULT)) {
            return parser.getRecords();
        }
    }

    private static List<CSVRecord> readCsvWithHeader(String text) throws IOException {
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.DEFAULT.builder().setHeader().get())) {
            return parser.getRecords();
        }
    }

    /** The held-out rows of the fixture, as training split them, with the columns in another order and an extra one. */
    private Path heldOutRows() throws IOException {
        Split split = Split.stratified(CsvDataset.read(rings, CsvOptions.defaults()), TEST_SPLIT, SEED);
        List<CSVRecord> all = readCsv(Files.readString(rings));
        Path file = dir.resolve("held_out.csv");
        try (CSVPrinter printer = new CSVPrinter(Files.newBufferedWriter(file),
                CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            printer.printRecord("id", "ring", "height_mm", "width");
            for (int row : split.testRows()) {
                CSVRecord r = all.get(row + 1);
                printer.printRecord("row" + row, r.get(2), r.get(1), r.get(0));
            }
        }
        return file;
    }

    @Test
    void predictionsOnHeldOutRowsReachTheTestAccuracyOfTraining() throws IOException {
        double testAccuracy = JsonParser.parseString(Files.readString(dir.resolve("out/metrics_rings.json")))
                .getAsJsonObject().getAsJsonObject("final").get("test_accuracy").getAsDouble();
        Path output = dir.resolve("predictions.csv");

        Cli run = grad("predict", "--model", model.toString(), "--input", heldOutRows().toString(),
                "--output", output.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        List<CSVRecord> rows = readCsvWithHeader(Files.readString(output));
        assertThat(rows.get(0).getParser().getHeaderNames())
                .containsExactly("id", "ring", "height_mm", "width", "predicted", "p_inner", "p_middle", "p_outer");
        int correct = 0;
        for (CSVRecord r : rows) {
            correct += r.get("ring").equals(r.get("predicted")) ? 1 : 0;
        }
        int n = rows.size();
        assertThat(n).isEqualTo(24);
        assertThat((double) correct / n).isEqualTo(testAccuracy);
        assertThat(run.out()).startsWith(String.format(java.util.Locale.ROOT,
                "predicted 24 rows of %s with %s; accuracy %.1f%% (%d of 24) against column \"ring\"; wrote %s",
                dir.resolve("held_out.csv"), model, 100 * testAccuracy, correct, output));
    }

    @Test
    void writesEachClassProbabilityAsTheModelFileDefinesIt() throws IOException {
        Cli run = grad("predict", "--model", model.toString(), "--input", rings.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).startsWith("grad predict: predicted 90 rows of " + rings + " with " + model + "; accuracy ");

        JsonObject json = JsonParser.parseString(Files.readString(model)).getAsJsonObject();
        List<String> classes = new Gson().fromJson(json.get("classes"), new TypeToken<List<String>>() { }.getType());
        List<CSVRecord> rows = readCsv(run.out());
        assertThat(rows.get(0).toList()).containsExactly("width", "height_mm", "ring", "predicted", "p_inner", "p_middle", "p_outer");
        assertThat(rows).hasSize(91);
        for (CSVRecord r : rows.subList(1, rows.size())) {
            double[] p = ModelByHand.probabilities(json, Double.parseDouble(r.get(0)), Double.parseDouble(r.get(1)));
            double[] written = {Double.parseDouble(r.get(4)), Double.parseDouble(r.get(5)), Double.parseDouble(r.get(6))};
            for (int k = 0; k < 3; k++) {
                assertThat(written[k]).isCloseTo(p[k], within(1e-12));
            }
            int best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
            assertThat(r.get(3)).isEqualTo(classes.get(best));
            assertThat(written[0] + written[1] + written[2]).isCloseTo(1.0, within(1e-12));
        }
        Path file = dir.resolve("p.csv");
        assertThat(grad("predict", "--model", model.toString(), "--input", rings.toString(), "--output", file.toString())
                .exitCode()).isZero();
        assertThat(Files.readString(file)).isEqualTo(run.out());
    }

    @Test
    void drawsTheDecisionBoundaryWithLabelledAndUnlabelledPoints() throws IOException {
        Path png = dir.resolve("labelled.png");
        Cli run = grad("predict", "--model", model.toString(), "--input", rings.toString(),
                "--output", dir.resolve("p.csv").toString(), "--plot", png.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("drew the decision boundary in " + png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(480);

        Path unlabelled = dir.resolve("points.csv");
        Files.writeString(unlabelled, "height_mm,width\n10,0.5\n-300,4\n120,-2.5\n");
        Path png2 = dir.resolve("unlabelled.png");
        run = grad("predict", "--model", model.toString(), "--input", unlabelled.toString(), "--plot", png2.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(readCsv(run.out())).hasSize(4);
        assertThat(ImageIO.read(png2.toFile()).getWidth()).isEqualTo(640);
    }

    @Test
    void aPlotNeedsTwoFeaturesAndClasses() throws IOException {
        Path iris = dir.resolve("iris.csv");
        Files.writeString(iris, "a,b,c,species\n1,2,3,x\n2,3,4,y\n3,4,5,x\n4,5,6,y\n");
        Path irisModel = dir.resolve("iris.json");
        assertThat(grad("--dataset", iris.toString(), "--epochs", "1", "--no-plots", "--test-split", "0",
                "--output-dir", dir.resolve("out").toString(), "--save-model", irisModel.toString()).exitCode()).isZero();
        Cli run = grad("predict", "--model", irisModel.toString(), "--input", iris.toString(), "--plot", "x.png");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("grad: --plot draws a decision boundary, which needs a model of 2 number features and classes; "
                + irisModel + " has 3 features");
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    @Test
    void regressionPredictsAValueAndNoProbabilities() throws IOException {
        Path houses = dir.resolve("houses.csv");
        StringBuilder csv = new StringBuilder("rooms,area,price\n");
        for (int i = 0; i < 30; i++) {
            csv.append(1 + i % 5).append(',').append(30 + 7 * i).append(',').append(100.5 + 3 * i).append('\n');
        }
        Files.writeString(houses, csv);
        Path m = dir.resolve("houses.json");
        assertThat(grad("--dataset", houses.toString(), "--epochs", "3", "--no-plots", "--output-dir",
                dir.resolve("out").toString(), "--save-model", m.toString()).exitCode()).isZero();
        Cli run = grad("predict", "--model", m.toString(), "--input", houses.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<CSVRecord> rows = readCsv(run.out());
        assertThat(rows.get(0).toList()).containsExactly("rooms", "area", "price", "predicted");
        assertThat(Double.parseDouble(rows.get(1).get(3))).isFinite();
        assertThat(run.err()).contains("; rmse ").contains("against column \"price\"");
    }

    // --- errors: one line naming the file, exit 1 -----------------------------------------------------------

    @Test
    void aMissingFeatureColumnIsNamed() throws IOException {
        Path input = dir.resolve("in.csv");
        Files.writeString(input, "width,height,ring\n1,2,inner\n");
        assertOneLineError(grad("predict", "--model", model.toString(), "--input", input.toString()), 1,
                input + ": no column \"height_mm\", a feature of the model " + model
                        + " (features \"width\", \"height_mm\"; columns \"width\", \"height\", \"ring\")");
    }

    @Test
    void aFeatureThatIsNotANumberIsNamedWithItsLine() throws IOException {
        Path input = dir.resolve("in.csv");
        Files.writeString(input, "width,height_mm\n1,2\n\n3,abc\n");
        Path output = dir.resolve("out.csv");
        assertOneLineError(grad("predict", "--model", model.toString(), "--input", input.toString(),
                "--output", output.toString()), 1, input + ":4: column 2 \"height_mm\": not a number: \"abc\"");
        assertThat(output).doesNotExist();
    }

    @Test
    void aFileThatIsNotAModel() {
        assertOneLineError(grad("predict", "--model", rings.toString(), "--input", rings.toString()), 1,
                rings + ": not a grad model file (not JSON): line 1 column 1: malformed JSON");
        Path metrics = dir.resolve("out/metrics_rings.json");
        assertOneLineError(grad("predict", "--model", metrics.toString(), "--input", rings.toString()), 1,
                metrics + ": not a grad model file (no \"format\": \"grad-model\"; grad --save-model FILE writes one)");
    }

    @Test
    void aNewerFormatVersion() throws IOException {
        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, Files.readString(model).replace("\"version\": 1,", "\"version\": 2,"));
        assertOneLineError(grad("predict", "--model", newer.toString(), "--input", rings.toString()), 1,
                newer + ": model format version 2 is newer than this grad reads (up to 1); use a newer grad");
    }

    @Test
    void unreadableFiles() {
        Path missing = dir.resolve("missing.json");
        assertOneLineError(grad("predict", "--model", missing.toString(), "--input", rings.toString()), 1,
                missing + ": no such file");
        assertOneLineError(grad("predict", "--model", model.toString(), "--input", dir.toString()), 1,
                dir + ": is a directory, not a CSV file");
        Path noInput = dir.resolve("none.csv");
        assertOneLineError(grad("predict", "--model", model.toString(), "--input", noInput.toString()), 1,
                noInput + ": no such file");
    }

    @Test
    void labelsTheModelDoesNotKnowAreANoteNotAnError() throws IOException {
        Path input = dir.resolve("in.csv");
        Files.writeString(input, "width,height_mm,ring\n1,2,inner\n3,4,square\n");
        Cli run = grad("predict", "--model", model.toString(), "--input", input.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("grad predict: note: column \"ring\" has a value that is not one of the model's classes, "
                + "\"square\" (line 3): no accuracy");
        assertThat(run.err()).doesNotContain("accuracy ");
        assertThat(new ArrayList<>(readCsv(run.out()))).hasSize(3);
    }
}
