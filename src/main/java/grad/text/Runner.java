package grad.text;

import grad.engine.Compiler;
import grad.engine.ParameterStore;
import grad.engine.Program;
import grad.engine.ProgramCache;
import grad.engine.Programs;
import grad.engine.Replay;
import grad.engine.StepSet;
import grad.engine.Value;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
     *                  document's characters + 1); longer documents get a program of their own
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

    /**
     * A runner of the same model, reading the parameters where this one does, with arrays of its own,
     * for another thread to measure losses on (no training) at the same time as this one; or null when
     * there is none.
     */
    Runner sibling() {
        return null;
    }

    /** Starts making ready, on another thread, what the first documents need; returns at once. */
    void prepareInBackground() {
    }

    /**
     * A runner of the same model on a copy of the parameters as they are now (see {@link #copyParameters}),
     * for another thread to measure losses on while this one trains; or null when there is none.
     */
    Runner onCopy() {
        return null;
    }

    /** Has a runner made by {@link #onCopy} read the parameters as they are now. */
    void copyParameters() {
    }

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
     * Through the compiler: one program per padded length (the longest document's positions,
     * or a longer document's own), compiled on first use, the token ids its inputs (looked up by
     * {@code pick}), the parameters read from the store in place. A document shorter than its program
     * runs only the steps of its own positions (its loss's {@link StepSet}, made for every length with
     * the program): the rest of the padded program would add nothing to its loss or gradients.
     */
    static final class Compiled extends Runner {
        /** By program length: the program and the steps a document of each length needs; shared by siblings. */
        private final Map<Integer, Shape> shapes;
        private final Programs<Integer> programs;
        /** This runner's own replays, by program length. */
        private final Map<Integer, Loaded> replays = new HashMap<>();
        private final int positions;
        private final double[] taken;
        /** The values the replays read: the store's, or this runner's copy of them ({@link #onCopy}). */
        private final double[] parameters;

        Compiled(TextModel model, ParameterStore store, int positions) {
            this(model, store, Math.min(positions, model.maxPositions()), new ConcurrentHashMap<>(), null, store.data());
        }

        private Compiled(TextModel model, ParameterStore store, int positions, Map<Integer, Shape> shapes,
                         Programs<Integer> programs, double[] parameters) {
            super(model, store);
            this.positions = positions;
            this.taken = new double[store.size()];
            this.parameters = parameters;
            this.shapes = shapes;
            this.programs = programs != null ? programs : new Programs<>(this::compile);
        }

        @Override
        Runner sibling() {
            return new Compiled(model, store, positions, shapes, programs, parameters);
        }

        /** Compiles the first program on another thread (should it fail there, the first document compiles it again and says why). */
        @Override
        void prepareInBackground() {
            Thread t = new Thread(() -> {
                try {
                    shape(positions);
                } catch (RuntimeException | OutOfMemoryError e) {
                    // left for the first document to meet
                }
            }, "grad-text-compile");
            t.setDaemon(true);
            t.start();
        }

        @Override
        Runner onCopy() {
            return new Compiled(model, store, positions, shapes, programs, store.data().clone());
        }

        @Override
        void copyParameters() {
            if (parameters != store.data()) {
                System.arraycopy(store.data(), 0, parameters, 0, parameters.length);
            }
        }

        /** The program of {@code len} positions, from the cache of compiled programs when it holds it. */
        private Program compile(int len) {
            String name = "grad text " + model.kind().id() + " " + model.config() + " vocabulary " + v
                    + " parameters " + store.size() + " positions " + len + " outputs loss, logits";
            return ProgramCache.standard().get(name, () -> trace(len));
        }

        private Program trace(int len) {
            Unrolled u = Unrolled.blank(model, len);
            Map<String, List<Value>> outputs = new LinkedHashMap<>();
            outputs.put("loss", List.of(u.loss));
            outputs.put("logits", u.logits);
            return Compiler.compile(outputs, store.values(), u.inputs, u.targets);
        }

        /**
         * A program of {@code length} positions, and its steps for a document of each length n (element
         * n − 1): its loss's, which include its last logits'.
         */
        private record Shape(Program program, int length, List<StepSet> steps) {
            static Shape of(Program program, int length) {
                int[] mask = new int[length];
                for (int t = 0; t < length; t++) {
                    mask[t] = length + t;
                }
                return new Shape(program, length, program.stepsByLength(new int[] {program.outputIndex("loss", 0)}, mask));
            }

            /** The steps a document of these characters needs. */
            StepSet of(int[] doc) {
                return steps.get(doc.length);
            }
        }

        /** The shape a document of {@code n} positions runs on: the longest document's, or its own. */
        private Shape shape(int n) {
            return shapes.computeIfAbsent(Math.max(n, positions), len -> Shape.of(programs.get(len), len));
        }

        /** Loads a padded document (no position counted past its end) and runs the steps of its positions. */
        private Replay run(Shape shape, int[] doc, double scale) {
            int len = shape.length;
            Loaded loaded = replays.get(len);
            if (loaded == null) {
                // Interpreted: on the default run, HotSpot compiling the generated code costs more CPU
                // than the code saves in 1000 steps (measured: 4.1-4.4 s against 5.7 s for the process).
                Replay fresh = shape.program.newInterpretedReplay();
                fresh.useParameters(parameters, taken);
                loaded = new Loaded(fresh, new double[len + 1], new double[2 * len]);
                replays.put(len, loaded);
            }
            Unrolled.fill(doc, bos, len, scale, loaded.in, loaded.out);   // every element, each time
            Replay r = loaded.replay;
            r.setInputs(loaded.in);
            r.setTargets(loaded.out);
            r.forward(shape.of(doc));
            return r;
        }

        /** A replay of one program length, and the arrays its inputs and targets are filled in. */
        private record Loaded(Replay replay, double[] in, double[] out) {
        }

        @Override
        double loss(int[] doc, double scale, boolean backward) {
            Shape shape = shape(doc.length + 1);
            Replay r = run(shape, doc, scale);
            if (backward) {
                r.backward(shape.of(doc));
                moveInto(store.grad(), taken);
            }
            return r.output("loss", 0);
        }

        /**
         * Adds {@code taken} to {@code g} and zeroes it: a method of its own, so that the JIT compiles this
         * loop alone rather than {@link #loss} with the whole replay inlined into it.
         */
        private static void moveInto(double[] g, double[] taken) {
            for (int i = 0; i < g.length; i++) {
                g[i] += taken[i];
            }
            Arrays.fill(taken, 0);
        }

        @Override
        double[] nextLogits(int[] read) {
            int n = read.length;
            Replay r = run(shape(n), Arrays.copyOfRange(read, 1, n), 1);
            double[] logits = new double[v];
            for (int i = 0; i < v; i++) {
                logits[i] = r.output("logits", (n - 1) * v + i);
            }
            return logits;
        }
    }
}
