package grad.gpt2;

import grad.GradException;
import java.nio.file.Path;

/**
 * GPT-2 on float weights: the hand-compiled form of {@link Gpt2Module}, the model's definition on
 * tensors. The same computation — learned token and position embeddings, {@code layers} pre-LayerNorm
 * blocks of causal self-attention and a GELU (tanh) MLP, a final LayerNorm and the lm_head tied to the
 * token embeddings — written as loops over {@code float[]} weights as loaded (Conv1D layout,
 * {@code [in, out]}) instead of traced from {@code Value}s: a {@code Value} per weight is 124 million
 * objects for GPT-2 small, so this is the path for real checkpoints ({@code grad gpt2} picks it above
 * {@link Gpt2Command#TENSOR_LIMIT} parameters). LayerNorm and softmax statistics are taken in double. One
 * token at a time, with a key/value cache ({@link State}); the tests hold it to {@code Gpt2Module}'s
 * numbers and PyTorch's.
 */
public final class Gpt2 implements AutoCloseable {
    /** Sees the attention weights as they are computed. */
    @FunctionalInterface
    public interface AttentionSink {
        /** The weights of {@code position} over positions {@code 0..position} in one head. */
        void attention(int layer, int head, int position, double[] weights);
    }

    private record Block(float[] ln1Gain, float[] ln1Bias, float[] qkvW, float[] qkvB, float[] projW, float[] projB,
                         float[] ln2Gain, float[] ln2Bias, float[] fcW, float[] fcB, float[] outW, float[] outB) { }

    private final Gpt2Config config;
    private final float[] tokenEmbedding;
    private final float[] positionEmbedding;
    private final Block[] blocks;
    private final float[] lnfGain;
    private final float[] lnfBias;
    private final MatVec matVec;

    private Gpt2(Gpt2Config config, Weights weights, int threads) {
        this.config = config;
        int w = config.width();
        this.tokenEmbedding = weights.get("wte.weight", config.vocabulary(), w);
        this.positionEmbedding = weights.get("wpe.weight", config.context(), w);
        this.blocks = new Block[config.layers()];
        for (int l = 0; l < blocks.length; l++) {
            String p = "h." + l + ".";
            blocks[l] = new Block(weights.get(p + "ln_1.weight", w), weights.get(p + "ln_1.bias", w),
                    weights.get(p + "attn.c_attn.weight", w, 3 * w), weights.get(p + "attn.c_attn.bias", 3 * w),
                    weights.get(p + "attn.c_proj.weight", w, w), weights.get(p + "attn.c_proj.bias", w),
                    weights.get(p + "ln_2.weight", w), weights.get(p + "ln_2.bias", w),
                    weights.get(p + "mlp.c_fc.weight", w, 4 * w), weights.get(p + "mlp.c_fc.bias", 4 * w),
                    weights.get(p + "mlp.c_proj.weight", 4 * w, w), weights.get(p + "mlp.c_proj.bias", w));
        }
        this.lnfGain = weights.get("ln_f.weight", w);
        this.lnfBias = weights.get("ln_f.bias", w);
        this.matVec = new MatVec(threads);
    }

    /** Tensor names with or without the {@code transformer.} prefix some checkpoints carry. */
    record Weights(Safetensors file, String prefix) {
        static Weights of(Safetensors file) {
            boolean prefixed = !file.entries().containsKey("wte.weight") && file.entries().containsKey("transformer.wte.weight");
            return new Weights(file, prefixed ? "transformer." : "");
        }

        float[] get(String name, int... shape) {
            return file.floats(prefix + name, shape);
        }
    }

    /**
     * Loads the weights of {@code config}'s model from {@code model.safetensors}.
     *
     * @throws GradException when a tensor is missing or its shape does not match the config
     */
    public static Gpt2 load(Gpt2Config config, Path safetensors, int threads) {
        try (Safetensors file = Safetensors.open(safetensors)) {
            return new Gpt2(config, Weights.of(file), threads);
        }
    }

    /** The model's shape. */
    public Gpt2Config config() {
        return config;
    }

    /** A fresh key/value cache with room for {@code capacity} positions. */
    public State newState(int capacity) {
        if (capacity > config.context()) {
            throw new GradException(capacity + " positions do not fit in the model's context of " + config.context());
        }
        return new State(config, capacity);
    }

    /** Generation on a fresh cache of {@code capacity} positions; closing it closes this model. */
    Generator generator(int capacity) {
        State state = newState(capacity);
        return new Generator() {
            @Override
            public float[] feed(int[] tokens, AttentionSink sink) {
                float[] logits = null;
                for (int i = 0; i < tokens.length; i++) {
                    logits = step(state, tokens[i], i == tokens.length - 1, sink);
                }
                return logits.clone();
            }

            @Override
            public int position() {
                return state.position();
            }

            @Override
            public void close() {
                Gpt2.this.close();
            }
        };
    }

    /** The keys and values of the positions seen so far, and the scratch buffers of one step. */
    public static final class State {
        private final float[][] keys;
        private final float[][] values;
        private final int capacity;
        private int position;
        private final float[] x;
        private final float[] normed;
        private final float[] qkv;
        private final float[] attended;
        private final float[] projected;
        private final float[] hidden;
        private final double[] scores;
        private final double[] head;
        private final float[] logits;

        private State(Gpt2Config c, int capacity) {
            int w = c.width();
            this.capacity = capacity;
            this.keys = new float[c.layers()][capacity * w];
            this.values = new float[c.layers()][capacity * w];
            this.x = new float[w];
            this.normed = new float[w];
            this.qkv = new float[3 * w];
            this.attended = new float[w];
            this.projected = new float[w];
            this.hidden = new float[4 * w];
            this.scores = new double[capacity];
            this.head = new double[c.headWidth()];
            this.logits = new float[c.vocabulary()];
        }

        /** How many positions have been fed. */
        public int position() {
            return position;
        }
    }

    /**
     * Feeds {@code token} at the next position and returns the logits of the token after it, or null
     * when {@code logits} is false (a prompt token whose successor is known). The array returned is the
     * state's own, overwritten by the next step.
     */
    public float[] step(State s, int token, boolean logits, AttentionSink sink) {
        if (token < 0 || token >= config.vocabulary()) {
            throw new GradException("token id " + token + " is outside the model's vocabulary of " + config.vocabulary());
        }
        if (s.position >= s.capacity) {
            throw new GradException("no room left: the context holds " + s.capacity + " positions");
        }
        int w = config.width();
        for (int i = 0; i < w; i++) {
            s.x[i] = tokenEmbedding[token * w + i] + positionEmbedding[s.position * w + i];
        }
        for (int l = 0; l < blocks.length; l++) {
            block(l, blocks[l], s, sink);
        }
        s.position++;
        if (!logits) {
            return null;
        }
        layerNorm(s.x, lnfGain, lnfBias, s.normed);
        matVec.rows(tokenEmbedding, s.normed, s.logits, config.vocabulary(), w);
        return s.logits;
    }

    private void block(int layer, Block b, State s, AttentionSink sink) {
        int w = config.width();
        layerNorm(s.x, b.ln1Gain(), b.ln1Bias(), s.normed);
        matVec.affine(s.normed, b.qkvW(), b.qkvB(), s.qkv, w, 3 * w);
        System.arraycopy(s.qkv, w, s.keys[layer], s.position * w, w);
        System.arraycopy(s.qkv, 2 * w, s.values[layer], s.position * w, w);
        for (int h = 0; h < config.heads(); h++) {
            attend(layer, h, s, sink);
        }
        matVec.affine(s.attended, b.projW(), b.projB(), s.projected, w, w);
        for (int i = 0; i < w; i++) {
            s.x[i] += s.projected[i];
        }
        layerNorm(s.x, b.ln2Gain(), b.ln2Bias(), s.normed);
        matVec.affine(s.normed, b.fcW(), b.fcB(), s.hidden, w, 4 * w);
        for (int i = 0; i < s.hidden.length; i++) {
            s.hidden[i] = gelu(s.hidden[i]);
        }
        matVec.affine(s.hidden, b.outW(), b.outB(), s.projected, 4 * w, w);
        for (int i = 0; i < w; i++) {
            s.x[i] += s.projected[i];
        }
    }

    /** One head's causal attention of the current position over the cached ones. */
    private void attend(int layer, int head, State s, AttentionSink sink) {
        int w = config.width();
        int d = config.headWidth();
        int offset = head * d;
        int t = s.position;
        double scale = 1 / Math.sqrt(d);
        double max = Double.NEGATIVE_INFINITY;
        float[] keys = s.keys[layer];
        for (int p = 0; p <= t; p++) {
            double score = 0;
            for (int i = 0; i < d; i++) {
                score += s.qkv[offset + i] * keys[p * w + offset + i];
            }
            s.scores[p] = score * scale;
            max = Math.max(max, s.scores[p]);
        }
        double sum = 0;
        for (int p = 0; p <= t; p++) {
            s.scores[p] = Math.exp(s.scores[p] - max);
            sum += s.scores[p];
        }
        float[] values = s.values[layer];
        double[] out = s.head;
        java.util.Arrays.fill(out, 0);
        for (int p = 0; p <= t; p++) {
            s.scores[p] /= sum;
            double a = s.scores[p];
            for (int i = 0; i < d; i++) {
                out[i] += a * values[p * w + offset + i];
            }
        }
        for (int i = 0; i < d; i++) {
            s.attended[offset + i] = (float) out[i];
        }
        if (sink != null) {
            sink.attention(layer, head, t, java.util.Arrays.copyOf(s.scores, t + 1));
        }
    }

    private void layerNorm(float[] x, float[] gain, float[] bias, float[] out) {
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= x.length;
        double variance = 0;
        for (float v : x) {
            variance += (v - mean) * (v - mean);
        }
        variance /= x.length;
        double inv = 1 / Math.sqrt(variance + config.epsilon());
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) ((x[i] - mean) * inv * gain[i] + bias[i]);
        }
    }

    /** GELU, the tanh approximation GPT-2 was trained with ("gelu_new"). */
    static float gelu(float x) {
        double c = Math.sqrt(2 / Math.PI);
        return (float) (0.5 * x * (1 + Math.tanh(c * (x + 0.044715 * x * x * x))));
    }

    @Override
    public void close() {
        matVec.close();
    }
}
