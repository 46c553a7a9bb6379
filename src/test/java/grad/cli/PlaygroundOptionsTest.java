package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grad.model.ModelFile;
import grad.model.SavedModel;
import grad.nn.Activation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14's options through the command line: {@code --noise}, {@code --activation linear}, {@code --l1}. */
class PlaygroundOptionsTest {
    @TempDir
    Path dir;

    private Cli ok(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--plots")) {
            all.add("--no-plots");
        }
        all.addAll(List.of("--output-dir", dir.resolve("out").toString()));
        Cli run = Cli.run(all);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private JsonObject config(String name) throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve("out/metrics_" + name + ".json")))
                .getAsJsonObject().getAsJsonObject("config");
    }

    @Test
    void linearActivationAndL1AreInTheMetricsAndTheModelAndAreContinued() throws IOException {
        Path model = dir.resolve("m.json");
        ok("--dataset", "gaussian", "--class-size", "40", "--epochs", "3", "--activation", "linear", "--l1", "0.002",
                "--hidden-units", "4,3", "--save-model", model.toString());

        JsonObject config = config("gaussian");
        assertThat(config.get("activation").getAsString()).isEqualTo("linear");
        assertThat(config.get("l1").getAsDouble()).isEqualTo(0.002);
        SavedModel saved = ModelFile.read(model);
        assertThat(saved.activation()).isEqualTo(Activation.LINEAR);
        assertThat(saved.training().l1()).isEqualTo(0.002);
        assertThat(Files.readString(model)).contains("\"l1\": 0.002");

        ok("--load-model", model.toString(), "--epochs", "4", "--save-model", model.toString());
        assertThat(config("gaussian").get("l1").getAsDouble()).isEqualTo(0.002);
        assertThat(ModelFile.read(model).training().epochsDone()).isEqualTo(4);
    }

    @Test
    void l1ChangesTheWeights() throws IOException {
        ok("--dataset", "xor", "--class-size", "50", "--epochs", "2", "--save-model", dir.resolve("a.json").toString());
        ok("--dataset", "xor", "--class-size", "50", "--epochs", "2", "--l1", "0.01",
                "--save-model", dir.resolve("b.json").toString());
        assertThat(ModelFile.read(dir.resolve("b.json")).network().parameterData())
                .isNotEqualTo(ModelFile.read(dir.resolve("a.json")).network().parameterData());
    }

    @Test
    void noiseIsInTheConfigAndTheModelAndChangesTheData() throws IOException {
        ok("--dataset", "spiral", "--class-size", "30", "--epochs", "1", "--noise", "0.3",
                "--save-model", dir.resolve("m.json").toString());
        assertThat(config("spiral").get("noise").getAsDouble()).isEqualTo(0.3);
        assertThat(ModelFile.read(dir.resolve("m.json")).training().noise()).isEqualTo(0.3);

        Path plain = dir.resolve("plain.csv");
        Path noisy = dir.resolve("noisy.csv");
        assertThat(Cli.run("export", "--dataset", "moons", "-c", "20", "--out", plain.toString()).exitCode()).isZero();
        assertThat(Cli.run("export", "--dataset", "moons", "-c", "20", "--noise", "0.4", "--out", noisy.toString())
                .exitCode()).isZero();
        assertThat(Files.readString(noisy)).isNotEqualTo(Files.readString(plain));
    }

    @Test
    void helpListsTheNewOptions() {
        Cli run = Cli.run("--help");
        assertThat(run.out()).contains("--noise=F").contains("--l1=RATE").contains("spiral").contains("gaussian")
                .contains("linear");
    }
}
