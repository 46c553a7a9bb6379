package grad.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grad.GradException;
import grad.data.ColumnEncoding;
import grad.data.FeatureEncoding;
import grad.data.Standardizer;
import grad.data.TargetScale;
import grad.nn.Activation;
import grad.nn.Initializer;
import grad.nn.Loss;
import grad.nn.MLP;
import grad.nn.Predictor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir
    Path dir;

    private static final TrainingSettings SETTINGS = new TrainingSettings(7, -1234567890123456789L,
            new TrainingSettings.Data("data/iris.csv", 1000, ';', 0.25), new TrainingSettings.Sgd(0.003, 0.9, 1e-4, true),
            16, new Initializer.Uniform(-0.5, 0.25));

    /** A 3-5-4-3 classifier with awkward numbers: tiny, huge, negative zero, many digits. */
    private static SavedModel classifier() {
        SplittableRandom rng = new SplittableRandom(11);
        MLP network = MLP.create(3, new int[] {5, 4, 3}, Activation.TANH, Activation.LINEAR, new Initializer.He(), rng);
        double[] p = network.parameterData();
        p[0] = 1e-300;
        p[1] = -0.0;
        p[2] = 123456789.12345679;
        p[3] = Math.PI;   // the bias of neuron 0 of layer 0
        p[4] = Double.MIN_VALUE;
        network.setParameterData(p);
        double[] velocity = new double[network.parameterCount()];
        for (int i = 0; i < velocity.length; i++) {
            velocity[i] = rng.nextGaussian() * 1e-3;
        }
        Standardizer standardizer = Standardizer.of(new double[] {5.843333333333335, -1e10, 0.1},
                new double[] {0.8253012917851409, 3e-7, 1.0 / 3});
        return new SavedModel(List.of("sepal length", "sépal \"width\"", "x,y"), "species",
                List.of("setosa", "versicolor", "virginica"), network, Loss.CROSS_ENTROPY, standardizer, null, SETTINGS, velocity);
    }

    @Test
    void savedAndLoadedModelPredictsTheSameBitForBit() {
        SavedModel saved = classifier();
        Path file = dir.resolve("model.json");
        ModelFile.write(file, saved);
        SavedModel loaded = ModelFile.read(file);

        assertThat(loaded.network().parameterData()).isEqualTo(saved.network().parameterData());
        assertThat(loaded.network().sizes()).isEqualTo(saved.network().sizes());
        assertThat(loaded.network().layers().get(0).activation()).isEqualTo(Activation.TANH);
        assertThat(loaded.network().layers().get(2).activation()).isEqualTo(Activation.LINEAR);
        assertThat(loaded.velocity()).isEqualTo(saved.velocity());
        assertThat(loaded.standardizer().means()).isEqualTo(saved.standardizer().means());
        assertThat(loaded.standardizer().stds()).isEqualTo(saved.standardizer().stds());
        assertThat(loaded.features()).isEqualTo(saved.features());
        assertThat(loaded.classes()).isEqualTo(saved.classes());
        assertThat(loaded.label()).isEqualTo("species");
        assertThat(loaded.loss()).isEqualTo(Loss.CROSS_ENTROPY);
        assertThat(loaded.training()).usingRecursiveComparison().isEqualTo(SETTINGS);
        assertThat(Double.doubleToRawLongBits(loaded.network().parameterData()[1])).isEqualTo(Double.doubleToRawLongBits(-0.0));

        Predictor before = new Predictor(saved.network());
        Predictor after = new Predictor(loaded.network());
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 500; i++) {
            double[] x = {rng.nextGaussian() * 3, rng.nextGaussian() * 3, rng.nextGaussian() * 3};
            double[] p1 = new double[3];
            double[] p2 = new double[3];
            before.probabilities(x, p1);
            after.probabilities(x, p2);
            assertThat(p2).isEqualTo(p1);   // Arrays.equals on doubles: the same bits
            before.outputs(x, p1);
            after.outputs(x, p2);
            assertThat(p2).isEqualTo(p1);
        }
    }

    @Test
    void theSameModelGivesTheSameBytes() throws IOException {
        ModelFile.write(dir.resolve("a.json"), classifier());
        ModelFile.write(dir.resolve("b.json"), ModelFile.read(dir.resolve("a.json")));
        assertThat(Files.readAllBytes(dir.resolve("b.json"))).isEqualTo(Files.readAllBytes(dir.resolve("a.json")));
        assertThat(Files.readString(dir.resolve("a.json"))).startsWith("{\n  \"format\": \"grad-model\",\n  \"version\": 1,")
                .contains("\"epochs_done\": 7").contains("\"seed\": -1234567890123456789").endsWith("}\n");
    }

    @Test
    void theFileIsFlatInTheFormatsOrder() {
        JsonObject json = JsonParser.parseString(ModelFile.toJson(classifier())).getAsJsonObject();
        assertThat(json.keySet()).containsExactly("format", "version", "task", "features", "encoding", "input_features", "label", "classes",
                "standardization", "target_scale", "network", "training", "optimizer");
        assertThat(json.getAsJsonObject("training").keySet()).containsExactly("epochs_done", "seed", "dataset",
                "class_size", "delimiter", "test_split", "batch_size", "lr", "momentum", "weight_decay", "nesterov", "init", "noise", "l1");
    }

    @Test
    void regressionModelWithoutStandardizationRoundTrips() {
        MLP network = MLP.create(2, new int[] {4, 1}, Activation.SIGMOID, Activation.LINEAR, new Initializer.Xavier(),
                new SplittableRandom(1));
        SavedModel saved = new SavedModel(List.of("rooms", "area"), "price", List.of(), network, Loss.MSE_REGRESSION,
                null, new TargetScale(150.0, 40.0), SETTINGS, new double[network.parameterCount()]);
        SavedModel loaded = ModelFile.fromJson(ModelFile.toJson(saved), "r.json");
        assertThat(loaded.isRegression()).isTrue();
        assertThat(loaded.standardizer()).isNull();
        assertThat(loaded.loss()).isEqualTo(Loss.MSE_REGRESSION);
        assertThat(loaded.network().parameterData()).isEqualTo(network.parameterData());
        assertThat(loaded.hidden()).containsExactly(4);
        assertThat(loaded.activation()).isEqualTo(Activation.SIGMOID);
        assertThat(loaded.target()).isEqualTo(new TargetScale(150.0, 40.0));
    }

    @Test
    void aNetworkThatIsNotFiniteIsNotSaved() {
        SavedModel saved = classifier();
        MLP network = saved.network();
        network.layers().get(0).neurons().get(0).bias().setData(Double.NaN);
        SavedModel bad = new SavedModel(saved.features(), saved.label(), saved.classes(), network, saved.loss(),
                saved.standardizer(), saved.target(), saved.training(), saved.velocity());
        Path file = dir.resolve("nan.json");
        assertThatThrownBy(() -> ModelFile.write(file, bad)).isInstanceOf(GradException.class)
                .hasMessage("cannot save the model to " + file + ": parameter b[0][0] is NaN");
        assertThat(file).doesNotExist();
    }

    // --- files that are not (valid) models: one line naming the file -------------------------------------

    private String rejected(String text) throws IOException {
        Path file = dir.resolve("m.json");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try {
            ModelFile.read(file);
        } catch (GradException e) {
            assertThat(e.exitCode()).isEqualTo(1);
            assertThat(e.getMessage()).startsWith(file + ": ").doesNotContain("\n").doesNotContain("Exception")
                    .doesNotContain("http");
            return e.getMessage().substring(file.toString().length() + 2);
        }
        throw new AssertionError("accepted: " + text);
    }

    private String valid() {
        return ModelFile.toJson(classifier());
    }

    @Test
    void rejectsFilesThatAreNotModels() throws IOException {
        assertThat(rejected("x,y,label\n1,2,a\n")).isEqualTo("not a grad model file (not JSON): line 1 column 1: malformed JSON");
        assertThat(rejected("")).isEqualTo("not a grad model file (not JSON): empty file");
        assertThat(rejected("{\"a\": NaN}")).isEqualTo("not a grad model file (not JSON): line 1 column 7: malformed JSON");
        String model = valid();
        assertThat(rejected(model + "{}")).isEqualTo("not a grad model file (not JSON): line "
                + (model.lines().count() + 1) + " column 2: more data after the end of the JSON value");
        assertThat(rejected(model.substring(0, 300))).matches("not a grad model file \\(not JSON\\): line \\d+ column \\d+: .+");
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThat(rejected(deep)).isEqualTo("not a grad model file (not JSON): line 1 column 257: nested more than 255 deep");
        assertThat(rejected("[1, 2]")).startsWith("not a grad model file (no \"format\": \"grad-model\"");
        assertThat(rejected("{\"status\": \"completed\", \"config\": {}}")).startsWith("not a grad model file (no \"format\"");
    }

    @Test
    void rejectsANewerFormatVersion() throws IOException {
        assertThat(rejected(valid().replace("\"version\": 1,", "\"version\": 2,")))
                .isEqualTo("model format version 2 is newer than this grad reads (up to 1); use a newer grad");
        assertThat(rejected("{\"format\": \"grad-model\", \"version\": 99, \"anything\": [\"else\"]}"))
                .startsWith("model format version 99 is newer");
        assertThat(rejected(valid().replace("\"version\": 1,", "\"version\": 1.5,")))
                .startsWith("not a valid grad model file: \"version\" must be a whole number");
        assertThat(rejected(valid().replace("\"version\": 1,", "")))
                .startsWith("not a valid grad model file: \"version\" must be a whole number from 1, not missing");
    }

    @Test
    void rejectsModelsWhosePartsDoNotFit() throws IOException {
        String valid = valid();
        assertThat(rejected(valid.replace("\"task\": \"classification\"", "\"task\": \"clustering\"")))
                .isEqualTo("not a valid grad model file: \"task\" must be \"classification\" or \"regression\", not \"clustering\"");
        assertThat(rejected(valid.replace("\"activation\": \"tanh\"", "\"activation\": \"swish\"")))
                .isEqualTo("not a valid grad model file: network.layers[0]: unknown activation \"swish\"");
        assertThat(rejected(valid.replaceFirst("\"inputs\": 3,", "\"inputs\": 4,")))
                .isEqualTo("not a valid grad model file: the network has 4 inputs but there are 3 features");
        assertThat(rejected(valid.replace("\"seed\": -1234567890123456789,", "")))
                .isEqualTo("not a valid grad model file: \"training.seed\" is missing");
        assertThat(rejected(valid.replace("\"virginica\"", "\"setosa\"")))
                .isEqualTo("not a valid grad model file: \"classes\" lists \"setosa\" twice");
        assertThat(rejected(valid.replace("\"epochs_done\": 7", "\"epochs_done\": 7.5")))
                .startsWith("not a valid grad model file: Expected an int but was 7.5").contains("$.training.epochs_done");
        assertThat(rejected(valid.replace("1.0E-300", "\"small\"")))
                .startsWith("not a valid grad model file: ");
        assertThat(rejected(valid.replace("1.0E-300", "1e999"))).startsWith("not a valid grad model file: ");
        assertThat(rejected(valid.replace("1.2345678912345679E8", "").replace("-0.0,", "-0.0")))
                .isEqualTo("not a valid grad model file: network.layers[0].weights[0] has 2 weights, expected 3");
        assertThat(rejected(valid.replace("\"standardization\": {", "\"standardization\": \"none\", \"unused\": {")))
                .startsWith("not a valid grad model file: Expected BEGIN_OBJECT but was STRING").contains("$.standardization");
    }

    /** A classifier of a number column and a text column, one-hot with a missing category: 4 inputs from 2 features. */
    private static SavedModel encoded() {
        MLP network = MLP.create(4, new int[] {4, 2}, Activation.RELU, Activation.LINEAR, new Initializer.He(),
                new SplittableRandom(5));
        FeatureEncoding encoding = FeatureEncoding.of(List.of(ColumnEncoding.number("age", 29.5),
                ColumnEncoding.categorical("sex", List.of("female", "male"), true)));
        return new SavedModel(encoding, null, "survived", List.of("0", "1"), network, Loss.MSE_SOFTMAX,
                Standardizer.of(new double[] {29.5, 0, 0, 0}, new double[] {14, 1, 1, 1}), null, SETTINGS, OptimizerState.sgd(new double[network.parameterCount()]));
    }

    @Test
    void theEncodingRoundTripsAndAFileWithoutOneReadsNumbers() throws IOException {
        SavedModel saved = encoded();
        Path a = dir.resolve("a.json");
        ModelFile.write(a, saved);
        SavedModel loaded = ModelFile.read(a);
        assertThat(loaded.encoding()).isEqualTo(saved.encoding());
        assertThat(loaded.features()).containsExactly("age", "sex");
        assertThat(loaded.encoding().inputNames()).containsExactly("age", "sex=female", "sex=male", "sex=(missing)");
        JsonObject json = JsonParser.parseString(Files.readString(a)).getAsJsonObject();
        assertThat(json.get("encoding").toString()).isEqualTo("[{\"column\":\"age\",\"kind\":\"number\",\"fill\":29.5},"
                + "{\"column\":\"sex\",\"kind\":\"categorical\",\"categories\":[\"female\",\"male\"],\"missing_category\":true}]");
        Path b = dir.resolve("b.json");
        ModelFile.write(b, loaded);
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        assertThat(ModelFile.read(a).encoding().isPlain()).isFalse();
        String old = ModelFile.toJson(classifier()).replace("  \"encoding\": null,\n", "");
        assertThat(old).doesNotContain("encoding");
        assertThat(ModelFile.fromJson(old, "old.json").encoding()).isEqualTo(FeatureEncoding.plain(classifier().features()));
    }

    @Test
    void rejectsEncodingsThatDoNotFit() throws IOException {
        String valid = ModelFile.toJson(encoded());
        assertThat(rejected(valid.replace("\"kind\": \"number\"", "\"kind\": \"text\"")))
                .isEqualTo("not a valid grad model file: \"encoding\"[0]: \"kind\" must be \"number\" or \"categorical\"");
        assertThat(rejected(valid.replace("\"column\": \"sex\"", "\"column\": \"gender\"")))
                .isEqualTo("not a valid grad model file: \"encoding\"[1]: column \"gender\" is not feature \"sex\"");
        assertThat(rejected(valid.replace("\"missing_category\": true", "\"missing_category\": false")))
                .isEqualTo("not a valid grad model file: the network has 4 inputs but there are 3 features");
    }

    @Test
    void unreadableFilesSaySo() throws IOException {
        assertThatThrownBy(() -> ModelFile.read(dir.resolve("missing.json")))
                .hasMessage(dir.resolve("missing.json") + ": no such file");
        assertThatThrownBy(() -> ModelFile.read(dir)).hasMessage(dir + ": is a directory, not a grad model file");
        Path binary = dir.resolve("model.bin");
        Files.write(binary, new byte[] {(byte) 0xC3, 0x28, 0x7B});
        assertThatThrownBy(() -> ModelFile.read(binary)).hasMessage(binary + ":1: not UTF-8 text (byte 0xC3); save the file as UTF-8");
    }
}
