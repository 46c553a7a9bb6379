package grad.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grad.engine.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every text model, through both engines, against PyTorch float64 from the same weights
 * (src/test/python/text_models_fixture.py): the loss over a few names, each name's summed loss, and the
 * gradient of every parameter; and the two engines agree to the last bit.
 */
class TextModelsTorchTest {
    private static final JsonObject FIXTURE = fixture();

    @TempDir
    Path dir;

    private static JsonObject fixture() {
        try (InputStream in = TextModelsTorchTest.class.getResourceAsStream("torch_models.json")) {
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The model of the fixture, read through the model file format. */
    private TextModelFile.Loaded load(String kind) throws IOException {
        Path file = dir.resolve(kind + ".json");
        Files.writeString(file, FIXTURE.getAsJsonObject("models").getAsJsonObject(kind).get("file").toString());
        return TextModelFile.read(file);
    }

    /** Trains nothing: runs the batch of every fixture name once, as one step would, and returns the loss. */
    private static double batch(Runner runner, List<int[]> docs, double[] perDoc) {
        long tokens = docs.stream().mapToInt(d -> d.length + 1).sum();
        double loss = 0;
        for (int i = 0; i < docs.size(); i++) {
            double scaled = runner.loss(docs.get(i), 1.0 / tokens, true);
            perDoc[i] = runner.loss(docs.get(i), 1, false);
            loss += scaled;
        }
        return loss;
    }

    private static List<int[]> docs(Vocabulary vocab) {
        List<int[]> docs = new ArrayList<>();
        for (var d : FIXTURE.getAsJsonArray("docs")) {
            docs.add(vocab.encode(d.getAsString()));
        }
        return docs;
    }

    @ParameterizedTest
    @CsvSource({"bigram,COMPILED", "bigram,VALUE", "mlp,COMPILED", "mlp,VALUE", "rnn,COMPILED", "rnn,VALUE",
        "gru,COMPILED", "gru,VALUE", "gpt,COMPILED", "gpt,VALUE"})
    void lossAndEveryGradientMatchPyTorch(String kind, TextEngine engine) throws IOException {
        JsonObject expected = FIXTURE.getAsJsonObject("models").getAsJsonObject(kind);
        TextModelFile.Loaded loaded = load(kind);
        List<int[]> docs = docs(loaded.model().vocabulary());
        double[] perDoc = new double[docs.size()];
        double loss = batch(Runner.of(engine, loaded.model(), loaded.store(), 4), docs, perDoc);

        assertThat(loss).isCloseTo(expected.get("loss").getAsDouble(), within(1e-12));
        JsonArray sums = expected.getAsJsonArray("doc_loss_sums");
        for (int i = 0; i < perDoc.length; i++) {
            assertThat(perDoc[i]).as("name %d", i).isCloseTo(sums.get(i).getAsDouble(), within(1e-11));
        }
        JsonObject grads = expected.getAsJsonObject("grads");
        ParameterStore store = loaded.store();
        assertThat(store.groups()).extracting(ParameterStore.Group::name).containsExactlyElementsOf(grads.keySet());
        for (ParameterStore.Group g : store.groups()) {
            JsonArray want = grads.getAsJsonArray(g.name());
            assertThat(want.size()).isEqualTo(g.size());
            for (int i = 0; i < g.size(); i++) {
                double w = want.get(i).getAsDouble();
                assertThat(store.grad()[g.offset() + i]).as("%s[%d]", g.name(), i)
                        .isCloseTo(w, within(1e-12 + 1e-9 * Math.abs(w)));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"bigram", "mlp", "rnn", "gru", "gpt"})
    void bothEnginesGiveTheSameBits(String kind) throws IOException {
        double[][] grads = new double[2][];
        double[][] losses = new double[2][];
        for (TextEngine engine : TextEngine.values()) {
            TextModelFile.Loaded loaded = load(kind);
            List<int[]> docs = docs(loaded.model().vocabulary());
            double[] perDoc = new double[docs.size()];
            double loss = batch(Runner.of(engine, loaded.model(), loaded.store(), 2), docs, perDoc);
            losses[engine.ordinal()] = Arrays.copyOf(perDoc, perDoc.length + 1);
            losses[engine.ordinal()][perDoc.length] = loss;
            grads[engine.ordinal()] = loaded.store().grad().clone();
        }
        assertThat(losses[0]).containsExactly(losses[1]);
        assertThat(grads[0]).containsExactly(grads[1]);
    }
}
