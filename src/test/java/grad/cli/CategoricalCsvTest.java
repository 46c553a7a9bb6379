package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grad.data.CsvDataset;
import grad.data.CsvOptions;
import grad.data.CsvTable;
import grad.data.MissingValues;
import grad.data.Split;
import grad.model.ModelFile;
import grad.model.SavedModel;
import grad.nn.Predictor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A passenger list as people have it (issue 20): text columns and missing cells, trained on end to end,
 * saved, and applied by {@code predict} to a file with its columns in another order.
 */
class CategoricalCsvTest {
    @TempDir
    Path dir;

    private static Path passengers() throws URISyntaxException {
        return Path.of(CategoricalCsvTest.class.getResource("/grad/cli/passengers.csv").toURI());
    }

    private JsonObject metrics() throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve("metrics_passengers.json"))).getAsJsonObject();
    }

    private Cli train(String... more) throws URISyntaxException {
        List<String> args = new java.util.ArrayList<>(List.of("--dataset", passengers().toString(), "--epochs", "50",
                "--lr", "0.01", "-o", dir.toString(), "--no-plots"));
        args.addAll(List.of(more));
        Cli run = Cli.run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    @Test
    void trainsOnTextAndMissingValuesSaysWhatItDidAndReachesAStatedAccuracy() throws Exception {
        Cli run = train();
        assertThat(run.out()).contains("training a 9-10-2 MLP (122 parameters) on passengers: 98 rows")
                .contains("\n  features: age, sex (2 categories → 2 columns), class, fare, port (3 categories + missing → 4 columns)\n")
                .containsPattern("\n  missing cells: \"age\" 7 filled with [0-9.]+ \\(mean\\), \"fare\" 1 filled with [0-9.]+ "
                        + "\\(mean\\), \"port\" 2 → port=\\(missing\\)\n")
                .contains("\n  dropped 2 rows without a label\n");
        JsonObject m = metrics();
        assertThat(m.getAsJsonObject("dataset").get("test_rows").getAsInt()).isEqualTo(20);
        assertThat(m.getAsJsonObject("dataset").getAsJsonArray("features").toString()).isEqualTo(
                "[\"age\",\"sex=female\",\"sex=male\",\"class\",\"fare\",\"port=C\",\"port=Q\",\"port=S\",\"port=(missing)\"]");
        assertThat(m.getAsJsonObject("final").get("test_accuracy").getAsDouble()).isGreaterThanOrEqualTo(0.85);
        JsonObject config = m.getAsJsonObject("config");
        assertThat(config.get("missing").getAsString()).isEqualTo("mean");
        assertThat(config.get("categorical").getAsString()).isEqualTo("auto");
        assertThat(config.getAsJsonArray("encoding").toString()).contains("sex: categories [female, male]")
                .contains("port: categories [C, Q, S, (missing)]");
        assertThat(config.getAsJsonArray("data_notes").toString()).contains("dropped 2 rows without a label");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("port: categories [C, Q, S, (missing)]");
    }

    @Test
    void twoOneHotColumnsAreNotAPlaneToDrawABoundaryOn() throws Exception {
        Path csv = dir.resolve("colours.csv");
        StringBuilder rows = new StringBuilder("colour,liked\n");
        for (int i = 0; i < 40; i++) {
            rows.append(i % 2 == 0 ? "red,1\n" : "blue,0\n");
        }
        Files.writeString(csv, rows);
        Cli run = Cli.run("--dataset", csv.toString(), "--epochs", "2", "-o", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("features: colour (2 categories → 2 columns)")
                .contains("note: no decision-boundary pictures: they need 2 number features (this data's inputs are "
                        + "one-hot columns of text)");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).contains("curves_colours.png")
                    .noneMatch(f -> f.startsWith("decision_boundary") || f.startsWith("dataset_"));
        }
        assertThat(Files.readString(dir.resolve("report.html"))).contains("No decision boundary: it needs 2 number features");
    }

    @Test
    void theSavedFillValueIsTheMeanOfTheTrainingRowsOnly() throws Exception {
        Path model = dir.resolve("m.json");
        train("--save-model", model.toString());
        CsvTable table = CsvDataset.readTable(passengers(), CsvOptions.defaults());
        Split split = Split.stratified(table.labels(), 0.2, 42);
        double sum = 0;
        int n = 0;
        double allSum = 0;
        int allN = 0;
        List<Integer> train = Arrays.stream(split.trainRows()).boxed().toList();
        for (int i = 0; i < table.size(); i++) {
            String age = table.cells().get(i)[0];
            if (!MissingValues.isMissing(age)) {
                allSum += Double.parseDouble(age);
                allN++;
                if (train.contains(i)) {
                    sum += Double.parseDouble(age);
                    n++;
                }
            }
        }
        assertThat(n).isLessThan(allN);
        double fill = ModelFile.read(model).encoding().columns().get(0).fill();
        assertThat(fill).isEqualTo(sum / n).isNotEqualTo(allSum / allN);
    }

    @Test
    void predictReadsColumnsInAnyOrderFillsMissingCellsAndWarnsOnceAboutUnseenCategories() throws Exception {
        Path model = dir.resolve("m.json");
        train("--save-model", model.toString());
        SavedModel saved = ModelFile.read(model);
        double fill = saved.encoding().columns().get(0).fill();
        Path input = dir.resolve("new.csv");
        Files.writeString(input, "name,port,fare,sex,age,class\n"
                + "Ann,S,30,female,29,1\n"
                + "Bo,S,30,female,,1\n"
                + "Cy,S,30,female," + fill + ",1\n"
                + "Di,X,30,female,29,1\n"
                + "Ed,NA,30,other,29,1\n");
        Path output = dir.resolve("out.csv");
        Cli run = Cli.run("predict", "--model", model.toString(), "--input", input.toString(), "--output", output.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("grad predict: warning: 2 cells with a category not seen in training, read as all zeros: "
                + "\"sex\" 1, \"port\" 1\n");
        List<String> lines = Files.readAllLines(output);
        assertThat(lines.get(0)).isEqualTo("name,port,fare,sex,age,class,predicted,p_0,p_1");
        // the model's inputs: age, sex=female, sex=male, class, fare, port=C, port=Q, port=S, port=(missing)
        assertThat(probabilities(lines.get(1))).containsExactly(expected(saved, 29, 1, 0, 1, 30, 0, 0, 1, 0));
        assertThat(probabilities(lines.get(2))).containsExactly(probabilities(lines.get(3)));
        assertThat(probabilities(lines.get(4))).containsExactly(expected(saved, 29, 1, 0, 1, 30, 0, 0, 0, 0));
        assertThat(probabilities(lines.get(5))).containsExactly(expected(saved, 29, 0, 0, 1, 30, 0, 0, 0, 1));
    }

    private static double[] probabilities(String line) {
        String[] fields = line.split(",");
        return new double[] {Double.parseDouble(fields[fields.length - 2]), Double.parseDouble(fields[fields.length - 1])};
    }

    /** The model's probabilities for an encoded row, computed here rather than by predict. */
    private static double[] expected(SavedModel model, double... encoded) {
        double[] x = new double[model.network().inputs()];
        model.networkInput(encoded, x);
        double[] p = new double[2];
        Predictor predictor = new Predictor(model.network());
        predictor.outputs(x, new double[2]);
        predictor.probabilities(x, p);
        return p;
    }

    @Test
    void aContinuedModelKeepsItsEncodingAndEndsAsOneRunWould() throws Exception {
        Path model = dir.resolve("m.json");
        Cli first = Cli.run("--dataset", passengers().toString(), "--epochs", "20", "--lr", "0.01", "-o",
                dir.resolve("first").toString(), "--no-plots", "--save-model", model.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        Cli continued = Cli.run("--load-model", model.toString(), "--epochs", "50", "-o", dir.resolve("more").toString(),
                "--no-plots", "--save-model", model.toString());
        assertThat(continued.exitCode()).as(continued.err()).isZero();
        assertThat(continued.out()).contains("continuing " + model + " from epoch 21")
                .contains("\n  features: age, sex (2 categories → 2 columns), class, fare, port (3 categories + missing → 4 columns)\n");
        Cli once = train();
        String done = once.out().lines().filter(l -> l.startsWith("done:")).findFirst().orElseThrow();
        assertThat(continued.out()).contains(done);
    }

    @Test
    void dropLeavesOutRowsWithMissingCellsAndCodesCanBeCategories() throws Exception {
        Cli run = train("--missing", "drop", "--categorical-columns", "class");
        // 100 rows: 2 without a label, 10 others with a missing age, fare or port
        assertThat(run.out()).contains("training a 10-10-2 MLP").contains("on passengers: 88 rows")
                .contains("\n  features: age, sex (2 categories → 2 columns), class (3 categories → 3 columns), fare, "
                        + "port (3 categories → 3 columns)\n")
                .contains("\n  dropped 2 rows without a label\n  dropped 10 rows with a missing feature (--missing drop)\n")
                .doesNotContain("missing cells");
        JsonObject config = metrics().getAsJsonObject("config");
        assertThat(config.get("missing").getAsString()).isEqualTo("drop");
        assertThat(config.getAsJsonArray("categorical_columns").toString()).isEqualTo("[\"class\"]");
    }
}
