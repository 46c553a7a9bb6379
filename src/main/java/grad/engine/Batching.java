package grad.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiler's last pass: merges the layers of a full batch into {@link BatchedLayer}s. A program traced
 * on many rows has, per row, the same layer (the same weight and bias slots, the same activation) over that
 * row's inputs; such layers (and dots, layers of one neuron), taken in program order, join the batch of the
 * first of them and move up to its place, while each
 *
 * <ul>
 * <li>reads only slots written before that place (so no row depends on another's outputs), and</li>
 * <li>reads no slot that a step left between that place and its own reads too (so that every slot
 * receives its gradient contributions in the same order as before; the batch sends them row by row,
 * last row first, as the separate steps did).</li>
 * </ul>
 *
 * The first step that cannot join ends the batch (a layer that cannot reads the shared weights, so no
 * later one could join).
 * Scalar steps of one op join the same way into a {@link BatchedScalar} when {@link #SCALAR_ROWS} or more
 * do; so do runs of that many consecutive scalar steps of one op, dependent or not ({@link #runs}).
 */
final class Batching {
    /**
     * The fewest rows a batch of scalar steps takes: fewer stay lines of generated code, which run as fast
     * once the JIT has compiled them.
     */
    static final int SCALAR_ROWS = 32;

    private final List<Step> steps;
    /** Each step as a layer, or null for a step that is none. */
    private final DenseLayer[] layers;
    /** Each step's key: a layer's {@link Key}, a scalar step's op, or null. */
    private final Object[] keys;
    /** Each layer's place among the layers of its key. */
    private final int[] rank;
    /** The positions of the steps of each key, in order. */
    private final Map<Object, List<Integer>> byKey = new HashMap<>();
    /** The position of the step writing each slot, -1 for a leaf. */
    private final int[] producer;
    /** Who reads each slot: made when a batch is first grown (most programs have none to grow). */
    private Compiler.Readers readers;
    private final int slotCount;
    private final boolean[] taken;
    private final Compiler.Distinct distinct;

    private Batching(List<Step> steps, int slotCount, int parameters) {
        this.steps = steps;
        this.layers = new DenseLayer[steps.size()];
        this.keys = new Object[steps.size()];
        this.rank = new int[steps.size()];
        this.producer = new int[slotCount];
        this.taken = new boolean[steps.size()];
        this.distinct = new Compiler.Distinct(slotCount);
        Arrays.fill(producer, -1);
        for (int i = 0; i < steps.size(); i++) {
            layers[i] = layer(steps.get(i), parameters);
            keys[i] = layers[i] != null ? Key.of(layers[i])
                    : steps.get(i) instanceof Step.Scalar scalar ? scalar.op() : null;
            if (keys[i] != null) {
                List<Integer> same = byKey.computeIfAbsent(keys[i], key -> new ArrayList<>());
                rank[i] = same.size();
                same.add(i);
            }
            for (int w : steps.get(i).writes()) {
                producer[w] = i;
            }
        }
        this.slotCount = slotCount;
    }

    /**
     * The steps with every batch merged, each where its first row was.
     *
     * @param parameters the number of parameter slots: of a dot's products, the operand that is a
     *                   parameter is its weight
     */
    static List<Step> batch(List<Step> steps, int slotCount, int parameters) {
        List<Step> current = steps;
        for (int from = 0; ; ) {
            Batching index = new Batching(current, slotCount, parameters);
            int[] batch = index.firstBatch(from);
            if (batch == null) {
                return runs(current);
            }
            current = index.merged(batch);
            from = batch[0] + 1;
        }
    }

    /**
     * The steps with each run of {@link #SCALAR_ROWS} or more consecutive scalar steps of one op (a
     * full-batch loss's sum, {@code ((l₀ + l₁) + l₂) + …}) as one {@link BatchedScalar}, which runs them in
     * the same order both ways: no check needed, each row may read the one before.
     */
    static List<Step> runs(List<Step> steps) {
        List<Step> out = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); ) {
            int end = i + 1;
            if (steps.get(i) instanceof Step.Scalar first) {
                while (end < steps.size() && steps.get(end) instanceof Step.Scalar next && next.op() == first.op()) {
                    end++;
                }
            }
            if (end - i >= SCALAR_ROWS) {
                int[] positions = new int[end - i];
                for (int r = 0; r < positions.length; r++) {
                    positions[r] = i + r;
                }
                out.add(batchedScalar(steps, positions));
            } else {
                for (int k = i; k < end; k++) {
                    out.add(steps.get(k));
                }
            }
            i = end;
        }
        return out;
    }

    /** A dense layer, or a dot that reads no slot twice as a layer of one neuron; else null. */
    private DenseLayer layer(Step step, int parameters) {
        if (step instanceof DenseLayer layer) {
            return layer;
        }
        if (step instanceof Step.Dot dot && distinct.has(dot.reads())) {
            return DenseLayer.of(List.of(dot), List.of(), null, Compiler.guessInputs(dot, parameters));
        }
        return null;
    }

    /** The positions of the first batch of two rows or more that starts at or after {@code from}, or null. */
    private int[] firstBatch(int from) {
        for (int i = from; i < steps.size(); i++) {
            int least = layers[i] != null ? 2 : SCALAR_ROWS;
            if (keys[i] != null && canReach(i, least)) {
                int[] batch = grow(i);
                if (batch.length >= least) {
                    return batch;
                }
                for (int member : batch) {
                    taken[member] = false;
                }
            }
        }
        return null;
    }

    /**
     * Whether a batch starting at {@code first} could have {@code least} rows: it takes the steps of its
     * key in order, so the {@code least}-th of them must be there and read only slots written before
     * {@code first} (a batch that cannot is ruled out at once, not grown row by row and dropped).
     */
    private boolean canReach(int first, int least) {
        List<Integer> same = byKey.get(keys[first]);
        int last = rank[first] + least - 1;
        if (last >= same.size()) {
            return false;
        }
        for (int r : steps.get(same.get(last)).reads()) {
            if (producer[r] >= first) {
                return false;
            }
        }
        return true;
    }

    /** The batch that starts with the layer at {@code first}: the layers of its key after it that can join. */
    private int[] grow(int first) {
        List<Integer> same = byKey.get(keys[first]);
        List<Integer> batch = new ArrayList<>(List.of(first));
        taken[first] = true;
        for (int k = rank[first] + 1; k < same.size() && joins(same.get(k), first); k++) {
            taken[same.get(k)] = true;
            batch.add(same.get(k));
        }
        int[] rows = new int[batch.size()];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = batch.get(r);
        }
        return rows;
    }

    /** Whether the layer at {@code j} can move up to {@code first} (see the class comment). */
    private boolean joins(int j, int first) {
        int[] reads = distinct.of(steps.get(j).reads());
        for (int r : reads) {
            if (producer[r] >= first) {
                return false;
            }
        }
        for (int r : reads) {
            if (readers().any(r, first, j, taken)) {
                return false;
            }
        }
        return true;
    }

    private Compiler.Readers readers() {
        if (readers == null) {
            readers = new Compiler.Readers(steps, slotCount);
        }
        return readers;
    }

    /** The steps with the batch at {@code positions} merged into one step at the first. */
    private List<Step> merged(int[] positions) {
        boolean[] member = new boolean[steps.size()];
        for (int position : positions) {
            member[position] = true;
        }
        List<Step> out = new ArrayList<>(steps.size() - positions.length + 1);
        for (int i = 0; i < steps.size(); i++) {
            if (i == positions[0]) {
                out.add(layers[i] != null ? batchedLayer(positions) : batchedScalar(steps, positions));
            } else if (!member[i]) {
                out.add(steps.get(i));
            }
        }
        return out;
    }

    private BatchedLayer batchedLayer(int[] positions) {
        DenseLayer[] rows = new DenseLayer[positions.length];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = layers[positions[r]];
        }
        return new BatchedLayer(rows);
    }

    private static BatchedScalar batchedScalar(List<Step> steps, int[] positions) {
        int[] out = new int[positions.length];
        int[] a = new int[positions.length];
        int[] b = new int[positions.length];
        for (int r = 0; r < out.length; r++) {
            Step.Scalar row = (Step.Scalar) steps.get(positions[r]);
            out[r] = row.out();
            a[r] = row.a();
            b[r] = row.b();
        }
        return new BatchedScalar(((Step.Scalar) steps.get(positions[0])).op(), out, a, b);
    }

    /** What the rows of a batch share: their sizes, weight and bias slots, bias mode and activation. */
    private record Key(int n, int[] weights, int[] bias, int biasMode, Op activation) {
        static Key of(DenseLayer layer) {
            int[] weights = Arrays.copyOfRange(layer.reads(), layer.bias.length, layer.bias.length + layer.k * layer.n);
            return new Key(layer.n, weights, layer.bias, layer.biasMode, layer.activation);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && n == other.n && biasMode == other.biasMode && activation == other.activation
                    && Arrays.equals(weights, other.weights) && Arrays.equals(bias, other.bias);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(weights) + Arrays.hashCode(bias) + n;
        }
    }
}
