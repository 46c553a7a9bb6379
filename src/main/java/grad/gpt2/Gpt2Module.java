package grad.gpt2;

import grad.engine.ParameterStore;
import grad.engine.Value;
import grad.nn.Module;
import grad.tensor.Tensor;
import grad.tensor.nn.Embedding;
import grad.tensor.nn.GELU;
import grad.tensor.nn.LayerNorm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GPT-2 written on grad's {@link Tensor}/{@link Module} API: the definition of the model, as
 * Hugging Face's {@code modeling_gpt2.py} writes it. Token and learned position embeddings
 * ({@code wte}, {@code wpe}); {@code n_layer} blocks {@code h.i}, each
 * {@code x + attn(ln_1(x))} then {@code x + mlp(ln_2(x))} (pre-LayerNorm with gain and bias);
 * causal self-attention whose {@code c_attn} makes queries, keys and values at once; an MLP of
 * {@code c_fc}, GELU (tanh approximation) and {@code c_proj}; a final {@code ln_f}; and the
 * {@code lm_head} tied to {@code wte}. The linear layers are GPT-2's {@link Conv1D}, weight {@code [in, out]}
 * as stored. Parameter names are Hugging Face's ({@code h.0.attn.c_attn.weight}, …).
 *
 * <p>Every parameter is a {@link Value} leaf, gathered into one {@link ParameterStore} (whose
 * {@code double[]} holds the weights); {@link Gpt2Compiled} traces {@link #forward} once per shape and
 * replays it. {@link Gpt2} is the same definition compiled by hand onto {@code float[]} weights, for
 * models too large for a {@code Value} per parameter.
 */
public final class Gpt2Module implements Module {
    private final Gpt2Config config;
    private final Embedding wte;
    private final Embedding wpe;
    private final List<Block> h = new ArrayList<>();
    private final LayerNorm lnF;
    private final ParameterStore store;
    /** Column {@code j} of {@code wte}: what {@link Value#pick} chooses the {@code j}-th number of a token's row from. */
    private final List<List<Value>> columns = new ArrayList<>();

    /**
     * What feeding {@code n} tokens after {@code past} positions gives.
     *
     * @param logits    the next token's logits after the last of them, {@code [1, vocab_size]}
     * @param keys      per layer, the new positions' keys {@code [n, n_embd]} (heads side by side), for the cache
     * @param values    per layer, the new positions' values {@code [n, n_embd]}
     * @param attention per layer, the attention weights {@code [n_head, n, past + n]}
     */
    public record Output(Tensor logits, List<Tensor> keys, List<Tensor> values, List<Tensor> attention) { }

    private Gpt2Module(Gpt2Config config, Gpt2.Weights weights) {
        this.config = config;
        int w = config.width();
        this.wte = new Embedding(tensor(weights.get("wte.weight", config.vocabulary(), w), config.vocabulary(), w));
        this.wpe = new Embedding(tensor(weights.get("wpe.weight", config.context(), w), config.context(), w));
        for (int l = 0; l < config.layers(); l++) {
            h.add(new Block(config, weights, "h." + l + "."));
        }
        this.lnF = layerNorm(config, weights, "ln_f.");
        this.store = ParameterStore.of(namedParameters());
        List<Value> table = wte.weight().values();
        for (int j = 0; j < w; j++) {
            List<Value> column = new ArrayList<>(config.vocabulary());
            for (int v = 0; v < config.vocabulary(); v++) {
                column.add(table.get(v * w + j));
            }
            columns.add(List.copyOf(column));
        }
    }

    /**
     * Loads {@code config}'s model from {@code model.safetensors}: a {@code Value} per weight.
     *
     * @throws grad.GradException when a tensor is missing or its shape does not match the config
     */
    public static Gpt2Module load(Gpt2Config config, Path safetensors) {
        try (Safetensors file = Safetensors.open(safetensors)) {
            return new Gpt2Module(config, Gpt2.Weights.of(file));
        }
    }

    /** The model's shape. */
    public Gpt2Config config() {
        return config;
    }

    /** Every parameter, its values in one {@code double[]}, in {@link #namedParameters()}'s order. */
    public ParameterStore store() {
        return store;
    }

    /**
     * The forward pass of {@code tokens} at positions {@code past, past + 1, …}, attending to the keys and
     * values of the {@code past} earlier positions (the cache) and, causally, to each other.
     *
     * @param tokens     {@code [n]} token ids, as values (a compiled program's inputs: {@link Value#pick} reads them)
     * @param pastKeys   per layer, the earlier positions' keys {@code [past, n_embd]} (empty lists when {@code past} is 0)
     * @param pastValues per layer, their values
     */
    public Output forward(Tensor tokens, int past, List<Tensor> pastKeys, List<Tensor> pastValues) {
        int n = tokens.numel();
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = past + i;
        }
        Tensor x = embed(tokens).add(wpe.forward(positions));
        List<Tensor> keys = new ArrayList<>(), values = new ArrayList<>(), attention = new ArrayList<>();
        for (int l = 0; l < h.size(); l++) {
            x = h.get(l).forward(x, past, past == 0 ? null : pastKeys.get(l), past == 0 ? null : pastValues.get(l),
                    keys, values, attention);
        }
        Tensor last = lnF.forward(x.slice(0, n - 1, n));
        Tensor logits = last.matmul(wte.weight().transpose(0, 1));   // lm_head tied to wte
        return new Output(logits, keys, values, attention);
    }

    /** {@code wte}'s rows of {@code tokens}, each number picked from its column by the token id. */
    private Tensor embed(Tensor tokens) {
        List<Value> rows = new ArrayList<>(tokens.numel() * config.width());
        for (Value id : tokens.values()) {
            for (List<Value> column : columns) {
                rows.add(Value.pick(id, column));
            }
        }
        return Tensor.of(rows, tokens.numel(), config.width());
    }

    /** {@code wte}, {@code wpe}, {@code h.0.…}, …, {@code ln_f}: Hugging Face's names and shapes. */
    @Override
    public Map<String, ParameterStore.Shaped> namedParameters() {
        Map<String, Module> children = new LinkedHashMap<>();
        children.put("wte", wte);
        children.put("wpe", wpe);
        for (int l = 0; l < h.size(); l++) {
            children.put("h." + l, h.get(l));
        }
        children.put("ln_f", lnF);
        return Module.named(children);
    }

    /** One transformer block: {@code x + attn(ln_1(x))}, then {@code x + mlp(ln_2(x))}. */
    private static final class Block implements Module {
        private final LayerNorm ln1;
        private final Attention attn;
        private final LayerNorm ln2;
        private final Mlp mlp;

        Block(Gpt2Config c, Gpt2.Weights weights, String p) {
            this.ln1 = layerNorm(c, weights, p + "ln_1.");
            this.attn = new Attention(c, conv1D(weights, p + "attn.c_attn.", c.width(), 3 * c.width()),
                    conv1D(weights, p + "attn.c_proj.", c.width(), c.width()));
            this.ln2 = layerNorm(c, weights, p + "ln_2.");
            this.mlp = new Mlp(conv1D(weights, p + "mlp.c_fc.", c.width(), 4 * c.width()),
                    conv1D(weights, p + "mlp.c_proj.", 4 * c.width(), c.width()));
        }

        Tensor forward(Tensor x, int past, Tensor pastKeys, Tensor pastValues,
                       List<Tensor> keys, List<Tensor> values, List<Tensor> attention) {
            x = x.add(attn.forward(ln1.forward(x), past, pastKeys, pastValues, keys, values, attention));
            return x.add(mlp.forward(ln2.forward(x)));
        }

        @Override
        public Map<String, ParameterStore.Shaped> namedParameters() {
            Map<String, Module> children = new LinkedHashMap<>();
            children.put("ln_1", ln1);
            children.put("attn", attn);
            children.put("ln_2", ln2);
            children.put("mlp", mlp);
            return Module.named(children);
        }
    }

    /** Causal multi-head self-attention, with the keys and values of earlier positions given. */
    private static final class Attention implements Module {
        private final int heads;
        private final int width;
        private final Conv1D cAttn;
        private final Conv1D cProj;

        Attention(Gpt2Config c, Conv1D cAttn, Conv1D cProj) {
            this.heads = c.heads();
            this.width = c.width();
            this.cAttn = cAttn;
            this.cProj = cProj;
        }

        Tensor forward(Tensor x, int past, Tensor pastKeys, Tensor pastValues,
                       List<Tensor> keys, List<Tensor> values, List<Tensor> attention) {
            int n = x.size(0), t = past + n, d = width / heads;
            Tensor qkv = cAttn.forward(x);                                   // [n, 3·width]
            Tensor q = qkv.slice(1, 0, width), k = qkv.slice(1, width, 2 * width), v = qkv.slice(1, 2 * width, 3 * width);
            keys.add(k);
            values.add(v);
            Tensor allK = past == 0 ? k : Tensor.cat(List.of(pastKeys, k), 0);   // [t, width]
            Tensor allV = past == 0 ? v : Tensor.cat(List.of(pastValues, v), 0);
            Tensor scores = split(q, n, d).matmul(split(allK, t, d).transpose(1, 2)).div(Math.sqrt(d));   // [heads, n, t]
            Tensor weights = scores.maskedFill(causalMask(past, n), Double.NEGATIVE_INFINITY).softmax(-1);
            attention.add(weights);
            Tensor y = weights.matmul(split(allV, t, d)).transpose(0, 1).reshape(n, width);   // heads side by side again
            return cProj.forward(y);
        }

        /** {@code [rows, width]} → {@code [heads, rows, d]}. */
        private Tensor split(Tensor x, int rows, int d) {
            return x.reshape(rows, heads, d).transpose(0, 1);
        }

        @Override
        public Map<String, ParameterStore.Shaped> namedParameters() {
            Map<String, Module> children = new LinkedHashMap<>();
            children.put("c_attn", cAttn);
            children.put("c_proj", cProj);
            return Module.named(children);
        }
    }

    /** {@code c_proj(gelu(c_fc(x)))}, four times as wide inside. */
    private static final class Mlp implements Module {
        private final Conv1D cFc;
        private final GELU gelu = new GELU();
        private final Conv1D cProj;

        Mlp(Conv1D cFc, Conv1D cProj) {
            this.cFc = cFc;
            this.cProj = cProj;
        }

        Tensor forward(Tensor x) {
            return cProj.forward(gelu.forward(cFc.forward(x)));
        }

        @Override
        public Map<String, ParameterStore.Shaped> namedParameters() {
            Map<String, Module> children = new LinkedHashMap<>();
            children.put("c_fc", cFc);
            children.put("c_proj", cProj);
            return Module.named(children);
        }
    }

    /** {@code [n, past + n]}: true where key {@code j} comes after query {@code i}'s position {@code past + i}. */
    static boolean[] causalMask(int past, int n) {
        int t = past + n;
        boolean[] mask = new boolean[n * t];
        for (int i = 0; i < n; i++) {
            for (int j = past + i + 1; j < t; j++) {
                mask[i * t + j] = true;
            }
        }
        return mask;
    }

    private static LayerNorm layerNorm(Gpt2Config c, Gpt2.Weights weights, String p) {
        int w = c.width();
        return new LayerNorm(tensor(weights.get(p + "weight", w), w), tensor(weights.get(p + "bias", w), w), c.epsilon());
    }

    private static Conv1D conv1D(Gpt2.Weights weights, String p, int in, int out) {
        return new Conv1D(tensor(weights.get(p + "weight", in, out), in, out), tensor(weights.get(p + "bias", out), out));
    }

    /** New leaves holding the float32 weights (exactly, as doubles). */
    private static Tensor tensor(float[] data, int... shape) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i];
        }
        return Tensor.of(d, shape);
    }
}
