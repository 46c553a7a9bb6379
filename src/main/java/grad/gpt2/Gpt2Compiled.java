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
 * {@link Gpt2Module}'s forward pass compiled, one program per shape: {@code past} cached positions and
 * {@code n} new tokens. A program's inputs are the new token ids (read with {@link Value#pick}) and, per
 * layer, the cached keys and values; its outputs are the logits, the new keys and values (appended to
 * the cache) and the attention weights. So the cache lives outside the program, as plain doubles, and
 * each step computes only its own position, as {@link Gpt2} does; a prompt is one program (the causal
 * mask at work), each generated token one more. The parameters are read from the module's
 * {@link grad.engine.ParameterStore} by reference.
 */
final class Gpt2Compiled {
    private record Shape(int past, int n) { }

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
        int w = c.width();
        List<Value> inputs = new ArrayList<>();
        Tensor tokens = leaves(inputs, shape.n());
        List<Tensor> pastKeys = new ArrayList<>(), pastValues = new ArrayList<>();
        for (int l = 0; l < c.layers() && shape.past() > 0; l++) {
            pastKeys.add(leaves(inputs, shape.past(), w));
            pastValues.add(leaves(inputs, shape.past(), w));
        }
        Gpt2Module.Output out = module.forward(tokens, shape.past(), pastKeys, pastValues);
        Map<String, List<Value>> outputs = new LinkedHashMap<>();
        outputs.put("logits", out.logits().values());
        for (int l = 0; l < c.layers(); l++) {
            outputs.put("keys." + l, out.keys().get(l).values());
            outputs.put("values." + l, out.values().get(l).values());
            outputs.put("attention." + l, out.attention().get(l).values());
        }
        return Compiler.compile(outputs, module.store().values(), inputs, List.of());
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
            Shape shape = new Shape(position, tokens.length);
            Replay replay = replays.computeIfAbsent(shape, s -> {
                Replay r = programs.get(s).newReplay();
                r.useParameters(module.store().data(), noGradients);
                return r;
            });
            replay.setInputs(inputs(tokens));
            replay.forward();
            int w = c.width();
            double[] row = new double[tokens.length * w];
            for (int l = 0; l < c.layers(); l++) {
                System.arraycopy(replay.outputs("keys." + l, row), 0, keys[l], position * w, row.length);
                System.arraycopy(replay.outputs("values." + l, row), 0, values[l], position * w, row.length);
                if (sink != null) {
                    attention(l, replay.outputs("attention." + l, new double[c.heads() * tokens.length * (position + tokens.length)]),
                            tokens.length, sink);
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

        /** The token ids, then each layer's cached keys and values, as the program was traced. */
        private double[] inputs(int[] tokens) {
            int cached = position * module.config().width();
            double[] in = new double[tokens.length + 2 * keys.length * cached];
            for (int i = 0; i < tokens.length; i++) {
                in[i] = tokens[i];
            }
            for (int l = 0, at = tokens.length; l < keys.length; l++, at += 2 * cached) {
                System.arraycopy(keys[l], 0, in, at, cached);
                System.arraycopy(values[l], 0, in, at + cached, cached);
            }
            return in;
        }

        /** Hands each head's weights of each new position ({@code [heads, n, position + n]}) to the sink. */
        private void attention(int layer, double[] weights, int n, Gpt2.AttentionSink sink) {
            int t = position + n;
            for (int h = 0; h < module.config().heads(); h++) {
                for (int i = 0; i < n; i++) {
                    int from = (h * n + i) * t;
                    sink.attention(layer, h, position + i, java.util.Arrays.copyOfRange(weights, from, from + position + i + 1));
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
