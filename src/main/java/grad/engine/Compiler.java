package grad.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one sample's {@link Value} graph into a {@link Program}: the same arithmetic, laid out once as
 * flat steps over numbered slots, so that it can be replayed for every sample without building a graph
 * (the idea of tinygrad and {@code jax.jit}, for scalars). Three passes:
 *
 * <ol>
 * <li><b>trace</b>: the graph in topological order, each node a step writing one slot. The parameters,
 * inputs and targets named by the caller become slots that a {@link Replay} fills before each run; every
 * other leaf is a constant. Only what the roots depend on is traced.</li>
 * <li><b>fuse dots</b>: a chain {@code w₀·x₀ + w₁·x₁ + … + b} of multiplications and additions, each used
 * only by the next, becomes one {@link Op#DOT} step that adds the same products in the same order.</li>
 * <li><b>fuse layers</b>: dots over the same inputs, each followed by the same activation, become one
 * dense-layer step whose loops the JIT compiles as it would a hand-written layer.</li>
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
     * Compiles the graph of {@code roots}.
     *
     * @param roots      what the program computes, readable after a run with {@link Replay#output}; the
     *                   backward pass differentiates the first
     * @param parameters leaves whose values are loaded with {@link Replay#setParameters}, and whose
     *                   gradients the backward pass computes
     * @param inputs     leaves loaded with {@link Replay#setInputs}
     * @param targets    leaves loaded with {@link Replay#setTargets}
     */
    public static Program compile(List<Value> roots, List<Value> parameters, List<Value> inputs, List<Value> targets) {
        Trace trace = Trace.of(roots, parameters, inputs, targets);
        List<Object> steps = fuseLayers(fuseDots(trace.steps, trace.slotCount), trace.slotCount);
        return new Program(renumber(steps, trace), trace);
    }

    /**
     * Gives the computed values new slots in the order the steps write them, each layer's outputs side by
     * side, so that a layer's inputs are consecutive slots (as a hand-written network's arrays are); the
     * leaves keep theirs. Updates {@code trace}'s roots and slot count.
     */
    static List<Object> renumber(List<Object> steps, Trace trace) {
        int leaves = trace.parameterCount + trace.inputCount + trace.targetCount + trace.constants.length;
        int[] map = new int[trace.slotCount];
        for (int i = 0; i < leaves; i++) {
            map[i] = i;
        }
        int next = leaves;
        for (Object step : steps) {
            if (step instanceof DenseLayer layer) {
                for (int slot : layer.z) {
                    map[slot] = next++;
                }
                if (layer.activation != null) {
                    for (int slot : layer.y) {
                        map[slot] = next++;
                    }
                }
            } else {
                map[((Step) step).out()] = next++;
            }
        }
        List<Object> out = new ArrayList<>(steps.size());
        for (Object step : steps) {
            out.add(step instanceof DenseLayer layer ? layer.renumbered(map) : ((Step) step).renumbered(map));
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

    /** One step: slot {@code out} ← {@code op} of slots {@code a[0]} and {@code b[0]}, or for a dot Σ a[i]·b[i] (+ bias). */
    record Step(Op op, int out, int[] a, int[] b, int bias) {
        static Step scalar(Op op, int out, int a, int b) {
            return new Step(op, out, new int[] {a}, new int[] {b}, -1);
        }

        /** A dot step's value: {@code Σ a[i]·b[i]}, then {@code + bias}, in that order. */
        double dot(double[] data) {
            double s = data[a[0]] * data[b[0]];
            for (int i = 1; i < a.length; i++) {
                s += data[a[i]] * data[b[i]];
            }
            return bias >= 0 ? s + data[bias] : s;
        }

        /**
         * A dot step's backward pass, in {@link Value#backward()}'s order: the bias (the last addition),
         * then each product from the last to the first, its first operand then its second.
         */
        void dotBackward(double[] data, double[] grad, boolean[] needs) {
            double g = grad[out];
            if (bias >= 0 && needs[bias]) {
                grad[bias] += g;
            }
            for (int i = a.length - 1; i >= 0; i--) {
                if (needs[a[i]]) {
                    grad[a[i]] += g * data[b[i]];
                }
                if (needs[b[i]]) {
                    grad[b[i]] += g * data[a[i]];
                }
            }
        }

        Step renumbered(int[] map) {
            return new Step(op, map[out], renumber(a, map), renumber(b, map), bias >= 0 ? map[bias] : -1);
        }

        /** The slots this step reads. */
        int[] reads() {
            if (op != Op.DOT) {
                return op.binary() ? new int[] {a[0], b[0]} : new int[] {a[0]};
            }
            int[] r = Arrays.copyOf(a, a.length + b.length + (bias >= 0 ? 1 : 0));
            System.arraycopy(b, 0, r, a.length, b.length);
            if (bias >= 0) {
                r[r.length - 1] = bias;
            }
            return r;
        }
    }

    /** The graph laid out as steps: slots for parameters, inputs, targets, constants, then one per node. */
    static final class Trace {
        final int parameterCount;
        final int inputCount;
        final int targetCount;
        final double[] constants;
        final List<Step> steps = new ArrayList<>();
        final int[] roots;
        int slotCount;

        private Trace(int parameters, int inputs, int targets, double[] constants, int[] roots) {
            this.parameterCount = parameters;
            this.inputCount = inputs;
            this.targetCount = targets;
            this.constants = constants;
            this.roots = roots;
        }

        static Trace of(List<Value> roots, List<Value> parameters, List<Value> inputs, List<Value> targets) {
            Map<Value, Integer> slot = new IdentityHashMap<>();
            for (List<Value> named : List.of(parameters, inputs, targets)) {
                for (Value v : named) {
                    if (v.op() != Op.LEAF || slot.putIfAbsent(v, slot.size()) != null) {
                        throw new IllegalArgumentException("parameters, inputs and targets must be distinct leaves");
                    }
                }
            }
            List<Value> order = Value.topologicalOrder(roots);
            List<Double> constants = new ArrayList<>();
            for (Value v : order) {
                if (v.op() == Op.LEAF && !slot.containsKey(v)) {
                    slot.put(v, slot.size());
                    constants.add(v.data());
                }
            }
            int[] rootSlots = new int[roots.size()];
            Trace t = new Trace(parameters.size(), inputs.size(), targets.size(),
                    constants.stream().mapToDouble(Double::doubleValue).toArray(), rootSlots);
            t.slotCount = slot.size();
            for (Value v : order) {
                if (v.op() != Op.LEAF) {
                    List<Value> ops = v.operands();
                    int a = slot.get(ops.get(0));
                    int b = ops.size() > 1 ? slot.get(ops.get(1)) : a;
                    slot.put(v, t.slotCount);
                    t.steps.add(Step.scalar(v.op(), t.slotCount++, a, b));
                }
            }
            for (int i = 0; i < rootSlots.length; i++) {
                rootSlots[i] = slot.get(roots.get(i));
            }
            return t;
        }
    }

    /** How many steps read each slot. */
    private static int[] uses(List<Step> steps, int slotCount) {
        int[] uses = new int[slotCount];
        for (Step s : steps) {
            for (int r : s.reads()) {
                uses[r]++;
            }
        }
        return uses;
    }

    /**
     * Replaces each chain {@code ((m₀ + m₁) + …) + last} by one dot step, where the {@code mᵢ} are
     * multiplications and each link is read only by the next; {@code last} is a product or the bias.
     */
    static List<Step> fuseDots(List<Step> steps, int slotCount) {
        int[] uses = uses(steps, slotCount);
        Step[] producer = new Step[slotCount];
        for (Step s : steps) {
            producer[s.out()] = s;
        }
        boolean[] absorbed = new boolean[slotCount];
        Map<Integer, Step> dots = new HashMap<>();
        for (int i = steps.size() - 1; i >= 0; i--) {   // from the last step, so a chain is met at its root
            Step root = steps.get(i);
            if (root.op() == Op.ADD && !absorbed[root.out()]) {
                Step dot = dotOf(root, producer, uses, absorbed);
                if (dot != null) {
                    dots.put(root.out(), dot);
                }
            }
        }
        List<Step> fused = new ArrayList<>(steps.size());
        for (Step s : steps) {
            if (dots.containsKey(s.out())) {
                fused.add(dots.get(s.out()));
            } else if (!absorbed[s.out()]) {
                fused.add(s);
            }
        }
        return fused;
    }

    /** The dot step that replaces the chain of additions ending at {@code root} (marking its steps absorbed), or null. */
    private static Step dotOf(Step root, Step[] producer, int[] uses, boolean[] absorbed) {
        List<Step> links = new ArrayList<>();   // the additions, root first
        Step link = root;
        for (Step left = root; left != null && left.op() == Op.ADD && !absorbed[left.out()]
                && (left == root || uses[left.out()] == 1); left = producer[left.a()[0]]) {
            links.add(left);
            link = left;
        }
        List<Integer> terms = new ArrayList<>();   // bottom first
        terms.add(link.a()[0]);
        for (int k = links.size() - 1; k >= 0; k--) {
            terms.add(links.get(k).b()[0]);
        }
        int products = fusableProduct(producer, uses, absorbed, terms.get(terms.size() - 1))
                ? terms.size() : terms.size() - 1;   // else the last term is the bias
        for (int k = 0; k < products; k++) {
            if (!fusableProduct(producer, uses, absorbed, terms.get(k))) {
                return null;
            }
        }
        if (products == 0) {
            return null;
        }
        int[] a = new int[products];
        int[] b = new int[products];
        for (int k = 0; k < products; k++) {
            Step mul = producer[terms.get(k)];
            a[k] = mul.a()[0];
            b[k] = mul.b()[0];
            absorbed[mul.out()] = true;
        }
        for (Step l : links) {
            absorbed[l.out()] = true;
        }
        return new Step(Op.DOT, root.out(), a, b, products < terms.size() ? terms.get(products) : -1);
    }

    private static boolean fusableProduct(Step[] producer, int[] uses, boolean[] absorbed, int slot) {
        Step p = producer[slot];
        return p != null && p.op() == Op.MUL && uses[slot] == 1 && !absorbed[slot];
    }

    /**
     * Groups dot steps over the same inputs, each with its bias and the same activation (or none), into
     * {@link DenseLayer}s, placed where the first of them was. A later dot joins the group only if no step
     * in between shares a slot it reads, so neither any value nor any order of gradient contributions
     * changes.
     */
    static List<Object> fuseLayers(List<Step> steps, int slotCount) {
        int[] uses = uses(steps, slotCount);
        List<Object> out = new ArrayList<>();
        boolean[] taken = new boolean[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            if (!taken[i]) {
                out.add(layerable(steps.get(i)) ? layerFrom(steps, i, uses, taken) : steps.get(i));
            }
        }
        return out;
    }

    /** The layer of dot step {@code i} and of the later dots that can join it, all marked taken. */
    private static DenseLayer layerFrom(List<Step> steps, int i, int[] uses, boolean[] taken) {
        Step first = steps.get(i);
        Op activation = activationOf(steps, i, uses);
        List<Step> dots = new ArrayList<>();
        List<Step> acts = new ArrayList<>();
        Set<Integer> between = new HashSet<>();   // slots read or written by skipped steps
        for (int j = i; j < steps.size(); j++) {
            Step s = steps.get(j);
            if (taken[j]) {
                continue;
            }
            if (layerable(s) && Arrays.equals(s.b(), first.b()) && activationOf(steps, j, uses) == activation
                    && disjoint(s, between)) {
                dots.add(s);
                taken[j] = true;
                if (activation != null) {
                    acts.add(steps.get(j + 1));
                    taken[j + 1] = true;
                }
            } else {
                for (int r : s.reads()) {
                    between.add(r);
                }
                between.add(s.out());
            }
        }
        return DenseLayer.of(dots, acts, activation);
    }

    /**
     * Whether a step can be part of a dense layer: a dot with a bias that reads no slot twice (a layer
     * sends gradients to its weights and inputs in its own order, which only matters for a slot used twice).
     */
    private static boolean layerable(Step s) {
        if (s.op() != Op.DOT || s.bias() < 0) {
            return false;
        }
        int[] reads = s.reads().clone();
        Arrays.sort(reads);
        for (int i = 1; i < reads.length; i++) {
            if (reads[i] == reads[i - 1]) {
                return false;
            }
        }
        return true;
    }

    private static boolean disjoint(Step s, Set<Integer> slots) {
        for (int r : s.reads()) {
            if (slots.contains(r)) {
                return false;
            }
        }
        return !slots.contains(s.out());
    }

    /** The activation applied to dot step {@code i} by the very next step, if that is its only reader. */
    private static Op activationOf(List<Step> steps, int i, int[] uses) {
        if (i + 1 >= steps.size() || uses[steps.get(i).out()] != 1) {
            return null;
        }
        Step next = steps.get(i + 1);
        boolean act = next.op() == Op.RELU || next.op() == Op.TANH || next.op() == Op.SIGMOID;
        return act && next.a()[0] == steps.get(i).out() ? next.op() : null;
    }
}
