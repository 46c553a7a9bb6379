package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grad.model.ModelFile;
import grad.model.SavedModel;
import grad.optim.OptimizerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --optimizer sgd|adam|adamw} with its options, the model file's optimizer state, and {@code --engine}. */
class OptimizerCliTest {
    @TempDir
    Path dir;

    private Cli ok(String... args) {
        return Cli.ok(List.of(args));
    }

    private String file(String name) throws IOException {
        return Files.readString(dir.resolve(name));
    }

    private JsonObject json(String name) throws IOException {
        return JsonParser.parseString(file(name)).getAsJsonObject();
    }

    private static List<String> with(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return all;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "adam", "adamw"})
    void trainingTenEpochsEqualsFiveSavedAndFiveMore(String optimizer) throws IOException {
        List<String> options = List.of("--dataset", "moons", "--class-size", "60", "--batch-size", "16", "--lr", "0.01",
                "--optimizer", optimizer, "--hidden-units", "8,6", "--seed", "3", "--no-plots", "--no-report",
                "-o", dir.resolve("out").toString());
        Cli.ok(with(options, "--epochs", "10", "--save-model", dir.resolve("straight.json").toString()));
        Cli.ok(with(options, "--epochs", "5", "--save-model", dir.resolve("first.json").toString()));
        Cli.ok(List.of("--load-model", dir.resolve("first.json").toString(), "--epochs", "10", "--no-plots", "--no-report",
                "-o", dir.resolve("out").toString(), "--save-model", dir.resolve("continued.json").toString()));

        assertThat(file("continued.json")).isEqualTo(file("straight.json"));
        assertThat(file("first.json")).isNotEqualTo(file("straight.json"));
        JsonObject state = json("straight.json").getAsJsonObject("optimizer");
        assertThat(state.get("kind").getAsString()).isEqualTo(optimizer);
        SavedModel saved = ModelFile.read(dir.resolve("straight.json"));
        assertThat(saved.optimizer().kind()).isEqualTo(OptimizerKind.of(optimizer));
        if (optimizer.equals("sgd")) {
            assertThat(state.keySet()).containsExactly("kind", "velocity");
        } else {
            assertThat(state.keySet()).containsExactly("kind", "beta1", "beta2", "eps", "step", "m", "v");
            // 2 classes of 60 points in minibatches of 16: 8 steps an epoch
            assertThat(state.get("step").getAsLong()).isEqualTo(80);
            assertThat(state.getAsJsonArray("v")).hasSize(saved.network().parameterCount());
            assertThat(json("first.json").getAsJsonObject("optimizer").get("step").getAsLong()).isEqualTo(40);
        }
    }

    @Test
    void adamsSettingsAreInTheMetricsTheReportAndTheLog() throws IOException {
        Path out = dir.resolve("out");
        Cli run = ok("--dataset", "xor", "--class-size", "100", "--epochs", "2", "--optimizer", "adamw", "--beta1", "0.8",
                "--eps", "1e-6", "--no-plots", "-o", out.toString());
        JsonObject config = json("out/metrics_xor.json").getAsJsonObject("config");
        assertThat(config.get("optimizer").getAsString()).isEqualTo("adamw");
        assertThat(config.get("beta1").getAsDouble()).isEqualTo(0.8);
        assertThat(config.get("beta2").getAsDouble()).isEqualTo(0.999);
        assertThat(config.get("eps").getAsDouble()).isEqualTo(1e-6);
        assertThat(config.get("weight_decay").getAsDouble()).as("AdamW's default decay").isEqualTo(0.01);
        assertThat(config.has("momentum")).isFalse();
        assertThat(run.out()).contains("adamw (betas 0.8, 0.999, eps 0.000001, weight decay 0.01)");
        assertThat(file("out/report.html")).contains("adamw").contains("beta1");

        ok("--dataset", "xor", "--class-size", "100", "--epochs", "2", "--no-plots", "-o", out.toString());
        JsonObject sgd = json("out/metrics_xor.json").getAsJsonObject("config");
        assertThat(sgd.has("optimizer")).as("an SGD run's config is as it always was").isFalse();
        assertThat(sgd.get("momentum").getAsDouble()).isEqualTo(0.9);
    }

    @Test
    void lrFindRunsTheChosenOptimizer() throws IOException {
        Cli sgd = ok("lr-find", "--dataset", "moons", "--class-size", "100", "--no-plots", "--no-report",
                "-o", dir.resolve("sgd").toString());
        Cli adam = ok("lr-find", "--dataset", "moons", "--class-size", "100", "--optimizer", "adam", "--no-plots",
                "--no-report", "-o", dir.resolve("adam").toString());
        assertThat(suggested(adam.out())).isNotEqualTo(suggested(sgd.out()));
    }

    private static String suggested(String out) {
        return out.lines().filter(l -> l.startsWith("suggested lr: ")).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"moons", "circles"})
    void adamAtLr001ReachesNinetySevenPercentOnTheDefaultLayers(String dataset) throws IOException {
        ok("--dataset", dataset, "--optimizer", "adam", "--lr", "0.01", "--no-plots", "--no-report",
                "-o", dir.resolve("out").toString());
        JsonArray epochs = json("out/metrics_" + dataset + ".json").getAsJsonArray("epochs");
        double accuracy = epochs.get(epochs.size() - 1).getAsJsonObject().get("accuracy").getAsDouble();
        assertThat(accuracy).isGreaterThanOrEqualTo(0.97);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--dataset xor --class-size 200 --lr 0.01",
        "--dataset xor --class-size 100 --loss cross-entropy --hidden-units 6,5 --activation tanh --optimizer adam --lr 0.01"})
    void theThreeEnginesWriteTheSameFiles(String options) throws IOException {
        List<String> files = new ArrayList<>();
        for (String engine : List.of("value", "interpreted", "compiled")) {
            Path out = dir.resolve(engine);
            Cli.ok(List.of(options.split(" ")), "--epochs", "4", "--engine", engine, "--threads", "2", "--no-plots",
                    "--no-report", "-o", out.toString(), "--save-model", out.resolve("model.json").toString());
            files.add(Files.readString(out.resolve("metrics_xor.json")) + Files.readString(out.resolve("model.json")));
        }
        assertThat(files.get(0)).contains("\"epochs_done\": 4");
        assertThat(files.get(1)).isEqualTo(files.get(0));
        assertThat(files.get(2)).isEqualTo(files.get(0));
    }
}
