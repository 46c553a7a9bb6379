package grad.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of a computation graph for drawing: every node the root depends on, operands first,
 * with its op, data and gradient at the moment of the snapshot.
 *
 * @param nodes the nodes, each after its operands; the root is last
 */
public record Graph(List<Node> nodes) {

    /**
     * One node of a snapshot.
     *
     * @param id       position in {@link Graph#nodes()}
     * @param op       the operation that produced it
     * @param label    a name such as {@code w[0][3][1]} or {@code x0}, or null
     * @param data     its value
     * @param grad     its gradient
     * @param operands ids of its operands, in order
     */
    public record Node(int id, Op op, String label, double data, double grad, int[] operands) {
    }

    public Graph {
        nodes = List.copyOf(nodes);
    }

    /** The root of the graph (its last node). */
    public Node root() {
        return nodes.get(nodes.size() - 1);
    }

    /** The number of operand → result edges. */
    public int edgeCount() {
        int edges = 0;
        for (Node n : nodes) {
            edges += n.operands().length;
        }
        return edges;
    }

    /** The graph of everything {@code root} depends on. */
    public static Graph of(Value root) {
        List<Value> order = root.topologicalOrder();
        Map<Value, Integer> ids = new IdentityHashMap<>();
        List<Node> nodes = new ArrayList<>(order.size());
        for (Value v : order) {
            List<Value> ops = v.operands();
            int[] operands = new int[ops.size()];
            for (int i = 0; i < operands.length; i++) {
                operands[i] = ids.get(ops.get(i));
            }
            ids.put(v, nodes.size());
            nodes.add(new Node(nodes.size(), v.op(), v.label(), v.data(), v.grad(), operands));
        }
        return new Graph(nodes);
    }
}
