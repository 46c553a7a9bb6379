package grad.text;

import grad.engine.ParameterStore;
import grad.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * microgpt's GPT, exactly: {@code x = rmsnorm(wte[token] + wpe[pos])}; per layer a pre-rmsnorm causal
 * multi-head attention without biases (scores scaled by 1/√head_dim) and a ReLU MLP of width 4·n_embd,
 * each added to the residual; {@code logits = lm_head · x}. Every weight starts as N(0, 0.08²), drawn
 * in microgpt's order.
 */
final class Gpt implements TextModel {
    static final double INIT_STD = 0.08;

    private final Vocabulary vocab;
    private final int nLayer;
    private final int nEmbd;
    private final int nHead;
    private final int blockSize;
    private final Weights weights;
    private final Tensor wte;
    private final Tensor wpe;
    private final Tensor lmHead;
    private final List<Tensor[]> layers = new ArrayList<>();

    Gpt(Vocabulary vocab, int nLayer, int nEmbd, int nHead, int blockSize, long seed) {
        if (nEmbd % nHead != 0) {
            throw new IllegalArgumentException("n_embd " + nEmbd + " is not divisible by n_head " + nHead);
        }
        this.vocab = vocab;
        this.nLayer = nLayer;
        this.nEmbd = nEmbd;
        this.nHead = nHead;
        this.blockSize = blockSize;
        weights = new Weights(seed);
        int v = vocab.size();
        wte = weights.normal("wte", INIT_STD, v, nEmbd);
        wpe = weights.normal("wpe", INIT_STD, blockSize, nEmbd);
        lmHead = weights.normal("lm_head", INIT_STD, v, nEmbd);
        for (int i = 0; i < nLayer; i++) {
            String p = "layer" + i + ".";
            layers.add(new Tensor[] {
                weights.normal(p + "attn_wq", INIT_STD, nEmbd, nEmbd),
                weights.normal(p + "attn_wk", INIT_STD, nEmbd, nEmbd),
                weights.normal(p + "attn_wv", INIT_STD, nEmbd, nEmbd),
                weights.normal(p + "attn_wo", INIT_STD, nEmbd, nEmbd),
                weights.normal(p + "mlp_fc1", INIT_STD, 4 * nEmbd, nEmbd),
                weights.normal(p + "mlp_fc2", INIT_STD, nEmbd, 4 * nEmbd)});
        }
    }

    @Override
    public TextModelKind kind() {
        return TextModelKind.GPT;
    }

    @Override
    public Vocabulary vocabulary() {
        return vocab;
    }

    @Override
    public Map<String, Integer> config() {
        Map<String, Integer> c = new LinkedHashMap<>();
        c.put("n_layer", nLayer);
        c.put("n_embd", nEmbd);
        c.put("n_head", nHead);
        c.put("block_size", blockSize);
        return c;
    }

    @Override
    public int maxPositions() {
        return blockSize;
    }

    @Override
    public Map<String, ParameterStore.Shaped> namedParameters() {
        return weights.named();
    }

    @Override
    public Tensor logits(Tensor tokens) {
        return forward(tokens, null);
    }

    /** Each layer's attention weights {@code [n_head, n, n]} (row t: how much position t reads each position). */
    List<Tensor> attention(Tensor tokens) {
        List<Tensor> maps = new ArrayList<>();
        forward(tokens, maps);
        return maps;
    }

    private Tensor forward(Tensor tokens, List<Tensor> attentionMaps) {
        int n = tokens.size(0);
        Tensor x = Layers.rmsnorm(wte.rows(tokens).add(Layers.rows(wpe, 0, n)));
        for (Tensor[] w : layers) {
            Tensor attended = attention(Layers.rmsnorm(x), w, n, attentionMaps);
            x = x.add(Layers.linear(attended, w[3], null));
            Tensor hidden = Layers.linear(Layers.rmsnorm(x), w[4], null).relu();
            x = x.add(Layers.linear(hidden, w[5], null));
        }
        return Layers.linear(x, lmHead, null);
    }

    /**
     * Causal multi-head attention of {@code x [n, E]}, as microgpt computes it one position at a time:
     * position t's query reads the keys and values of positions 0 … t, softmax(q·kᵀ/√d) · v per head,
     * heads side by side.
     */
    private Tensor attention(Tensor x, Tensor[] w, int n, List<Tensor> maps) {
        int d = nEmbd / nHead;
        Tensor q = heads(Layers.linear(x, w[0], null), n, d);         // [H, n, d]
        Tensor k = heads(Layers.linear(x, w[1], null), n, d);
        Tensor v = heads(Layers.linear(x, w[2], null), n, d);
        List<Tensor> outs = new ArrayList<>();
        List<Tensor> rows = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            Tensor scores = q.slice(1, t, t + 1).matmul(k.slice(1, 0, t + 1).transpose(1, 2)).div(Math.sqrt(d));
            Tensor weightsOfPositions = scores.softmax(2);                 // [H, 1, t + 1]
            outs.add(weightsOfPositions.matmul(v.slice(1, 0, t + 1)));      // [H, 1, d]
            if (maps != null) {
                rows.add(t + 1 == n ? weightsOfPositions
                        : Tensor.cat(List.of(weightsOfPositions, Tensor.zeros(nHead, 1, n - t - 1)), 2));
            }
        }
        if (maps != null) {
            maps.add(Tensor.cat(rows, 1));                                 // [H, n, n]
        }
        return Tensor.cat(outs, 1).transpose(0, 1).reshape(n, nEmbd);
    }

    private Tensor heads(Tensor x, int n, int d) {
        return x.reshape(n, nHead, d).transpose(0, 1);
    }
}
