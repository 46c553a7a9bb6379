package grad.text;

import grad.engine.ParameterStore;
import grad.tensor.Tensor;
import java.util.Map;

/** makemore's bigram: a table of logits, one row per token, read by the token before the next. */
final class Bigram implements TextModel {
    private final Vocabulary vocab;
    private final Weights weights;
    private final Tensor table;

    Bigram(Vocabulary vocab, long seed) {
        this.vocab = vocab;
        this.weights = new Weights(seed);
        this.table = weights.zeros("logits", vocab.size(), vocab.size());
    }

    @Override
    public TextModelKind kind() {
        return TextModelKind.BIGRAM;
    }

    @Override
    public Vocabulary vocabulary() {
        return vocab;
    }

    @Override
    public Map<String, Integer> config() {
        return Map.of();
    }

    @Override
    public Map<String, ParameterStore.Shaped> namedParameters() {
        return weights.named();
    }

    @Override
    public Tensor logits(Tensor tokens) {
        return table.rows(tokens);
    }
}
