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

    @Test
    void aModelWithInputFeaturesRoundTripsThroughPredict() throws Exception {
        Path rings = Path.of(PlaygroundOptionsTest.class.getResource("/grad/model/rings.csv").toURI());
        Path model = dir.resolve("rings.json");
        Cli training = ok("--dataset", rings.toString(), "--input-features", "x,y,x2,y2,xy,sinx", "--epochs", "15",
                "--lr", "0.05", "--hidden-units", "6", "--test-split", "0", "--save-model", model.toString());
        assertThat(training.out()).contains("training a 6-6-3 MLP").contains("2 features")
                .contains("  input features x,y,x2,y2,xy,sinx\n");
        JsonObject json = JsonParser.parseString(Files.readString(model)).getAsJsonObject();
        assertThat(json.getAsJsonArray("input_features").toString()).isEqualTo("[\"x\",\"y\",\"x2\",\"y2\",\"xy\",\"sinx\"]");
        assertThat(json.getAsJsonObject("network").get("inputs").getAsInt()).isEqualTo(6);
        assertThat(config("rings").get("input_features").getAsString()).isEqualTo("x,y,x2,y2,xy,sinx");

        Path out = dir.resolve("predicted.csv");
        Path png = dir.resolve("predicted.png");
        Cli run = Cli.run("predict", "--model", model.toString(), "--input", rings.toString(), "--output", out.toString(),
                "--plot", png.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(javax.imageio.ImageIO.read(png.toFile())).isNotNull();
        List<String> lines = Files.readAllLines(out);
        List<String> input = Files.readAllLines(rings);
        for (int row : new int[] {1, 2, 40, 90}) {
            String[] in = input.get(row).split(",");
            double[] p = byHand(json, Double.parseDouble(in[0]), Double.parseDouble(in[1]));
            String[] predicted = lines.get(row).split(",");
            for (int k = 0; k < p.length; k++) {
                assertThat(Double.parseDouble(predicted[4 + k])).isCloseTo(p[k], org.assertj.core.api.Assertions.within(1e-12));
            }
        }
    }

    /** The model applied by hand to the input features of (a, b): x, y, x², y², xy, sin x. */
    private static double[] byHand(JsonObject json, double a, double b) {
        return ModelByHand.probabilities(json, a, b, a * a, b * b, a * b, Math.sin(a));
    }

    @Test
    void inputFeaturesOnDataOfMoreThanTwoFeaturesAreAUsageErrorNamingTheOption() throws IOException {
        Path wide = dir.resolve("wide.csv");
        Files.writeString(wide, "a,b,c,label\n1,2,3,x\n2,3,4,y\n3,4,5,x\n4,5,6,y\n5,6,7,x\n");
        Cli run = Cli.run("--dataset", wide.toString(), "--input-features", "x,y,xy", "--no-plots",
                "-o", dir.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("grad: --input-features x,y,xy needs data with 2 features, but wide has 3"
                + System.lineSeparator() + "Try 'grad --help' for more information." + System.lineSeparator());
    }

    @Test
    void oldModelFilesWithoutInputFeaturesReadAsXy() throws IOException {
        Path model = dir.resolve("m.json");
        ok("--dataset", "xor", "--class-size", "20", "--epochs", "1", "--save-model", model.toString());
        String text = Files.readString(model);
        assertThat(text).contains("\"input_features\": [\n    \"x\",\n    \"y\"\n  ],\n");
        Files.writeString(model, text.replace("\"input_features\": [\n    \"x\",\n    \"y\"\n  ],\n", ""));
        SavedModel old = ModelFile.read(model);
        assertThat(old.inputFeatures()).isEqualTo(grad.data.InputFeatures.DEFAULT);
        assertThat(ModelFile.toJson(old)).isEqualTo(text);
    }

    @Test
    void aContinuedModelKeepsItsInputFeatures() throws IOException {
        Path model = dir.resolve("m.json");
        ok("--dataset", "circles", "--class-size", "30", "--epochs", "2", "--input-features", "x2,y2",
                "--save-model", model.toString());
        ok("--load-model", model.toString(), "--epochs", "3", "--save-model", model.toString());
        assertThat(ModelFile.read(model).inputFeatures().toString()).isEqualTo("x2,y2");
        Cli run = Cli.run("--load-model", model.toString(), "--epochs", "4", "--input-features", "x,y", "--no-plots",
                "-o", dir.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("grad: --input-features x,y differs from the model's x2,y2");
    }
}
