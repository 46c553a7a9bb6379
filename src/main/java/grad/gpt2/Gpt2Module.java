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
 * {@code lm_head} tied to {@code wte}. The linear layers are GPT-2's {@code Conv1D}, weight {@code [in, out]}
 * as stored. Parameter names are Hugging Face's ({@code h.0.attn.c_attn.weight}, …).
 *
 * <p>Every parameter is a {@link Value} leaf, gathered into one {@link ParameterStore} (whose
 * {@code double[]} holds the weights); {@code Gpt2Compiled} traces {@link #forward} once per shape and
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
    /** The columns of {@code wte} and {@code wpe}: what {@link Value#pick} chooses a row's numbers from, by id. */
    private final List<List<Value>> tokenColumns;
    private final List<List<Value>> positionColumns;

    /**
     * What feeding {@code n} tokens after a cache of {@code c} rows gives.
     *
     * @param logits    the next token's logits after the last of them, {@code [1, vocab_size]}
     * @param keys      per layer, the new positions' keys {@code [n, n_embd]} (heads side by side), for the cache
     * @param values    per layer, the new positions' values {@code [n, n_embd]}
     * @param attention per layer, the attention weights {@code [n_head, n, c + n]} over the cache's rows then the new ones
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
        this.tokenColumns = columns(wte.weight());
        this.positionColumns = columns(wpe.weight());
    }

    private static List<List<Value>> columns(Tensor table) {
        int rows = table.size(0), w = table.size(1);
        List<Value> all = table.values();
        List<List<Value>> columns = new ArrayList<>(w);
        for (int j = 0; j < w; j++) {
            List<Value> column = new ArrayList<>(rows);
            for (int r = 0; r < rows; r++) {
                column.add(all.get(r * w + j));
            }
            columns.add(List.copyOf(column));
        }
        return columns;
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
     * The forward pass of {@code n} tokens, attending to the keys and values of a cache of earlier
     * positions and to each other, as {@code mask} allows. Token ids and positions are values (a compiled
     * program's inputs, read with {@link Value#pick}), and so is the mask: one program serves every
     * position.
     *
     * @param tokens      {@code [n]} token ids
     * @param positions   {@code [n]} their positions
     * @param cacheKeys   per layer, {@code [c, n_embd]} keys of earlier positions (an empty list for none)
     * @param cacheValues per layer, their values
     * @param mask        {@code [n, c + n]}: 0 where query {@code i} may attend to a row (the cache's rows, then
     *                    the new ones), −∞ where not — the causal mask, and the cache's unused rows
     */
    public Output forward(Tensor tokens, Tensor positions, List<Tensor> cacheKeys, List<Tensor> cacheValues, Tensor mask) {
        int n = tokens.numel();
        Tensor x = lookup(tokenColumns, tokens).add(lookup(positionColumns, positions));
        List<Tensor> keys = new ArrayList<>(), values = new ArrayList<>(), attention = new ArrayList<>();
        for (int l = 0; l < h.size(); l++) {
            Tensor k = cacheKeys.isEmpty() ? null : cacheKeys.get(l), v = cacheValues.isEmpty() ? null : cacheValues.get(l);
            x = h.get(l).forward(x, k, v, mask, keys, values, attention);
        }
        Tensor last = lnF.forward(x.slice(0, n - 1, n));
        Tensor logits = last.matmul(wte.weight().transpose(0, 1));   // lm_head tied to wte
        return new Output(logits, keys, values, attention);
    }

    /** The rows {@code ids} of the table whose columns are given, each number picked from its column by the id. */
    private Tensor lookup(List<List<Value>> columns, Tensor ids) {
        List<Value> rows = new ArrayList<>(ids.numel() * columns.size());
        for (Value id : ids.values()) {
            for (List<Value> column : columns) {
                rows.add(Value.pick(id, column));
            }
        }
        return Tensor.of(rows, ids.numel(), columns.size());
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

        Tensor forward(Tensor x, Tensor cacheKeys, Tensor cacheValues, Tensor mask,
                       List<Tensor> keys, List<Tensor> values, List<Tensor> attention) {
            x = x.add(attn.forward(ln1.forward(x), cacheKeys, cacheValues, mask, keys, values, attention));
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

    /** Causal multi-head self-attention, with the keys and values of earlier positions given (or null). */
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

        Tensor forward(Tensor x, Tensor cacheKeys, Tensor cacheValues, Tensor mask,
                       List<Tensor> keys, List<Tensor> values, List<Tensor> attention) {
            int n = x.size(0), t = mask.size(1), d = width / heads;
            Tensor qkv = cAttn.forward(x);                                   // [n, 3·width]
            Tensor q = qkv.slice(1, 0, width), k = qkv.slice(1, width, 2 * width), v = qkv.slice(1, 2 * width, 3 * width);
            keys.add(k);
            values.add(v);
            Tensor allK = cacheKeys == null ? k : Tensor.cat(List.of(cacheKeys, k), 0);   // [t, width]
            Tensor allV = cacheValues == null ? v : Tensor.cat(List.of(cacheValues, v), 0);
            Tensor scores = split(q, n, d).matmul(split(allK, t, d).transpose(1, 2)).div(Math.sqrt(d));   // [heads, n, t]
            Tensor weights = scores.add(mask).softmax(-1);   // −∞ where masked: a weight of exactly 0
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
