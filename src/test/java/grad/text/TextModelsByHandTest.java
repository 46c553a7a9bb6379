package grad.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grad.engine.ParameterStore;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each model's loss on a tiny file (the lines ab, b, ba: characters a = 0, b = 1, BOS = 2), from weights
 * chosen so that the loss can be worked out by hand. The 8 predicted tokens: after BOS a, b, b; after a
 * b, EOS; after b EOS, EOS, a. As targets: a twice, b three times, EOS three times.
 */
class TextModelsByHandTest {
    private static final Vocabulary VOCAB = new Vocabulary(List.of("a", "b"));
    private static final List<int[]> DOCS = List.of(VOCAB.encode("ab"), VOCAB.encode("b"), VOCAB.encode("ba"));

    private static double loss(TextModel model, ParameterStore store, TextEngine engine) {
        return Losses.of(Runner.of(engine, model, store, 3), DOCS).loss();
    }

    private static void set(ParameterStore store, String group, double... values) {
        ParameterStore.Group g = store.group(group);
        System.arraycopy(values, 0, store.data(), g.offset(), values.length);
    }

    /** makemore's counting bigram with add-one smoothing, as logits: table[i][j] = ln(count(i→j) + 1). */
    @ParameterizedTest
    @EnumSource(TextEngine.class)
    void bigramOfSmoothedCountsHasTheCountsLoss(TextEngine engine) {
        TextModel model = TextModelKind.BIGRAM.create(VOCAB, Map.of(), 1);
        ParameterStore store = ParameterStore.of(model.namedParameters());
        // rows: after a, after b, after BOS; columns: a, b, EOS (BOS)
        double[][] counts = {{0, 1, 1}, {1, 0, 2}, {1, 2, 0}};
        double[] table = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                table[3 * i + j] = Math.log(counts[i][j] + 1);
            }
        }
        set(store, "logits", table);
        // BOS→a 2/6, a→b 2/5, b→EOS 3/6; BOS→b 3/6, b→EOS 3/6; BOS→b 3/6, b→a 2/6, a→EOS 2/5
        double byHand = -(Math.log(2 / 6.0) + Math.log(2 / 5.0) + Math.log(3 / 6.0) + Math.log(3 / 6.0)
                + Math.log(3 / 6.0) + Math.log(3 / 6.0) + Math.log(2 / 6.0) + Math.log(2 / 5.0)) / 8;
        assertThat(loss(model, store, engine)).isCloseTo(byHand, within(1e-14));
    }

    /**
     * With every weight 0 but the output bias (1, 2, 0), every position predicts softmax(1, 2, 0):
     * loss = log(e + e² + 1) − (2·1 + 3·2 + 3·0) / 8.
     */
    @ParameterizedTest
    @EnumSource(value = TextModelKind.class, names = {"MLP", "RNN", "GRU"})
    void onlyTheOutputBiasGivesItsSoftmaxEverywhere(TextModelKind kind) {
        for (TextEngine engine : TextEngine.values()) {
            TextModel model = kind.create(VOCAB, Map.of(), 1);
            ParameterStore store = ParameterStore.of(model.namedParameters());
            Arrays.fill(store.data(), 0);
            set(store, kind == TextModelKind.MLP ? "mlp.2.bias" : "lm_head.bias", 1, 2, 0);
            double byHand = Math.log(Math.E + Math.E * Math.E + 1) - 1;
            assertThat(loss(model, store, engine)).as("%s %s", kind, engine).isCloseTo(byHand, within(1e-14));
        }
    }

    /**
     * A GPT whose token embeddings and blocks are 0 and whose position embeddings are c·e₀: the residual
     * stream stays rmsnorm(c·e₀) = c / √(c²/E + 1e-5) · e₀, so the logits are that times lm_head's first
     * column, (1, 2, 0) here, at every position: the same loss as above with the logits scaled by s.
     */
    @ParameterizedTest
    @EnumSource(TextEngine.class)
    void gptWithOnlyPositionsAndHeadPredictsTheHeadsColumn(TextEngine engine) {
        int e = 4;
        TextModel model = TextModelKind.GPT.create(VOCAB, Map.of("n_embd", e, "n_head", 2, "block_size", 3), 1);
        ParameterStore store = ParameterStore.of(model.namedParameters());
        Arrays.fill(store.data(), 0);
        double c = 0.5;
        set(store, "wpe", c, 0, 0, 0, c, 0, 0, 0, c, 0, 0, 0);
        set(store, "lm_head", 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0);
        double s = c / Math.sqrt(c * c / e + 1e-5);
        double byHand = Math.log(Math.exp(s) + Math.exp(2 * s) + 1) - (2 * s + 3 * 2 * s) / 8;
        assertThat(loss(model, store, engine)).isCloseTo(byHand, within(1e-14));
    }
}
