package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on the user's own CSV files: held-out evaluation, class names, regression. */
class CsvTrainingTest {
    @TempDir
    Path dir;

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(CsvTrainingTest.class.getResource("/grad/cli/" + name).toURI()).toString();
    }

    private JsonObject metrics(String name) throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve("metrics_" + name + ".json"))).getAsJsonObject();
    }

    @Test
    void fourFeaturesAndNamedClassesReachAStatedHeldOutAccuracy() throws Exception {
        Cli run = Cli.run("--dataset", fixture("flowers.csv"), "--epochs", "60", "--lr", "0.01", "-o", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject m = metrics("flowers");
        JsonObject fin = m.getAsJsonObject("final");
        // 150 rows, 20% held out per class: 30 test rows, 10 of each species
        assertThat(m.getAsJsonObject("dataset").get("test_rows").getAsInt()).isEqualTo(30);
        assertThat(fin.get("test_accuracy").getAsDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(m.getAsJsonObject("dataset").getAsJsonArray("classes").toString())
                .isEqualTo("[\"setosa\",\"versicolor\",\"virginica\"]");
        assertThat(m.getAsJsonArray("epochs").get(0).getAsJsonObject().has("test_accuracy")).isTrue();
        assertThat(run.out()).contains("4-10-3 MLP").contains("test accuracy")
                .containsPattern("confusion matrix \\(test rows.*\\n\\s+setosa\\s+versicolor\\s+virginica\\n\\s+setosa\\s+\\d+");
        assertThat(run.out()).contains("no decision-boundary pictures: they need 2 features");
        assertThat(dir.resolve("curves_flowers.png")).exists();
        assertThat(dir.resolve("dataset_flowers.png")).doesNotExist();
    }

    @Test
    void regressionOnASemicolonFileWithTheLabelInTheMiddleReachesAStatedRSquared() throws Exception {
        Cli run = Cli.run("--dataset", fixture("houses.csv"), "--delimiter", ";", "--label", "price",
                "--epochs", "100", "--lr", "0.001", "--no-plots", "-o", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject m = metrics("houses");
        assertThat(m.getAsJsonObject("dataset").get("task").getAsString()).isEqualTo("regression");
        assertThat(m.getAsJsonObject("dataset").getAsJsonArray("features").toString())
                .isEqualTo("[\"rooms\",\"age\",\"distance\"]");
        JsonObject fin = m.getAsJsonObject("final");
        assertThat(fin.get("test_r2").getAsDouble()).isGreaterThan(0.95);
        assertThat(fin.get("test_rmse").getAsDouble()).as("in the price's own units").isBetween(1.0, 15.0);
        assertThat(fin.has("accuracy")).isFalse();
        assertThat(run.out()).contains("3-10-1 MLP").contains("R²");
    }

    @Test
    void aSavedRegressionModelPredictsInTheTargetsOwnUnits() throws Exception {
        Path model = dir.resolve("houses.json");
        Cli train = Cli.run("--dataset", fixture("houses.csv"), "--delimiter", ";", "--label", "price",
                "--epochs", "100", "--lr", "0.001", "--no-plots", "-o", dir.toString(), "--save-model", model.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        Path predictions = dir.resolve("predictions.csv");
        Cli predict = Cli.run("predict", "--model", model.toString(), "--input", fixture("houses.csv"),
                "--output", predictions.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        java.util.List<String> lines = Files.readAllLines(predictions);
        assertThat(lines.get(0)).isEqualTo("rooms;price;age;distance;predicted");
        double sumAbs = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";");
            sumAbs += Math.abs(Double.parseDouble(f[4]) - Double.parseDouble(f[1]));
        }
        // prices run from about 60 to 260; a scaled-down prediction would be off by about 150
        assertThat(sumAbs / (lines.size() - 1)).isLessThan(10.0);
    }

    @Test
    void twoFeatureCsvGetsPicturesInItsOwnUnits() throws Exception {
        Path csv = dir.resolve("two.csv");
        Cli export = Cli.run("export", "--dataset", "linear", "--class-size", "120", "--out", csv.toString());
        assertThat(export.exitCode()).isZero();
        Path out = dir.resolve("out");
        Cli run = Cli.run("--dataset", csv.toString(), "--epochs", "6", "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("decision_boundary_epoch_6_two.png")).exists();
        assertThat(out.resolve("dataset_two.png")).exists();
    }

    @Test
    void aMissingFileIsOneLineExitOne() {
        Cli run = Cli.run("--dataset", dir.resolve("nope.csv").toString(), "-o", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).contains("nope.csv").contains("no such file").doesNotContain("Exception");
        assertThat(run.err().strip().lines()).hasSize(1);
    }
}
