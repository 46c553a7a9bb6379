package grad.gpt2;

import grad.GradException;
import grad.engine.Compiler;
import grad.engine.Program;
import grad.engine.Programs;
import grad.engine.Replay;
import grad.engine.Value;
import grad.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Gpt2Module}'s forward pass compiled, one program per shape: a cache of {@code c} rows and
 * {@code n} new tokens. A program's inputs are the new tokens' ids and positions (read with
 * {@link Value#pick}), the attention mask, and per layer the cache's keys and values; its outputs are the
 * logits, the new keys and values (written into the cache) and the attention weights. The key/value
 * cache thus lives outside the programs, as plain doubles, and each step computes only its own
 * positions, as {@link Gpt2} does.
 *
 * <p>Why the cache as inputs rather than re-running the prefix: the prefix would cost a whole forward
 * pass per generated token, and a program per length. Why a cache of the session's full capacity, its
 * unused rows masked, rather than of the positions so far: then one program serves every generated
 * token, where a program per position would compile once per token (compiling a step costs far more
 * than replaying it). A generation compiles two programs: the prompt's ({@code c = 0}) and the step's.
 * The parameters are read from the module's {@link grad.engine.ParameterStore} by reference.
 */
final class Gpt2Compiled {
    private record Shape(int cache, int n) { }

    private final Gpt2Module module;
    private final Programs<Shape> programs;
    private final double[] noGradients;

    Gpt2Compiled(Gpt2Module module) {
        this.module = module;
        this.programs = new Programs<>(this::compile);
        this.noGradients = new double[module.store().size()];
    }

    /** Traces the forward pass of {@code shape} on input leaves and compiles it. */
    private Program compile(Shape shape) {
        Gpt2Config c = module.config();
        int n = shape.n(), rows = shape.cache();
        List<Value> inputs = new ArrayList<>();
        Tensor tokens = leaves(inputs, n);
        Tensor positions = leaves(inputs, n);
        Tensor mask = leaves(inputs, n, rows + n);
        List<Tensor> cacheKeys = new ArrayList<>(), cacheValues = new ArrayList<>();
        for (int l = 0; l < c.layers() && rows > 0; l++) {
            cacheKeys.add(leaves(inputs, rows, c.width()));
            cacheValues.add(leaves(inputs, rows, c.width()));
        }
        Gpt2Module.Output out = module.forward(tokens, positions, cacheKeys, cacheValues, mask);
        Map<String, List<Value>> outputs = new LinkedHashMap<>();
        outputs.put("logits", out.logits().values());
        for (int l = 0; l < c.layers(); l++) {
            outputs.put("keys." + l, out.keys().get(l).values());
            outputs.put("values." + l, out.values().get(l).values());
            outputs.put("attention." + l, out.attention().get(l).values());
        }
        return Compiler.compile(outputs, module.store().values(), inputs, List.of());
    }

    /**
     * The mask of {@code n} new tokens at positions {@code position, …} over a cache of {@code rows} rows
     * (filled up to {@code position}) and themselves: {@code [n, rows + n]}, 0 where visible, −∞ where not.
     */
    static double[] mask(int rows, int position, int n) {
        double[] mask = new double[n * (rows + n)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < rows + n; j++) {
                boolean visible = j < rows ? j < position : j - rows <= i;
                mask[i * (rows + n) + j] = visible ? 0 : Double.NEGATIVE_INFINITY;
            }
        }
        return mask;
    }

    private static Tensor leaves(List<Value> inputs, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        Tensor t = Tensor.of(new double[n], shape);
        inputs.addAll(t.values());
        return t;
    }

    /** The number of programs compiled so far. */
    int programCount() {
        return programs.size();
    }

    /** A fresh cache with room for {@code capacity} positions. */
    Session newSession(int capacity) {
        if (capacity > module.config().context()) {
            throw new GradException(capacity + " positions do not fit in the model's context of " + module.config().context());
        }
        return new Session(capacity);
    }

    /** One sequence: the cached keys and values of its positions, and a replay per program it used. */
    final class Session implements Generator {
        private final double[][] keys;
        private final double[][] values;
        private final int capacity;
        private final Map<Shape, Replay> replays = new HashMap<>();
        private int position;

        private Session(int capacity) {
            Gpt2Config c = module.config();
            this.capacity = capacity;
            this.keys = new double[c.layers()][capacity * c.width()];
            this.values = new double[c.layers()][capacity * c.width()];
        }

        @Override
        public int position() {
            return position;
        }

        /** Feeds {@code tokens} and returns the next token's logits, in double. */
        double[] logits(int[] tokens, Gpt2.AttentionSink sink) {
            Gpt2Config c = module.config();
            check(tokens);
            Shape shape = new Shape(position == 0 ? 0 : capacity, tokens.length);
            Replay replay = replays.computeIfAbsent(shape, s -> {
                Replay r = programs.get(s).newReplay();
                r.useParameters(module.store().data(), noGradients);
                return r;
            });
            replay.setInputs(inputs(tokens, shape.cache()));
            replay.forward();
            int w = c.width();
            double[] row = new double[tokens.length * w];
            for (int l = 0; l < c.layers(); l++) {
                System.arraycopy(replay.outputs("keys." + l, row), 0, keys[l], position * w, row.length);
                System.arraycopy(replay.outputs("values." + l, row), 0, values[l], position * w, row.length);
                if (sink != null) {
                    attention(l, replay.outputs("attention." + l, new double[c.heads() * tokens.length * (shape.cache() + tokens.length)]),
                            shape, sink);
                }
            }
            position += tokens.length;
            return replay.outputs("logits", new double[c.vocabulary()]);
        }

        private void check(int[] tokens) {
            if (tokens.length == 0 || position + tokens.length > capacity) {
                throw new GradException("no room left: the context holds " + capacity + " positions");
            }
            for (int token : tokens) {
                if (token < 0 || token >= module.config().vocabulary()) {
                    throw new GradException("token id " + token + " is outside the model's vocabulary of " + module.config().vocabulary());
                }
            }
        }

        /** The token ids, their positions, the mask, then each layer's cache of keys and values, as the program was traced. */
        private double[] inputs(int[] tokens, int rows) {
            int n = tokens.length, cached = rows * module.config().width();
            double[] mask = mask(rows, position, n);
            double[] in = new double[2 * n + mask.length + 2 * keys.length * cached];
            for (int i = 0; i < n; i++) {
                in[i] = tokens[i];
                in[n + i] = position + i;
            }
            System.arraycopy(mask, 0, in, 2 * n, mask.length);
            for (int l = 0, at = 2 * n + mask.length; l < keys.length; l++, at += 2 * cached) {
                System.arraycopy(keys[l], 0, in, at, cached);
                System.arraycopy(values[l], 0, in, at + cached, cached);
            }
            return in;
        }

        /**
         * Hands each head's weights of each new position to the sink, over positions 0 … its own: the
         * weights {@code [heads, n, rows + n]} are over the cache's rows (the first {@code position} in use)
         * then the new tokens.
         */
        private void attention(int layer, double[] weights, Shape shape, Gpt2.AttentionSink sink) {
            int n = shape.n(), t = shape.cache() + n;
            for (int h = 0; h < module.config().heads(); h++) {
                for (int i = 0; i < n; i++) {
                    int row = (h * n + i) * t;
                    double[] w = new double[position + i + 1];
                    System.arraycopy(weights, row, w, 0, position);
                    System.arraycopy(weights, row + shape.cache(), w, position, i + 1);
                    sink.attention(layer, h, position + i, w);
                }
            }
        }

        @Override
        public float[] feed(int[] tokens, Gpt2.AttentionSink sink) {
            double[] logits = logits(tokens, sink);
            float[] out = new float[logits.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) logits[i];
            }
            return out;
        }

        @Override
        public void close() {
            replays.clear();
        }
    }
}
