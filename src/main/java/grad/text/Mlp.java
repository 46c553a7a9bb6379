package grad.text;

import grad.engine.ParameterStore;
import grad.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * makemore's MLP (Bengio et al. 2003): the embeddings of the last {@code block_size} tokens (BOS before
 * the start), side by side, through one tanh hidden layer of {@code n_embd2} units to the logits.
 */
final class Mlp implements TextModel {
    private final Vocabulary vocab;
    private final int blockSize;
    private final int nEmbd;
    private final int nEmbd2;
    private final Weights weights;
    private final Tensor wte;
    private final Tensor w1;
    private final Tensor b1;
    private final Tensor w2;
    private final Tensor b2;

    Mlp(Vocabulary vocab, int blockSize, int nEmbd, int nEmbd2, long seed) {
        this.vocab = vocab;
        this.blockSize = blockSize;
        this.nEmbd = nEmbd;
        this.nEmbd2 = nEmbd2;
        int v = vocab.size();
        weights = new Weights(seed);
        wte = weights.normal("wte", 1.0, v, nEmbd);
        double in1 = 1 / Math.sqrt(blockSize * nEmbd);
        w1 = weights.uniform("mlp.0.weight", in1, nEmbd2, blockSize * nEmbd);
        b1 = weights.uniform("mlp.0.bias", in1, nEmbd2);
        double in2 = 1 / Math.sqrt(nEmbd2);
        w2 = weights.uniform("mlp.2.weight", in2, v, nEmbd2);
        b2 = weights.uniform("mlp.2.bias", in2, v);
    }

    @Override
    public TextModelKind kind() {
        return TextModelKind.MLP;
    }

    @Override
    public Vocabulary vocabulary() {
        return vocab;
    }

    @Override
    public Map<String, Integer> config() {
        Map<String, Integer> c = new LinkedHashMap<>();
        c.put("block_size", blockSize);
        c.put("n_embd", nEmbd);
        c.put("n_embd2", nEmbd2);
        return c;
    }

    @Override
    public Map<String, ParameterStore.Shaped> namedParameters() {
        return weights.named();
    }

    @Override
    public Tensor logits(Tensor tokens) {
        int n = tokens.size(0);
        Tensor emb = wte.rows(tokens);                            // [n, E]
        List<Tensor> padded = new ArrayList<>();
        Tensor bos = Layers.rows(wte, vocab.bos(), vocab.bos() + 1);
        for (int i = 1; i < blockSize; i++) {
            padded.add(bos);
        }
        padded.add(emb);
        Tensor all = Tensor.cat(padded, 0);                         // [block − 1 + n, E]
        List<Tensor> window = new ArrayList<>();
        for (int j = 0; j < blockSize; j++) {
            window.add(Layers.rows(all, j, j + n));                  // the token j − block + 1 places back
        }
        Tensor context = Tensor.cat(window, 1);                     // [n, block·E], oldest first
        Tensor hidden = Layers.linear(context, w1, b1).tanh();
        return Layers.linear(hidden, w2, b2);
    }
}
