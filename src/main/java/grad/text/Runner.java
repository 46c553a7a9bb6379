package grad.text;

import grad.engine.Compiler;
import grad.engine.ParameterStore;
import grad.engine.Program;
import grad.engine.Replay;
import grad.engine.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a model on one document at a time: its loss (and gradient) and the logits of the next token.
 * {@link TextEngine#VALUE} builds the document's {@link Value} graph each time and calls
 * {@code backward()}; {@link TextEngine#COMPILED} compiles the graph of the longest document once and
 * replays that program for every document, padded, to the same bits.
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
            double[] x = new double[n * v];
            double[] y = new double[n * v];
            Unrolled.oneHot(doc, bos, v, x, y);
            Value loss = Unrolled.of(model, n, x, y, scale).loss;
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
            double[] x = new double[n * v];
            Unrolled.oneHotRead(read, v, x);
            List<Value> logits = Unrolled.of(model, n, x, new double[x.length], 1).logits;
            return logits.subList((n - 1) * v, n * v).stream().mapToDouble(Value::data).toArray();
        }
    }

    /** Through the compiler: one program for documents up to the longest seen, replayed padded. */
    static final class Compiled extends Runner {
        private final TreeMap<Integer, Replay> replays = new TreeMap<>();
        private final int positions;
        private final double[] taken;

        Compiled(TextModel model, ParameterStore store, int positions) {
            super(model, store);
            this.positions = Math.min(positions, model.maxPositions());
            this.taken = new double[store.size()];
        }

        /** A replay of a program of at least {@code n} positions, compiled now if there is none yet. */
        private Replay replay(int n) {
            Map.Entry<Integer, Replay> ready = replays.ceilingEntry(n);
            if (ready != null) {
                return ready.getValue();
            }
            int len = Math.max(n, positions);
            Unrolled u = Unrolled.blank(model, len);
            List<Value> roots = new ArrayList<>();
            roots.add(u.loss);
            roots.addAll(u.logits);
            Program program = Compiler.compile(roots, store.values(), u.inputs, u.targets);
            Replay replay = program.newReplay();
            replays.put(len, replay);
            return replay;
        }

        /** Loads the parameters and a padded document's one-hot rows (targets none past its end), and runs forward. */
        private Replay run(int n, double[] x, double[] y, double scale) {
            Replay r = replay(n);
            int len = replays.ceilingKey(n);
            double[] in = Arrays.copyOf(x, len * v + 1);
            in[len * v] = scale;
            r.setParameters(store.data());
            r.setInputs(in);
            r.setTargets(Arrays.copyOf(y, len * v));
            r.forward();
            return r;
        }

        @Override
        double loss(int[] doc, double scale, boolean backward) {
            int n = doc.length + 1;
            double[] x = new double[n * v];
            double[] y = new double[n * v];
            Unrolled.oneHot(doc, bos, v, x, y);
            Replay r = run(n, x, y, scale);
            if (backward) {
                r.backward();
                r.takeParameterGradients(taken);
                double[] g = store.grad();
                for (int i = 0; i < g.length; i++) {
                    g[i] += taken[i];
                }
            }
            return r.output(0);
        }

        @Override
        double[] nextLogits(int[] read) {
            int n = read.length;
            double[] x = new double[n * v];
            Unrolled.oneHotRead(read, v, x);
            Replay r = run(n, x, new double[n * v], 1);
            double[] logits = new double[v];
            for (int i = 0; i < v; i++) {
                logits[i] = r.output(1 + (n - 1) * v + i);
            }
            return logits;
        }
    }
}
