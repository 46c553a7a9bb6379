package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grad.model.ModelFile;
import grad.model.SavedModel;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --save-model} and {@code --load-model}, driven through the command line. */
class ModelTrainingTest {
    @TempDir
    Path dir;

    private Cli grad(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--no-plots", "--output-dir", dir.resolve("out").toString()));
        return Cli.run(all);
    }

    private Cli ok(String... args) {
        Cli run = grad(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private static void assertOneLineError(Cli run, int exitCode, String message) {
        assertThat(run.exitCode()).isEqualTo(exitCode);
        assertThat(run.err()).isEqualTo("grad: " + message + System.lineSeparator()
                + (exitCode == 2 ? "Try 'grad --help' for more information." + System.lineSeparator() : ""));
        assertThat(run.err()).doesNotContain("Exception");
    }

    private Path rings() throws URISyntaxException {
        return Path.of(ModelTrainingTest.class.getResource("/grad/model/rings.csv").toURI());
    }

    private String file(String name) throws IOException {
        return Files.readString(dir.resolve(name));
    }

    @Test
    void continuingASavedModelEqualsTrainingWithoutAStop() throws IOException {
        String[] options = {"--dataset", "moons", "--class-size", "60", "--batch-size", "16", "--lr", "0.01",
            "--momentum", "0.8", "--hidden-units", "8,6", "--activation", "tanh", "--seed", "9", "--threads", "3"};
        ok(concat(options, "--epochs", "10", "--save-model", dir.resolve("straight.json").toString()));
        ok(concat(options, "--epochs", "4", "--save-model", dir.resolve("first.json").toString()));
        // only what changes: the settings come from the model
        Cli run = ok("--load-model", dir.resolve("first.json").toString(), "--epochs", "10",
                "--save-model", dir.resolve("continued.json").toString());

        assertThat(run.out()).contains("continuing " + dir.resolve("first.json") + " from epoch 5")
                .contains("on moons: 120 rows").contains("batch 16, 10 epochs").contains("seed 9");
        SavedModel straight = ModelFile.read(dir.resolve("straight.json"));
        SavedModel continued = ModelFile.read(dir.resolve("continued.json"));
        assertThat(continued.network().parameterData()).isEqualTo(straight.network().parameterData());
        assertThat(continued.velocity()).isEqualTo(straight.velocity());
        assertThat(continued.training().epochsDone()).isEqualTo(10);
        assertThat(file("continued.json")).isEqualTo(file("straight.json"));
        assertThat(file("first.json")).isNotEqualTo(file("straight.json"));
    }

    @Test
    void continuingACsvModelKeepsItsSplitAndStandardization() throws Exception {
        String data = rings().toString();
        ok("--dataset", data, "--epochs", "6", "--lr", "0.05", "--test-split", "0.3", "--nesterov",
                "--save-model", dir.resolve("straight.json").toString());
        JsonObject straightMetrics = JsonParser.parseString(file("out/metrics_rings.json")).getAsJsonObject();
        ok("--dataset", data, "--epochs", "2", "--lr", "0.05", "--test-split", "0.3", "--nesterov",
                "--save-model", dir.resolve("first.json").toString());
        ok("--load-model", dir.resolve("first.json").toString(), "--epochs", "6",
                "--save-model", dir.resolve("continued.json").toString());

        assertThat(file("continued.json")).isEqualTo(file("straight.json"));
        JsonObject continuedMetrics = JsonParser.parseString(file("out/metrics_rings.json")).getAsJsonObject();
        assertThat(continuedMetrics.get("final")).isEqualTo(straightMetrics.get("final"));
        assertThat(continuedMetrics.getAsJsonArray("epochs").get(0).getAsJsonObject().get("epoch").getAsInt()).isEqualTo(3);
    }

    @Test
    void theSameSeedGivesTheSameFile() throws IOException {
        ok("--dataset", "xor", "--class-size", "80", "--epochs", "3", "--save-model", dir.resolve("a.json").toString());
        ok("--dataset", "xor", "--class-size", "80", "--epochs", "3", "--save-model", dir.resolve("b.json").toString());
        ok("--dataset", "xor", "--class-size", "80", "--epochs", "3", "--seed", "43", "--save-model",
                dir.resolve("c.json").toString());
        assertThat(file("a.json")).isEqualTo(file("b.json")).isNotEqualTo(file("c.json"));
        SavedModel a = ModelFile.read(dir.resolve("a.json"));
        assertThat(a.training().seed()).isEqualTo(42);
        assertThat(a.label()).isEqualTo("label");
        assertThat(a.classes()).containsExactly("0", "1");
        assertThat(a.standardizer()).isNull();
    }

    @Test
    void trainingSettingsMayChangeWhenContinuing() throws IOException {
        ok("--dataset", "xor", "--class-size", "80", "--epochs", "2", "--save-model", dir.resolve("a.json").toString());
        Cli run = ok("--load-model", dir.resolve("a.json").toString(), "--epochs", "3", "--lr", "0.02",
                "--save-model", dir.resolve("b.json").toString());
        assertThat(run.out()).contains("lr 0.02, momentum 0.9");
        assertThat(ModelFile.read(dir.resolve("b.json")).training().lr()).isEqualTo(0.02);
    }

    // --- errors --------------------------------------------------------------------------------------------

    @Test
    void epochsCountTheModelsEpochs() throws IOException {
        ok("--dataset", "xor", "--class-size", "80", "--epochs", "3", "--save-model", dir.resolve("a.json").toString());
        Path a = dir.resolve("a.json");
        assertOneLineError(grad("--load-model", a.toString(), "--epochs", "3"), 2,
                "the model has trained 3 epochs already (" + a + "); --epochs counts them too, so ask for more, e.g. --epochs 6");
    }

    @Test
    void theArchitectureAndSeedOfAModelCannotChange() throws IOException {
        Path a = dir.resolve("a.json");
        ok("--dataset", "xor", "--class-size", "80", "--epochs", "1", "--save-model", a.toString());
        assertOneLineError(grad("--load-model", a.toString(), "--epochs", "3", "--hidden-units", "16"), 2,
                "--hidden-units 16 differs from the model's 10 (" + a + "); a continued model keeps its architecture, seed,"
                        + " split and standardization (leave the option out)");
        assertThat(grad("--load-model", a.toString(), "--epochs", "3", "--seed", "1").err())
                .startsWith("grad: --seed 1 differs from the model's seed 42 (" + a + ")");
        assertThat(grad("--load-model", a.toString(), "--epochs", "3", "--activation", "tanh").exitCode()).isEqualTo(2);
        assertThat(grad("--load-model", a.toString(), "--epochs", "3", "--standardize").exitCode()).isEqualTo(2);
        // the same values are fine
        ok("--load-model", a.toString(), "--epochs", "2", "--hidden-units", "10", "--seed", "42", "--activation", "relu");
    }

    @Test
    void dataWithOtherClassesIsRefused() throws IOException {
        Path a = dir.resolve("a.json");
        ok("--dataset", "xor", "--class-size", "80", "--epochs", "1", "--save-model", a.toString());
        assertOneLineError(grad("--load-model", a.toString(), "--epochs", "2", "--dataset", "circles", "--class-size", "20"), 1,
                a + ": the model has classes \"0\", \"1\" but the data circles has \"0\", \"1\", \"2\"");
    }

    @Test
    void dataWithOtherFeaturesIsRefused() throws Exception {
        Path a = dir.resolve("a.json");
        ok("--dataset", rings().toString(), "--epochs", "1", "--save-model", a.toString());
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "height_mm,width,ring\n1,2,inner\n2,3,middle\n3,4,outer\n4,5,inner\n");
        assertOneLineError(grad("--load-model", a.toString(), "--epochs", "2", "--dataset", other.toString(),
                "--features", "height_mm,width"), 1,
                a + ": the model reads features \"width\", \"height_mm\" but the data other has \"height_mm\", \"width\"");
    }

    @Test
    void loadingSomethingThatIsNotAModel() throws Exception {
        assertOneLineError(grad("--load-model", rings().toString(), "--epochs", "2"), 1,
                rings() + ": not a grad model file (not JSON): line 1 column 1: malformed JSON");
        Path missing = dir.resolve("missing.json");
        assertOneLineError(grad("--load-model", missing.toString()), 1, missing + ": no such file");
    }

    @Test
    void anUnwritableModelFileIsOneLine() throws IOException {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file, not a directory");
        Path target = blocker.resolve("m.json");
        Cli run = grad("--dataset", "xor", "--class-size", "40", "--epochs", "1", "--save-model", target.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("grad: cannot write " + target + ": ").doesNotContain("Exception");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }
}
