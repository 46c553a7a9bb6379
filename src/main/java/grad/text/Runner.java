package grad.text;

import grad.engine.Compiler;
import grad.engine.ParameterStore;
import grad.engine.Program;
import grad.engine.Programs;
import grad.engine.Replay;
import grad.engine.Value;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a model on one document at a time: its loss (and gradient) and the logits of the next token.
 * {@link TextEngine#VALUE} builds the document's {@link Value} graph each time and calls
 * {@code backward()}; {@link TextEngine#COMPILED} compiles the graph of the longest document once (token
 * ids as inputs, a 0/1 mask of the positions that count as targets) and replays that program for every
 * document, padded, to the same bits.
 */
abstract class Runner {
    final TextModel model;
    final ParameterStore store;
    final int v;
    final int bos;

    Runner(TextModel model, ParameterStore store) {
        this.model = model;
        this.store = store;
        this.v = model.vocabulary().size();
        this.bos = model.vocabulary().bos();
    }

    /**
     * @param positions the positions of the first program the compiled runner makes (the longest
     *                  training document's characters + 1); longer documents get a program of their own
     */
    static Runner of(TextEngine engine, TextModel model, ParameterStore store, int positions) {
        return engine == TextEngine.VALUE ? new OnValues(model, store) : new Compiled(model, store, positions);
    }

    /**
     * {@code scale · Σ −log p} over the document's predicted tokens, BOS→first character to last
     * character→EOS; with {@code backward}, adds its gradient to the store's gradients.
     *
     * @param doc the characters' ids, at most {@code model.maxPositions() − 1} of them
     */
    abstract double loss(int[] doc, double scale, boolean backward);

    /** The logits of the token after {@code read} (which begins with BOS). */
    abstract double[] nextLogits(int[] read);

    /** Through {@code Value.backward()}: a new graph per document. */
    static final class OnValues extends Runner {
        OnValues(TextModel model, ParameterStore store) {
            super(model, store);
        }

        @Override
        double loss(int[] doc, double scale, boolean backward) {
            int n = doc.length + 1;
            double[] in = new double[n + 1];
            double[] out = new double[2 * n];
            Unrolled.fill(doc, bos, n, scale, in, out);
            Value loss = Unrolled.of(model, Arrays.copyOf(in, n), Arrays.copyOf(out, n),
                    Arrays.copyOfRange(out, n, 2 * n), scale).loss;
            if (backward) {
                double[] g = store.grad();
                double[] before = g.clone();
                Arrays.fill(g, 0);
                loss.backward();
                for (int i = 0; i < g.length; i++) {
                    g[i] = before[i] + g[i];   // as the compiled runner adds a document's gradient
                }
            }
            return loss.data();
        }

        @Override
        double[] nextLogits(int[] read) {
            int n = read.length;
            double[] ids = Arrays.stream(read).asDoubleStream().toArray();
            List<Value> logits = Unrolled.of(model, ids, ids.clone(), new double[n], 1).logits;
            return logits.subList((n - 1) * v, n * v).stream().mapToDouble(Value::data).toArray();
        }
    }

    /**
     * Through the compiler: one program per padded length ({@link #padded}), compiled on first use, the
     * token ids its inputs (looked up by {@code pick}), the parameters read from the store in place.
     */
    static final class Compiled extends Runner {
        private final Programs<Integer> programs;
        private final Map<Integer, Replay> replays = new HashMap<>();
        private final int positions;
        private final double[] taken;

        Compiled(TextModel model, ParameterStore store, int positions) {
            super(model, store);
            this.positions = Math.min(positions, model.maxPositions());
            this.taken = new double[store.size()];
            this.programs = new Programs<>(this::compile);
        }

        private Program compile(int len) {
            Unrolled u = Unrolled.blank(model, len);
            Map<String, List<Value>> outputs = new LinkedHashMap<>();
            outputs.put("loss", List.of(u.loss));
            outputs.put("logits", u.logits);
            return Compiler.compile(outputs, store.values(), u.inputs, u.targets);
        }

        /**
         * The positions of the program a document of {@code n} positions runs on: the longest training
         * document's, or its own if it is longer. (Measured on the default GPT run: a program per length,
         * or per multiple of 4 or 8, costs more in compiling than it saves in padding.)
         */
        private int padded(int n) {
            return Math.max(n, positions);
        }

        /** Loads a padded document (no position counted past its end) and runs forward. */
        private Replay run(int[] doc, double scale) {
            int len = padded(doc.length + 1);
            Replay r = replays.computeIfAbsent(len, l -> {
                // Interpreted: on the default run, HotSpot compiling the generated code costs more CPU
                // than the code saves in 1000 steps (measured: 4.1-4.4 s against 5.7 s for the process).
                Replay fresh = programs.get(l).newInterpretedReplay();
                fresh.useParameters(store.data(), taken);
                return fresh;
            });
            double[] in = new double[len + 1];
            double[] out = new double[2 * len];
            Unrolled.fill(doc, bos, len, scale, in, out);
            r.setInputs(in);
            r.setTargets(out);
            r.forward();
            return r;
        }

        @Override
        double loss(int[] doc, double scale, boolean backward) {
            Replay r = run(doc, scale);
            if (backward) {
                r.backward();
                double[] g = store.grad();
                for (int i = 0; i < g.length; i++) {
                    g[i] += taken[i];
                }
                Arrays.fill(taken, 0);
            }
            return r.output("loss", 0);
        }

        @Override
        double[] nextLogits(int[] read) {
            int n = read.length;
            Replay r = run(Arrays.copyOfRange(read, 1, n), 1);
            double[] logits = new double[v];
            for (int i = 0; i < v; i++) {
                logits[i] = r.output("logits", (n - 1) * v + i);
            }
            return logits;
        }
    }
}
