package grad.graphviz;

import grad.engine.Graph;
import grad.engine.NeuronChains;
import grad.engine.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shrinks a network's graph so that a drawing stays readable, in three steps, each only when the graph is
 * still larger than the cap:
 *
 * <ol>
 * <li><b>fold neurons</b>: each chain of multiplications and additions that the engine's compiler fuses
 * into one dot step (a neuron's {@code w₀·x₀ + w₁·x₁ + … + b}, the bias last, first, second or absent; found by the
 * compiler's own pass, {@link NeuronChains}) becomes one {@code Σwx+b} ({@link Op#DOT}) node. It takes,
 * per product, its two operands ({@code w₀, x₀, w₁, x₁, …}), then the bias, and shows the data and
 * gradient of the chain's last addition;</li>
 * <li><b>fold parameters</b>: the weight and bias leaves of each {@code Σwx+b} node (leaves labelled
 * {@code w[…]} or {@code b[…]} whose every use is a {@code Σwx+b} node) are folded into it, and its
 * label sums them up: {@code neuron[1][7]: 64 weights + bias, |w| mean 0.12, max |grad| 0.03};</li>
 * <li><b>keep the output side</b>: the last nodes in topological order, with their direct operands,
 * as many as fit; edges from nodes left out are dropped.</li>
 * </ol>
 *
 * <p>The graph given is never changed; {@link Reduction#notes()} says which steps were applied.
 */
public final class GraphReducer {
    /** The node cap the CLI uses when none is given. */
    public static final int DEFAULT_MAX_NODES = 500;

    private GraphReducer() {
    }

    /**
     * A graph after reduction.
     *
     * @param graph the reduced graph ({@code graph} itself when it was small enough)
     * @param notes one short sentence per step applied, in order; empty when nothing was reduced
     */
    public record Reduction(Graph graph, List<String> notes) {

        public Reduction {
            notes = List.copyOf(notes);
        }

        /** Whether any step was applied. */
        public boolean reduced() {
            return !notes.isEmpty();
        }

        /** {@code title}, followed on a second line by the notes when the graph was reduced. */
        public String title(String title) {
            return reduced() ? title + "\n" + String.join("; ", notes) : title;
        }
    }

    /**
     * Reduces {@code graph} to at most {@code maxNodes} nodes.
     *
     * @throws IllegalArgumentException if {@code maxNodes < 1}
     */
    public static Reduction reduce(Graph graph, int maxNodes) {
        if (maxNodes < 1) {
            throw new IllegalArgumentException("maxNodes must be at least 1, not " + maxNodes);
        }
        List<String> notes = new ArrayList<>();
        Graph current = graph;
        if (current.nodes().size() > maxNodes) {
            Graph folded = foldNeurons(current);
            if (folded.nodes().size() < current.nodes().size()) {
                notes.add("each neuron's multiplications and additions folded into one Σwx+b node ("
                        + Numbers.count(current.nodes().size()) + " to " + Numbers.count(folded.nodes().size())
                        + " nodes)");
                current = folded;
            }
        }
        if (current.nodes().size() > maxNodes) {
            Graph folded = foldParameters(current);
            if (folded.nodes().size() < current.nodes().size()) {
                notes.add("weights and biases folded into their neurons (" + Numbers.count(current.nodes().size())
                        + " to " + Numbers.count(folded.nodes().size()) + " nodes)");
                current = folded;
            }
        }
        if (current.nodes().size() > maxNodes) {
            Graph tail = outputSide(current, maxNodes);
            notes.add("only the output side: the last " + Numbers.count(tail.nodes().size()) + " of "
                    + Numbers.count(current.nodes().size()) + " nodes");
            current = tail;
        }
        return new Reduction(current, notes);
    }

    /**
     * Replaces each chain of multiplications and additions that the compiler fuses into a dot step
     * ({@link NeuronChains}) by one {@code Σwx+b} node; see the class documentation.
     */
    static Graph foldNeurons(Graph graph) {
        List<Graph.Node> nodes = graph.nodes();
        boolean[] absorbed = new boolean[nodes.size()];
        int[][] dotOperands = new int[nodes.size()][];   // for each chain root, the operands of its Σwx+b node
        for (NeuronChains.Chain chain : NeuronChains.of(graph)) {
            for (int id : chain.fused()) {
                absorbed[id] = true;
            }
            dotOperands[chain.root()] = chain.operands();
        }
        return withDots(nodes, absorbed, dotOperands);
    }

    /** The graph without the absorbed nodes, each chain root replaced by its {@code Σwx+b} node. */
    private static Graph withDots(List<Graph.Node> nodes, boolean[] absorbed, int[][] dotOperands) {
        int[] newId = new int[nodes.size()];
        List<Graph.Node> kept = new ArrayList<>(nodes.size());
        for (Graph.Node node : nodes) {
            int id = node.id();
            if (absorbed[id] && dotOperands[id] == null) {
                newId[id] = -1;
                continue;
            }
            Op op = dotOperands[id] == null ? node.op() : Op.DOT;
            int[] operands = (dotOperands[id] == null ? node.operands() : dotOperands[id]).clone();
            for (int k = 0; k < operands.length; k++) {
                operands[k] = newId[operands[k]];
            }
            newId[id] = kept.size();
            kept.add(new Graph.Node(kept.size(), op, node.label(), node.data(), node.grad(), operands));
        }
        return new Graph(kept);
    }

    /** Folds parameter leaves into the {@code Σwx+b} nodes that use them. */
    static Graph foldParameters(Graph graph) {
        List<Graph.Node> nodes = graph.nodes();
        boolean[] foldable = foldableParameters(nodes);
        int[] newId = new int[nodes.size()];
        List<Graph.Node> kept = new ArrayList<>(nodes.size());
        for (Graph.Node node : nodes) {
            if (foldable[node.id()]) {
                newId[node.id()] = -1;
                continue;
            }
            List<Integer> operands = new ArrayList<>(node.operands().length);
            List<Graph.Node> folded = new ArrayList<>();
            for (int operand : node.operands()) {
                if (foldable[operand]) {
                    folded.add(nodes.get(operand));
                } else {
                    operands.add(newId[operand]);
                }
            }
            String label = folded.isEmpty() ? node.label() : neuronLabel(node.label(), folded);
            newId[node.id()] = kept.size();
            kept.add(new Graph.Node(kept.size(), node.op(), label, node.data(), node.grad(),
                    operands.stream().mapToInt(Integer::intValue).toArray()));
        }
        return new Graph(kept);
    }

    /** Which nodes are parameter leaves used, and used only by {@code Σwx+b} nodes. */
    private static boolean[] foldableParameters(List<Graph.Node> nodes) {
        int n = nodes.size();
        boolean[] foldable = new boolean[n];
        for (Graph.Node node : nodes) {
            foldable[node.id()] = node.op() == Op.LEAF && isParameter(node.label());
        }
        boolean[] used = new boolean[n];
        for (Graph.Node node : nodes) {
            for (int operand : node.operands()) {
                used[operand] = true;
                if (node.op() != Op.DOT) {
                    foldable[operand] = false;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            foldable[i] &= used[i];
        }
        return foldable;
    }

    /** Keeps the last nodes and their direct operands, at most {@code maxNodes} of them. */
    static Graph outputSide(Graph graph, int maxNodes) {
        List<Graph.Node> nodes = graph.nodes();
        boolean[] keep = new boolean[nodes.size()];
        int count = 0;
        scan:
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (!keep[i]) {
                if (count == maxNodes) {
                    break;
                }
                keep[i] = true;
                count++;
            }
            for (int operand : nodes.get(i).operands()) {
                if (!keep[operand]) {
                    if (count == maxNodes) {
                        break scan;
                    }
                    keep[operand] = true;
                    count++;
                }
            }
        }
        int[] newId = new int[nodes.size()];
        List<Graph.Node> kept = new ArrayList<>(count);
        for (Graph.Node node : nodes) {
            if (!keep[node.id()]) {
                continue;
            }
            int[] operands = Arrays.stream(node.operands()).filter(o -> keep[o]).map(o -> newId[o]).toArray();
            newId[node.id()] = kept.size();
            kept.add(new Graph.Node(kept.size(), node.op(), node.label(), node.data(), node.grad(),
                    operands));
        }
        return new Graph(kept);
    }

    static boolean isParameter(String label) {
        return label != null && (label.startsWith("w[") || label.startsWith("b["));
    }

    /** {@code neuron[1][7]: 64 weights + bias, |w| mean 0.12, max |grad| 0.03}. */
    static String neuronLabel(String ownLabel, List<Graph.Node> parameters) {
        int weights = 0;
        boolean bias = false;
        double sumAbsW = 0;
        double maxAbsGrad = 0;
        String name = null;
        for (Graph.Node p : parameters) {
            if (p.label().startsWith("b[")) {
                bias = true;
                name = "neuron" + p.label().substring(1);
            } else {
                weights++;
                sumAbsW += Math.abs(p.data());
                if (name == null) {
                    name = "neuron" + dropLastIndex(p.label().substring(1));
                }
            }
            double g = Math.abs(p.grad());
            maxAbsGrad = Double.isNaN(g) || Double.isNaN(maxAbsGrad) ? Double.NaN : Math.max(maxAbsGrad, g);
        }
        if (ownLabel != null && !ownLabel.isEmpty()) {
            name = ownLabel;
        }
        StringBuilder label = new StringBuilder(name).append(": ");
        label.append(weights).append(weights == 1 ? " weight" : " weights");
        if (bias) {
            label.append(" + bias");
        }
        if (weights > 0) {
            label.append(", |w| mean ").append(Numbers.compact(sumAbsW / weights));
        }
        return label.append(", max |grad| ").append(Numbers.compact(maxAbsGrad)).toString();
    }

    /** {@code [1][7][0]} → {@code [1][7]}. */
    private static String dropLastIndex(String indices) {
        int open = indices.lastIndexOf('[');
        return open > 0 ? indices.substring(0, open) : indices;
    }
}
