package grad.graphviz;

import grad.engine.Graph;
import grad.engine.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How big a graph is: nodes, edges, and nodes per operation. Its {@link #toString()} is one line,
 * {@code 1,234 nodes, 2,345 edges (leaf 60, Σwx+b 12, relu 10, exp 2)}.
 *
 * @param nodes the number of nodes
 * @param edges the number of operand → result edges
 * @param perOp the number of nodes per operation, only those that occur, in {@link Op} order
 */
public record GraphSummary(int nodes, int edges, Map<Op, Integer> perOp) {

    public GraphSummary {
        Map<Op, Integer> copy = new EnumMap<>(Op.class);
        copy.putAll(perOp);
        perOp = Collections.unmodifiableMap(copy);
    }

    /** Counts the nodes and edges of {@code graph}. */
    public static GraphSummary of(Graph graph) {
        Map<Op, Integer> perOp = new EnumMap<>(Op.class);
        for (Graph.Node node : graph.nodes()) {
            perOp.merge(node.op(), 1, Integer::sum);
        }
        return new GraphSummary(graph.nodes().size(), graph.edgeCount(), perOp);
    }

    /** One line: totals, then the count per operation, most frequent first. */
    @Override
    public String toString() {
        Map<String, Integer> byName = new LinkedHashMap<>();
        perOp.forEach((op, n) -> byName.merge(OpNames.name(op), n, Integer::sum));
        List<Map.Entry<String, Integer>> counts = new ArrayList<>(byName.entrySet());
        counts.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        StringBuilder line = new StringBuilder()
                .append(Numbers.count(nodes)).append(nodes == 1 ? " node, " : " nodes, ")
                .append(Numbers.count(edges)).append(edges == 1 ? " edge" : " edges");
        if (!counts.isEmpty()) {
            line.append(" (");
            for (int i = 0; i < counts.size(); i++) {
                line.append(i > 0 ? ", " : "").append(counts.get(i).getKey()).append(' ')
                        .append(Numbers.count(counts.get(i).getValue()));
            }
            line.append(')');
        }
        return line.toString();
    }
}
