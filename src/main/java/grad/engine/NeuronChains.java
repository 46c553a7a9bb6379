package grad.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The chains of multiplications and additions ({@code w₀·x₀ + w₁·x₁ + … + b}, a neuron's sum) that the
 * {@link Compiler} fuses into one dot step, found in a {@link Graph} by the compiler's own fusion pass,
 * so that a drawing folds exactly what a compiled program fuses.
 */
public final class NeuronChains {
    /** A node that the fused program keeps as its own step. */
    private static final int KEPT = -2;

    private NeuronChains() {
    }

    /**
     * One chain that the compiler fuses into a dot step; every number is a node's id in the graph.
     *
     * @param root      the chain's last addition, whose value the dot computes
     * @param factors   per product, its two operands in order: {@code a₀, b₀, a₁, b₁, …}
     * @param bias      the term that is no product, or -1 for none
     * @param biasFirst whether the bias is added before the second product ({@code b + a₀·b₀ + …}), not last
     * @param fused     the chain's multiplications and additions, the root included, in the graph's order
     */
    public record Chain(int root, int[] factors, int bias, boolean biasFirst, int[] fused) {

        /** The products' operands, then the bias if there is one. */
        public int[] operands() {
            if (bias < 0) {
                return factors.clone();
            }
            int[] operands = Arrays.copyOf(factors, factors.length + 1);
            operands[factors.length] = bias;
            return operands;
        }
    }

    /** The chains of {@code graph} that the compiler fuses, in the order of their roots. */
    public static List<Chain> of(Graph graph) {
        List<Graph.Node> nodes = graph.nodes();
        List<Step> steps = new ArrayList<>(nodes.size());
        for (Graph.Node node : nodes) {
            if (node.operands().length > 0) {
                steps.add(step(node));
            }
        }
        int[] owner = new int[nodes.size()];   // per node: the root of the chain fusing it, KEPT, or -1 (yet unknown)
        Arrays.fill(owner, -1);
        List<Step.Dot> dots = new ArrayList<>();
        for (Step step : Compiler.fuseDots(steps, nodes.size())) {
            if (step instanceof Step.Dot dot) {
                dots.add(dot);
                owner[dot.out()] = dot.out();
            } else {
                owner[step.writes()[0]] = KEPT;
            }
        }
        int[][] fused = fusedByRoot(nodes, owner);
        List<Chain> chains = new ArrayList<>(dots.size());
        for (Step.Dot dot : dots) {
            chains.add(new Chain(dot.out(), dot.factors(), dot.bias(), dot.biasFirst(), fused[dot.out()]));
        }
        return chains;
    }

    /**
     * A node as the compiler's trace would lay it out, with its id as its slot: a scalar step, a
     * {@link Value#dot}'s dot step (its operands the factors in turn, so an even number of them), or, for a
     * node of another arity (a pick, a neuron already folded with its bias), a step that only reads its
     * operands.
     */
    private static Step step(Graph.Node node) {
        int[] operands = node.operands();
        if (node.op() == Op.DOT && operands.length % 2 == 0) {
            return Step.Dot.ofFactors(node.id(), operands);
        }
        if (node.op() == Op.PICK || node.op() == Op.DOT) {
            return new Step.Gather(node.id(), operands[0], Arrays.copyOfRange(operands, 1, operands.length));
        }
        return new Step.Scalar(node.op(), node.id(), operands[0], operands[operands.length - 1]);
    }

    /**
     * Per chain root, the nodes its dot replaces, given each root and kept node's {@code owner}. A node that
     * is neither (nor a leaf) was fused, and is read only by the next link of its chain: from the last node
     * down, each belongs to the chain of the node that reads it.
     */
    private static int[][] fusedByRoot(List<Graph.Node> nodes, int[] owner) {
        int[] reader = new int[nodes.size()];
        for (Graph.Node node : nodes) {
            for (int operand : node.operands()) {
                reader[operand] = node.id();
            }
        }
        int[] size = new int[nodes.size()];
        for (int id = nodes.size() - 1; id >= 0; id--) {
            if (owner[id] == -1 && nodes.get(id).operands().length > 0) {
                owner[id] = owner[reader[id]];
            }
            if (owner[id] >= 0) {
                size[owner[id]]++;
            }
        }
        int[][] fused = new int[nodes.size()][];
        int[] filled = new int[nodes.size()];
        for (int id = 0; id < nodes.size(); id++) {
            int root = owner[id];
            if (root >= 0) {
                if (fused[root] == null) {
                    fused[root] = new int[size[root]];
                }
                fused[root][filled[root]++] = id;
            }
        }
        return fused;
    }
}
