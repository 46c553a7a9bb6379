package grad.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one sample's {@link Value} graph into a {@link Program}: the same arithmetic, laid out once as
 * flat steps over numbered slots, so that it can be replayed for every sample without building a graph
 * (the idea of tinygrad and {@code jax.jit}, for scalars). Four passes:
 *
 * <ol>
 * <li><b>trace</b>: the graph in topological order, each node a step writing one slot. The parameters,
 * inputs and targets named by the caller become slots that a {@link Replay} fills before each run; every
 * other leaf is a constant. Only what the roots depend on is traced.</li>
 * <li><b>fuse dots</b>: a chain {@code w₀·x₀ + w₁·x₁ + … + b} of multiplications and additions, each used
 * only by the next, becomes one dot step that adds the same products in the same order; the bias may come
 * last, first ({@code b + w₀·x₀ + …}) or not at all.</li>
 * <li><b>fuse layers</b>: dots over the same inputs (each product {@code w·x} or {@code x·w}), each followed
 * by the same activation, with the bias in the same place, become one dense-layer step whose loops the JIT
 * compiles as it would a hand-written layer.</li>
 * <li><b>batch rows</b>: the same layer (the same weights and activation) applied to independent rows, as in
 * a full-batch loss, becomes one step over all the rows ({@link Batching}).</li>
 * </ol>
 *
 * <p>No pass changes a result: each slot gets the same operations in the same order, and in the backward
 * pass each slot receives its gradient contributions in the order {@link Value#backward()} adds them, so
 * a replay and {@code Value.backward()} agree to the last bit.
 */
public final class Compiler {
    private Compiler() {
    }

    /**
     * Compiles the graph of {@code roots}, as one output group called {@code outputs}.
     *
     * @param roots      what the program computes, readable after a run with {@link Replay#output}; the
     *                   backward pass differentiates the first
     * @param parameters leaves whose values are loaded with {@link Replay#setParameters}, and whose
     *                   gradients the backward pass computes
     * @param inputs     leaves loaded with {@link Replay#setInputs}
     * @param targets    leaves loaded with {@link Replay#setTargets}
     */
    public static Program compile(List<Value> roots, List<Value> parameters, List<Value> inputs, List<Value> targets) {
        return compile(Map.of("outputs", roots), parameters, inputs, targets);
    }

    /**
     * Compiles the graph of named groups of outputs, e.g. {@code loss} → the loss, {@code probs} → the
     * probabilities, {@code layers.0} → the first layer's activations (a {@link LinkedHashMap} keeps
     * them in order).
     *
     * @param outputs    each group's name → its values, readable after a run with
     *                   {@link Replay#output(String, int)}; the backward pass differentiates the first
     *                   value of the first group
     * @param parameters leaves whose values are loaded with {@link Replay#setParameters}, and whose
     *                   gradients the backward pass computes
     * @param inputs     leaves loaded with {@link Replay#setInputs}
     * @param targets    leaves loaded with {@link Replay#setTargets}
     * @throws IllegalArgumentException when there is no output, or parameters, inputs and targets are not
     *                                  distinct leaves
     */
    public static Program compile(Map<String, List<Value>> outputs, List<Value> parameters, List<Value> inputs,
                                  List<Value> targets) {
        return compile(outputs, parameters, inputs, targets, true);
    }

    /** {@link #compile(Map, List, List, List)}, with or without the batch-rows pass (tests compare the two). */
    static Program compile(Map<String, List<Value>> outputs, List<Value> parameters, List<Value> inputs,
                           List<Value> targets, boolean batchRows) {
        List<Value> roots = new ArrayList<>();
        outputs.values().forEach(roots::addAll);
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("a program needs at least one output");
        }
        Trace trace = Trace.of(roots, parameters, inputs, targets);
        trace.groups = Program.groups(outputs);
        List<Step> layers = fuseLayers(fuseDots(trace.steps, trace.slotCount), trace.slotCount, trace.parameterCount);
        List<Step> steps = batchRows ? Batching.batch(layers, trace.slotCount, trace.parameterCount) : layers;
        return new Program(renumber(steps, trace), trace);
    }

    /**
     * Gives the computed values new slots in the order the steps write them, each layer's outputs side by
     * side, so that a layer's inputs are consecutive slots (as a hand-written network's arrays are), and
     * the constants new slots in the order the steps read them (a layer's biases first), so that constant
     * biases (Python's {@code sum} starting from 0) are side by side too; parameters, inputs and targets
     * keep theirs. Updates {@code trace}'s constants, roots and slot count.
     */
    static List<Step> renumber(List<Step> steps, Trace trace) {
        int first = trace.parameterCount + trace.inputCount + trace.targetCount;
        int leaves = first + trace.constants.length;
        int[] map = new int[trace.slotCount];
        for (int i = 0; i < map.length; i++) {
            map[i] = i < first ? i : -1;
        }
        int next = first;
        for (Step step : steps) {
            for (int r : step.reads()) {   // a layer's biases first
                if (r >= first && r < leaves && map[r] < 0) {
                    map[r] = next++;
                }
            }
        }
        double[] constants = trace.constants.clone();
        for (int c = first; c < leaves; c++) {
            map[c] = map[c] < 0 ? next++ : map[c];   // else a constant that only a root is
            trace.constants[map[c] - first] = constants[c - first];
        }
        for (Step step : steps) {
            for (int slot : step.writes()) {
                map[slot] = next++;
            }
        }
        List<Step> out = new ArrayList<>(steps.size());
        for (Step step : steps) {
            out.add(step.renumbered(map));
        }
        for (int i = 0; i < trace.roots.length; i++) {
            trace.roots[i] = map[trace.roots[i]];
        }
        trace.slotCount = next;
        return out;
    }

    static int[] renumber(int[] slots, int[] map) {
        int[] out = new int[slots.length];
        for (int i = 0; i < slots.length; i++) {
            out[i] = map[slots[i]];
        }
        return out;
    }

    /** The graph laid out as steps: slots for parameters, inputs, targets, constants, then one per node. */
    static final class Trace {
        final int parameterCount;
        final int inputCount;
        final int targetCount;
        final double[] constants;
        final List<Step> steps = new ArrayList<>();
        final int[] roots;
        Map<String, int[]> groups;
        int slotCount;

        private Trace(int parameters, int inputs, int targets, double[] constants, int[] roots) {
            this.parameterCount = parameters;
            this.inputCount = inputs;
            this.targetCount = targets;
            this.constants = constants;
            this.roots = roots;
        }

        /** A trace with no steps, of a program read back ({@link ProgramCache}). */
        static Trace of(int parameters, int inputs, int targets, double[] constants, int[] roots,
                        Map<String, int[]> groups, int slotCount) {
            Trace t = new Trace(parameters, inputs, targets, constants, roots);
            t.groups = groups;
            t.slotCount = slotCount;
            return t;
        }

        static Trace of(List<Value> roots, List<Value> parameters, List<Value> inputs, List<Value> targets) {
            ValueIndex slot = new ValueIndex();
            int named = nameLeaves(slot, List.of(parameters, inputs, targets));
            Value[] order = slot.topologicalOrder(roots);
            double[] constants = constants(order, slot, named);
            Trace t = new Trace(parameters.size(), inputs.size(), targets.size(), constants, new int[roots.size()]);
            t.slotCount = named + constants.length;
            t.addSteps(order, slot);
            for (int i = 0; i < t.roots.length; i++) {
                t.roots[i] = slot.slotOf(roots.get(i));
            }
            return t;
        }

        /** Gives the parameters, inputs and targets, in that order, slots 0, 1, …; returns how many. */
        private static int nameLeaves(ValueIndex slot, List<List<Value>> groups) {
            int named = 0;
            for (List<Value> leaves : groups) {
                for (Value v : leaves) {
                    if (v.op() != Op.LEAF || slot.find(v) >= 0) {
                        throw new IllegalArgumentException("parameters, inputs and targets must be distinct leaves");
                    }
                    int id = slot.id(v);   // before reading slot.slot, which id() may grow
                    slot.slot[id] = named++;
                }
            }
            return named;
        }

        /** Gives every other leaf of {@code order} the next slot from {@code named} on; returns their values. */
        private static double[] constants(Value[] order, ValueIndex slot, int named) {
            double[] constants = new double[order.length];
            int leaves = named;
            for (int k = 0; k < order.length; k++) {
                Value v = order[k];
                int id = slot.orderIds[k];
                if (v.op() == Op.LEAF && slot.slot[id] < 0) {
                    constants[leaves - named] = v.data();
                    slot.slot[id] = leaves++;
                }
            }
            return Arrays.copyOf(constants, leaves - named);
        }

        /** One step per node of {@code order} that is no leaf, each writing the next slot. */
        private void addSteps(Value[] order, ValueIndex slot) {
            for (int k = 0; k < order.length; k++) {
                Value v = order[k];
                int id = slot.orderIds[k];
                if (v.op() == Op.PICK) {
                    slot.slot[id] = slotCount;
                    steps.add(gather(slotCount++, v.operands(), slot));
                } else if (v.op() == Op.DOT) {
                    slot.slot[id] = slotCount;
                    steps.add(dot(slotCount++, v.operands(), slot));
                } else if (v.op() != Op.LEAF) {
                    int a = slot.slot[slot.first[id]];
                    int b = slot.second[id] >= 0 ? slot.slot[slot.second[id]] : a;
                    slot.slot[id] = slotCount;
                    steps.add(new Step.Scalar(v.op(), slotCount++, a, b));
                }
            }
        }

        /** A dot's step: its operands the factors of each product in turn. */
        private static Step.Dot dot(int out, List<Value> operands, ValueIndex slot) {
            int[] factors = new int[operands.size()];
            for (int i = 0; i < factors.length; i++) {
                factors[i] = slot.slotOf(operands.get(i));
            }
            return Step.Dot.ofFactors(out, factors);
        }

        /** A pick's gather step: its first operand the index, the others the options. */
        private static Step.Gather gather(int out, List<Value> operands, ValueIndex slot) {
            int[] options = new int[operands.size() - 1];
            for (int i = 0; i < options.length; i++) {
                options[i] = slot.slotOf(operands.get(i + 1));
            }
            return new Step.Gather(out, slot.slotOf(operands.get(0)), options);
        }
    }

    /**
     * The nodes of a graph numbered 0, 1, … as they are met, by identity (an open-addressing table, no
     * boxing), each with a slot (-1 until it has one) and whether the traversal has visited it.
     */
    static final class ValueIndex {
        private Value[] keys = new Value[1 << 10];
        private int[] ids = new int[1 << 10];
        private int size;
        int[] slot = new int[1 << 9];
        private boolean[] visited = new boolean[1 << 9];
        /** The numbers of each node's first and second operands (-1 for none), known once it is visited. */
        int[] first = new int[1 << 9];
        int[] second = new int[1 << 9];
        /** The numbers of the nodes of the last {@link #topologicalOrder}, in that order. */
        int[] orderIds;

        /** The number of {@code v}, or -1 if it has none. */
        int find(Value v) {
            int mask = keys.length - 1;
            for (int h = System.identityHashCode(v) * 0x9E3779B9 & mask; keys[h] != null; h = h + 1 & mask) {
                if (keys[h] == v) {
                    return ids[h];
                }
            }
            return -1;
        }

        /** The number of {@code v}, given it now if it has none. */
        int id(Value v) {
            int mask = keys.length - 1;
            int h = System.identityHashCode(v) * 0x9E3779B9 & mask;
            for (; keys[h] != null; h = h + 1 & mask) {
                if (keys[h] == v) {
                    return ids[h];
                }
            }
            keys[h] = v;
            ids[h] = size;
            if (size == slot.length) {
                slot = Arrays.copyOf(slot, 2 * size);
                visited = Arrays.copyOf(visited, 2 * size);
                first = Arrays.copyOf(first, 2 * size);
                second = Arrays.copyOf(second, 2 * size);
            }
            slot[size] = -1;
            if (2 * ++size > keys.length) {
                grow();
            }
            return size - 1;
        }

        int slotOf(Value v) {
            return slot[find(v)];
        }

        private void grow() {
            Value[] oldKeys = keys;
            int[] oldIds = ids;
            keys = new Value[2 * oldKeys.length];
            ids = new int[keys.length];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    int h = System.identityHashCode(oldKeys[i]) * 0x9E3779B9 & mask;
                    while (keys[h] != null) {
                        h = h + 1 & mask;
                    }
                    keys[h] = oldKeys[i];
                    ids[h] = oldIds[i];
                }
            }
        }

        /**
         * {@link Value#topologicalOrder(List)}'s order (the same walk), numbering every node met and
         * noting its operands' numbers, so that the trace looks nothing up again ({@link #orderIds}).
         */
        Value[] topologicalOrder(List<Value> roots) {
            TopologicalWalk walk = new TopologicalWalk(this);
            for (Value root : roots) {
                walk.from(root);
            }
            orderIds = Arrays.copyOf(walk.orderIds, walk.size);
            return Arrays.copyOf(walk.order, walk.size);
        }
    }

    /**
     * The walk of {@link ValueIndex#topologicalOrder}, without recursion: a stack on which a node is pushed
     * to be expanded (its operands pushed above it, last first) and again to be emitted once they are.
     */
    private static final class TopologicalWalk {
        private final ValueIndex index;
        private Value[] order = new Value[64];
        private int[] orderIds = new int[64];
        private int size;
        private Value[] stack = new Value[64];
        private int[] stackIds = new int[64];
        private boolean[] expanded = new boolean[64];
        private int top;

        TopologicalWalk(ValueIndex index) {
            this.index = index;
        }

        /** Emits every node {@code root} depends on that is not visited yet, operands first. */
        void from(Value root) {
            top = 0;
            push(root, index.id(root), false);
            while (top > 0) {
                Value v = stack[--top];
                int id = stackIds[top];
                if (expanded[top]) {
                    emit(v, id);
                } else if (!index.visited[id]) {
                    expand(v, id);
                }
            }
        }

        private void push(Value v, int id, boolean expand) {
            stack[top] = v;
            stackIds[top] = id;
            expanded[top++] = expand;
        }

        private void emit(Value v, int id) {
            if (size == order.length) {
                order = Arrays.copyOf(order, 2 * size);
                orderIds = Arrays.copyOf(orderIds, 2 * size);
            }
            orderIds[size] = id;
            order[size++] = v;
        }

        /** Pushes {@code v} to be emitted, then its operands not yet visited, noting its operands' numbers. */
        private void expand(Value v, int id) {
            index.visited[id] = true;
            List<Value> ops = v.operands();
            if (top + ops.size() + 1 > stack.length) {
                stack = Arrays.copyOf(stack, 2 * (top + ops.size() + 1));
                stackIds = Arrays.copyOf(stackIds, stack.length);
                expanded = Arrays.copyOf(expanded, stack.length);
            }
            push(v, id, true);
            int secondId = -1;
            int firstId = -1;
            for (int i = ops.size() - 1; i >= 0; i--) {
                int operand = index.id(ops.get(i));
                secondId = i == 1 ? operand : secondId;
                firstId = i == 0 ? operand : firstId;
                if (!index.visited[operand]) {
                    push(ops.get(i), operand, false);
                }
            }
            index.first[id] = firstId;   // after id(), which may grow the arrays
            index.second[id] = secondId;
        }
    }

    /** How many steps read each slot. */
    private static int[] uses(List<? extends Step> steps, int slotCount) {
        int[] uses = new int[slotCount];
        for (Step s : steps) {
            for (int r : s.reads()) {
                uses[r]++;
            }
        }
        return uses;
    }

    /** For each slot, the positions of the steps that read it, in order (a step reading it twice once). */
    static final class Readers {
        private final int[] start;
        private final int[] positions;
        /** For {@link #any}: per slot, the {@code from} (plus one) of its last call, and where it stopped. */
        private int[] resumeFrom;
        private int[] resumeAt;

        Readers(List<? extends Step> steps, int slotCount) {
            Distinct distinct = new Distinct(slotCount);
            start = new int[slotCount + 1];
            for (Step s : steps) {
                for (int r : distinct.of(s.reads())) {
                    start[r + 1]++;
                }
            }
            for (int i = 0; i < slotCount; i++) {
                start[i + 1] += start[i];
            }
            positions = new int[start[slotCount]];
            int[] next = Arrays.copyOf(start, slotCount);
            for (int i = 0; i < steps.size(); i++) {
                for (int r : distinct.of(steps.get(i).reads())) {
                    positions[next[r]++] = i;
                }
            }
        }

        /** The positions of the steps reading {@code slot} in {@code (from, to)}, that {@code skip} does not exclude. */
        int count(int slot, int from, int to, java.util.function.IntPredicate skip) {
            int lo = Arrays.binarySearch(positions, start[slot], start[slot + 1], from + 1);
            int count = 0;
            for (int k = lo >= 0 ? lo : -lo - 1; k < start[slot + 1] && positions[k] < to; k++) {
                count += skip.test(positions[k]) ? 0 : 1;
            }
            return count;
        }

        /**
         * Whether a step reading {@code slot} lies in {@code (from, to)} and is not {@code taken}. Steps once
         * taken stay taken, so a later call with the same {@code from} resumes where this one stopped: a
         * layer of k neurons over n inputs costs O(k·n), not O(k²·n).
         */
        boolean any(int slot, int from, int to, boolean[] taken) {
            if (resumeFrom == null) {
                resumeFrom = new int[start.length - 1];
                resumeAt = new int[start.length - 1];
            }
            int k;
            if (resumeFrom[slot] == from + 1) {
                k = resumeAt[slot];
            } else {
                int lo = Arrays.binarySearch(positions, start[slot], start[slot + 1], from + 1);
                k = lo >= 0 ? lo : -lo - 1;
                resumeFrom[slot] = from + 1;
            }
            while (k < start[slot + 1] && positions[k] < to && taken[positions[k]]) {
                k++;
            }
            resumeAt[slot] = k;
            return k < start[slot + 1] && positions[k] < to;
        }

        /** The positions of the steps reading {@code slot} after {@code from}. */
        int[] after(int slot, int from) {
            int lo = Arrays.binarySearch(positions, start[slot], start[slot + 1], from + 1);
            return Arrays.copyOfRange(positions, lo >= 0 ? lo : -lo - 1, start[slot + 1]);
        }

    }

    /** Finds the slots an array names twice, with a mark per slot instead of a set. */
    static final class Distinct {
        private final int[] mark;
        private int stamp;

        Distinct(int slotCount) {
            mark = new int[slotCount];
        }

        /** Whether no slot is named twice. */
        boolean has(int[] slots) {
            stamp++;
            for (int s : slots) {
                if (mark[s] == stamp) {
                    return false;
                }
                mark[s] = stamp;
            }
            return true;
        }

        /** The slots, each once, in order of first appearance ({@code slots} itself when none is named twice). */
        int[] of(int[] slots) {
            if (slots.length == 1 || slots.length == 2 && slots[0] != slots[1] || has(slots)) {
                return slots;
            }
            stamp++;
            int[] out = new int[slots.length];
            int n = 0;
            for (int s : slots) {
                if (mark[s] != stamp) {
                    mark[s] = stamp;
                    out[n++] = s;
                }
            }
            return Arrays.copyOf(out, n);
        }
    }

    /**
     * Replaces each chain {@code ((t₀ + t₁) + …) + tₙ} of additions, each link read only by the next, by
     * one dot step, when every term is a multiplication read only by the chain except at most one, the
     * bias: the last term (grad's {@code Neuron}) or one of the first two ({@code b + w₀·x₀ + …}, as
     * micrograd's {@code Neuron} and Python's {@code sum} add; {@code w₀·x₀ + b + …} gives the same bits).
     * A chain whose steps are interleaved with a step reading a slot it also reads is left alone, since the
     * fused step would send gradients to that slot in another order.
     */
    static List<Step> fuseDots(List<Step> traced, int slotCount) {
        int[] uses = uses(traced, slotCount);
        List<Step> steps = foldBiases(traced, uses);
        Step.Scalar[] producer = new Step.Scalar[slotCount];
        int[] position = new int[slotCount];
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Step.Scalar scalar) {
                producer[scalar.out()] = scalar;
            }
            for (int w : steps.get(i).writes()) {
                position[w] = i;
            }
        }
        Readers readers = new Readers(steps, slotCount);
        boolean[] absorbed = new boolean[slotCount];
        Step.Dot[] dots = new Step.Dot[slotCount];
        int[] own = new int[slotCount];   // the chain (numbered from 1) whose steps write a slot
        Distinct distinct = new Distinct(slotCount);
        for (int i = steps.size() - 1; i >= 0; i--) {   // from the last step, so a chain is met at its root
            if (steps.get(i) instanceof Step.Scalar root && root.op() == Op.ADD && !absorbed[root.out()]) {
                Chain chain = chainOf(root, producer, uses, absorbed);
                if (chain != null && !interleaved(chain, steps, position, readers, own, i + 1, distinct)) {
                    dots[root.out()] = chain.dot;
                    for (int slot : chain.fused) {
                        absorbed[slot] = true;
                    }
                }
            }
        }
        List<Step> fused = new ArrayList<>(steps.size());
        for (Step s : steps) {
            int out = s.writes()[0];
            if (dots[out] != null) {
                fused.add(dots[out]);
            } else if (!absorbed[out]) {
                fused.add(s);
            }
        }
        return fused;
    }

    /**
     * The steps with each {@link Value#dot} that is read only by an addition right after it ({@code x·Wᵀ + b}:
     * the trace puts a dot and its bias's addition side by side) merged with it into one dot step with
     * the bias added last: {@code s + b} and {@code b + s} are the same number, and {@code Value.backward()}
     * sends the addition's gradient to the bias and then, at the dot, to its products, as the step does.
     * Keeps {@code uses} (how many steps read each slot) right for the steps returned.
     */
    static List<Step> foldBiases(List<Step> steps, int[] uses) {
        List<Step> out = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (i + 1 < steps.size() && step instanceof Step.Dot dot && dot.bias() < 0 && uses[dot.out()] == 1
                    && steps.get(i + 1) instanceof Step.Scalar add && add.op() == Op.ADD && add.a() != add.b()
                    && (add.a() == dot.out() || add.b() == dot.out())) {
                out.add(new Step.Dot(add.out(), dot.a(), dot.b(), add.a() == dot.out() ? add.b() : add.a(), false));
                uses[dot.out()] = 0;   // its one reader, the addition, is gone; every other read stays
                i++;
            } else {
                out.add(step);
            }
        }
        return out;
    }

    /** A chain of additions found by {@link #chainOf}: its dot step and the slots of the steps it replaces. */
    private record Chain(Step.Dot dot, int[] fused) {
    }

    /** The dot step that could replace the chain of additions ending at {@code root}, or null. */
    private static Chain chainOf(Step.Scalar root, Step.Scalar[] producer, int[] uses, boolean[] absorbed) {
        List<Step.Scalar> links = new ArrayList<>();   // the additions, root first
        Step.Scalar link = root;
        for (Step.Scalar left = root; left != null && left.op() == Op.ADD && !absorbed[left.out()]
                && (left == root || uses[left.out()] == 1); left = producer[left.a()]) {
            if (left != root && !fusableProduct(producer, uses, absorbed, left.b()) && continues(left, producer, uses, absorbed)) {
                return null;   // a bias neither first, second nor last
            }
            links.add(left);
            link = left;
        }
        int[] terms = new int[links.size() + 1];   // bottom first
        terms[0] = link.a();
        for (int k = links.size() - 1, t = 1; k >= 0; k--) {
            terms[t++] = links.get(k).b();
        }
        int bias = biasPosition(terms, producer, uses, absorbed);
        if (bias == -2 || terms.length - (bias >= 0 ? 1 : 0) == 0) {
            return null;
        }
        int n = terms.length - (bias >= 0 ? 1 : 0);
        int[] fused = new int[n + links.size()];
        int[] a = new int[n];
        int[] b = new int[n];
        int k = 0;
        for (int t = 0; t < terms.length; t++) {
            if (t != bias) {
                Step.Scalar mul = producer[terms[t]];
                a[k] = mul.a();
                b[k] = mul.b();
                fused[k++] = mul.out();
            }
        }
        for (Step.Scalar l : links) {
            fused[k++] = l.out();
        }
        boolean first = bias >= 0 && bias < terms.length - 1;
        return new Chain(new Step.Dot(root.out(), a, b, bias >= 0 ? terms[bias] : -1, first), fused);
    }

    /** Whether the chain goes on below {@code link}: its first operand is an addition read only by it. */
    private static boolean continues(Step.Scalar link, Step.Scalar[] producer, int[] uses, boolean[] absorbed) {
        Step.Scalar below = producer[link.a()];
        return below != null && below.op() == Op.ADD && !absorbed[below.out()] && uses[below.out()] == 1;
    }

    /**
     * Which term of a chain is its bias: -1 for none (every term a fusable product), the last, the first or
     * the second term (the others being fusable products), or -2 when the chain is no dot.
     */
    private static int biasPosition(int[] terms, Step.Scalar[] producer, int[] uses, boolean[] absorbed) {
        int bias = -1;
        for (int t = 0; t < terms.length; t++) {
            if (!fusableProduct(producer, uses, absorbed, terms[t])) {
                if (bias != -1) {
                    return -2;
                }
                bias = t;
            }
        }
        return bias <= 1 || bias == terms.length - 1 ? bias : -2;
    }

    /**
     * Whether a step outside the chain lies between the chain's first step and its root and reads a slot
     * the chain reads: {@code Value.backward()} would then add that step's gradient to the slot between
     * the chain's contributions, and the fused step, which adds them all at once, would not.
     */
    private static boolean interleaved(Chain chain, List<Step> steps, int[] position, Readers readers, int[] own,
                                       int id, Distinct distinct) {
        int root = position[chain.dot.out()];
        int from = root;
        for (int slot : chain.fused) {
            from = Math.min(from, position[slot]);
            own[slot] = id;
        }
        for (int r : distinct.of(chain.dot.reads())) {
            if (readers.count(r, from, root, i -> own[steps.get(i).writes()[0]] == id) > 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean fusableProduct(Step.Scalar[] producer, int[] uses, boolean[] absorbed, int slot) {
        Step.Scalar p = producer[slot];
        return p != null && p.op() == Op.MUL && uses[slot] == 1 && !absorbed[slot];
    }

    /**
     * Groups dot steps over the same inputs, each with the same activation (or none) and its bias in the
     * same place (or none), into {@link DenseLayer}s, placed where the first of them was. Each product may
     * name the weight and the input in either order ({@code w·x} or {@code x·w}); the inputs are the slots
     * the dots share, product by product. A later dot joins the group only if no step in between shares a
     * slot it reads, so neither any value nor any order of gradient contributions changes.
     *
     * @param parameters the number of parameter slots (slots below it): for a layer of one dot, the input
     *                   of each product is its operand that is not a parameter
     */
    static List<Step> fuseLayers(List<Step> steps, int slotCount, int parameters) {
        int[] uses = uses(steps, slotCount);
        Readers readers = new Readers(steps, slotCount);
        int[] producer = new int[slotCount];
        Arrays.fill(producer, -1);
        for (int i = 0; i < steps.size(); i++) {
            for (int w : steps.get(i).writes()) {
                producer[w] = i;
            }
        }
        List<Step> out = new ArrayList<>();
        boolean[] taken = new boolean[steps.size()];
        int[] group = new int[steps.size()];   // the position of the first dot of the layer that took it, plus one
        Layerable layerable = new Layerable(steps, slotCount);
        for (int i = 0; i < steps.size(); i++) {
            if (!taken[i]) {
                DenseLayer layer = steps.get(i) instanceof Step.Dot && layerable.test(i)
                        ? layerFrom(steps, i, uses, taken, parameters, readers, producer, group, layerable) : null;
                out.add(layer == null || lone(layer) ? steps.get(i) : layer);
            }
        }
        return out;
    }

    /**
     * Whether a layer is one dot that stays a dot step: without an activation, and without a bias or
     * with one product ({@code a + b·c}); a loss's {@code Σ t·o} is no layer, a one-output head is.
     */
    private static boolean lone(DenseLayer layer) {
        return layer.k == 1 && layer.activation == null && (layer.biasMode == DenseLayer.NO_BIAS || layer.n == 1);
    }

    /**
     * The layer of dot step {@code i} and of the later dots that can join it, all marked taken. A later
     * dot reads its first product's input, so the candidates are the readers of the first dot's first
     * two operands.
     */
    private static DenseLayer layerFrom(List<Step> steps, int i, int[] uses, boolean[] taken, int parameters,
                                        Readers readers, int[] producer, int[] group, Layerable layerable) {
        Step.Dot first = (Step.Dot) steps.get(i);
        Op activation = activationOf(steps, i, uses);
        List<Step.Dot> dots = new ArrayList<>(List.of(first));
        List<Step.Scalar> acts = new ArrayList<>();
        int[] inputs = null;   // known once a second dot joins
        take(steps, i, activation, taken, acts, group, i);
        for (int j : merged(readers.after(first.a()[0], i), readers.after(first.b()[0], i))) {
            if (!taken[j] && steps.get(j) instanceof Step.Dot s && sameShape(first, s)
                    && activationOf(steps, j, uses) == activation && sharesInputs(inputs == null ? first : null, inputs, s)
                    && layerable.test(j) && !crossed(s, i, j, taken, readers, producer, group)) {
                inputs = sharedInputs(inputs == null ? first : null, inputs, s);
                dots.add(s);
                take(steps, j, activation, taken, acts, group, i);
            }
        }
        return DenseLayer.of(dots, acts, activation, inputs != null ? inputs : guessInputs(first, parameters));
    }

    /** The union of two sorted arrays of positions, sorted, each once. */
    private static int[] merged(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0, j = 0, n = 0;
        while (i < a.length || j < b.length) {
            int next = j == b.length || i < a.length && a[i] <= b[j] ? a[i++] : b[j++];
            if (n == 0 || out[n - 1] != next) {
                out[n++] = next;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Whether a step between positions {@code i} and {@code j} that stays there (not taken into a layer)
     * reads or writes a slot that dot {@code s}, at {@code j}, reads, or the layer itself writes one:
     * then {@code s} cannot move up to {@code i} without changing a value or the order of the gradients
     * a slot receives.
     */
    private static boolean crossed(Step.Dot s, int i, int j, boolean[] taken, Readers readers, int[] producer,
                                   int[] group) {
        int n = s.a().length;
        for (int k = 0; k < 2 * n + 1; k++) {   // the cheap test first
            int r = k < n ? s.a()[k] : k < 2 * n ? s.b()[k - n] : s.bias();
            int p = r < 0 ? -1 : producer[r];
            if (p >= i && p < j && (!taken[p] || group[p] == i + 1 || p == i + 1)) {
                return true;
            }
        }
        for (int k = 0; k < 2 * n + 1; k++) {
            int r = k < n ? s.a()[k] : k < 2 * n ? s.b()[k - n] : s.bias();
            if (r >= 0 && readers.any(r, i, j, taken)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the step at a position can be part of a dense layer: a dot that reads no slot twice (a layer
     * sends gradients to its weights and inputs in its own order, which only matters for a slot used
     * twice); worked out once per step.
     */
    private static final class Layerable {
        private final List<Step> steps;
        private final Distinct distinct;
        private final byte[] known;   // 0 not yet, 1 yes, 2 no

        Layerable(List<Step> steps, int slotCount) {
            this.steps = steps;
            this.distinct = new Distinct(slotCount);
            this.known = new byte[steps.size()];
        }

        boolean test(int position) {
            if (known[position] == 0) {
                known[position] = (byte) (distinct.has(steps.get(position).reads()) ? 1 : 2);
            }
            return known[position] == 1;
        }
    }

    /** Marks step {@code j} (and its activation) taken by the layer of the dot at {@code first}. */
    private static void take(List<Step> steps, int j, Op activation, boolean[] taken, List<Step.Scalar> acts,
                             int[] group, int first) {
        taken[j] = true;
        group[j] = first + 1;
        if (activation != null) {
            acts.add((Step.Scalar) steps.get(j + 1));
            taken[j + 1] = true;
            group[j + 1] = first + 1;
        }
    }

    /** Whether two dots have as many products and their bias in the same place (or none). */
    private static boolean sameShape(Step.Dot a, Step.Dot b) {
        return a.a().length == b.a().length && (a.bias() >= 0) == (b.bias() >= 0) && a.biasFirst() == b.biasFirst();
    }

    /**
     * The inputs dot {@code s} shares with {@code first} (product i's input being the operand both read),
     * or, when the inputs are known, those if {@code s} reads them all; null when it does not.
     */
    private static int[] sharedInputs(Step.Dot first, int[] known, Step.Dot s) {
        int n = s.a().length;
        int[] x = new int[n];
        for (int i = 0; i < n; i++) {
            if (known != null) {
                x[i] = known[i];
            } else if (first.b()[i] == s.a()[i] || first.b()[i] == s.b()[i]) {
                x[i] = first.b()[i];
            } else {
                x[i] = first.a()[i];
            }
            if (x[i] != s.a()[i] && x[i] != s.b()[i]) {
                return null;
            }
        }
        return x;
    }

    /** Whether {@link #sharedInputs} would find the inputs, without making them. */
    private static boolean sharesInputs(Step.Dot first, int[] known, Step.Dot s) {
        for (int i = 0; i < s.a().length; i++) {
            int x = known != null ? known[i]
                    : first.b()[i] == s.a()[i] || first.b()[i] == s.b()[i] ? first.b()[i] : first.a()[i];
            if (x != s.a()[i] && x != s.b()[i]) {
                return false;
            }
        }
        return true;
    }

    /** The inputs of a one-dot layer: of each product, the operand that is not a parameter (else the second). */
    static int[] guessInputs(Step.Dot dot, int parameters) {
        int[] x = new int[dot.a().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = dot.b()[i] < parameters && dot.a()[i] >= parameters ? dot.a()[i] : dot.b()[i];
        }
        return x;
    }


    /** The activation applied to dot step {@code i} by the very next step, if that is its only reader. */
    private static Op activationOf(List<Step> steps, int i, int[] uses) {
        int out = steps.get(i).writes()[0];
        if (i + 1 >= steps.size() || uses[out] != 1 || !(steps.get(i + 1) instanceof Step.Scalar next)) {
            return null;
        }
        boolean act = next.op() == Op.RELU || next.op() == Op.TANH || next.op() == Op.SIGMOID;
        return act && next.a() == out ? next.op() : null;
    }
}
