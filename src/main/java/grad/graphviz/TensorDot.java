package grad.graphviz;

import grad.engine.Graph;
import grad.engine.Op;
import grad.engine.Value;
import grad.io.AtomicFiles;
import grad.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Graphviz drawing of any {@link Value} or {@link Tensor}, from code (rust-micrograd's
 * {@code to_graphviz}): a small computation is unfolded into its single {@code Value}s, drawn as
 * {@link DotWriter} draws a network (elements of labelled tensors named {@code W[0][1]}); a larger one
 * is drawn one node per tensor op, with the op and the shape.
 *
 * <pre>{@code
 * import grad.tensor.Tensor;
 * Tensor x = Tensor.of(new double[] {1, 2}, 1, 2);
 * Tensor w = Tensor.of(new double[] {0.5, -1, 2, 0.25}, 2, 2).label("W");
 * String dot = TensorDot.toDot(x.matmul(w).tanh(), "layer");   // write it to layer.dot; dot -Tpng layer.dot
 * // dot.split("->").length - 1 == 10: two dots of two products each, two tanh
 * }</pre>
 */
public final class TensorDot {
    /** Computations of at most this many {@code Value}s are drawn unfolded. */
    public static final int UNFOLD_MAX_VALUES = 60;

    private TensorDot() {
    }

    /** The DOT text of everything {@code value} depends on, one node per {@code Value}. */
    public static String toDot(Value value, String title) {
        return DotWriter.toDot(Graph.of(value), title);
    }

    /** The DOT text of {@code tensor}'s computation: unfolded into Values when it has at most {@link #UNFOLD_MAX_VALUES}, else one node per tensor op. */
    public static String toDot(Tensor tensor, String title) {
        List<Value> order = Value.topologicalOrder(tensor.values());
        return order.size() <= UNFOLD_MAX_VALUES ? DotWriter.toDot(valueGraph(tensor, order), title) : opsToDot(tensor, title);
    }

    /** Writes {@link #toDot(Tensor, String)} to {@code file}, atomically. */
    public static void write(Path file, Tensor tensor, String title) {
        AtomicFiles.writeString(file, toDot(tensor, title));
    }

    /** Writes {@link #toDot(Value, String)} to {@code file}, atomically. */
    public static void write(Path file, Value value, String title) {
        AtomicFiles.writeString(file, toDot(value, title));
    }

    /** The DOT text of {@code tensor}'s computation one node per tensor op, whatever its size: {@code { label | op | shape }}. */
    public static String opsToDot(Tensor tensor, String title) {
        List<Tensor> order = tensorOrder(tensor);
        Map<Tensor, Integer> ids = new IdentityHashMap<>();
        StringBuilder dot = new StringBuilder("digraph grad {\n");
        dot.append("  graph [rankdir=LR, labelloc=t, fontname=\"DejaVu Sans\", fontsize=14, label=\"")
                .append(DotWriter.escapeString(title)).append("\"];\n");
        dot.append("  node [shape=record, style=filled, fontname=\"DejaVu Sans\", fontsize=10];\n");
        dot.append("  edge [color=\"#555555\"];\n");
        for (Tensor t : order) {
            ids.put(t, ids.size());
            dot.append("  t").append(ids.get(t)).append(" [label=\"").append(opLabel(t))
                    .append("\", fillcolor=\"").append(opColor(t.op())).append("\"];\n");
        }
        for (Tensor t : order) {
            for (Tensor in : t.inputs()) {
                dot.append("  t").append(ids.get(in)).append(" -> t").append(ids.get(t)).append(";\n");
            }
        }
        return dot.append("}\n").toString();
    }

    static String opLabel(Tensor t) {
        List<String> fields = new ArrayList<>();
        if (t.label() != null && !t.label().isEmpty()) {
            fields.add(t.label());
        }
        if (!t.op().equals("leaf")) {
            fields.add(t.op());
        }
        fields.add(Arrays.toString(t.shape()));
        if (t.numel() == 1) {
            fields.add("data " + Numbers.compact(t.data()[0]));
            fields.add("grad " + Numbers.compact(t.grad()[0]));
        }
        StringBuilder label = new StringBuilder("{ ");
        for (int i = 0; i < fields.size(); i++) {
            label.append(i > 0 ? " | " : "").append(DotWriter.escapeRecordField(fields.get(i)));
        }
        return label.append(" }").toString();
    }

    /** The palette of {@link DotWriter} by the op's first word; ops that only move elements are white. */
    static String opColor(String op) {
        String word = op.split("[ (]", 2)[0];
        return switch (word) {
            case "leaf" -> DotWriter.fillColor(Op.LEAF);
            case "matmul" -> DotWriter.fillColor(Op.DOT);
            case "mul" -> DotWriter.fillColor(Op.MUL);
            case "exp", "softmax" -> DotWriter.fillColor(Op.EXP);
            case "log", "logSoftmax", "crossEntropy" -> DotWriter.fillColor(Op.LOG);
            case "relu" -> DotWriter.fillColor(Op.RELU);
            case "tanh" -> DotWriter.fillColor(Op.TANH);
            case "sigmoid" -> DotWriter.fillColor(Op.SIGMOID);
            case "neg", "detach" -> DotWriter.fillColor(Op.NEG);
            case "add", "sub", "div", "pow", "max", "sum", "mean" -> DotWriter.fillColor(Op.ADD);
            default -> "#ffffff";
        };
    }

    /** Every tensor {@code root} was computed from, each after its inputs, without recursion. */
    static List<Tensor> tensorOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object[]> stack = new ArrayList<>();
        stack.add(new Object[] {root, false});
        while (!stack.isEmpty()) {
            Object[] top = stack.remove(stack.size() - 1);
            Tensor t = (Tensor) top[0];
            if ((Boolean) top[1]) {
                order.add(t);
            } else if (visited.add(t)) {
                stack.add(new Object[] {t, true});
                List<Tensor> inputs = t.inputs();
                for (int i = inputs.size() - 1; i >= 0; i--) {
                    stack.add(new Object[] {inputs.get(i), false});
                }
            }
        }
        return order;
    }

    /** The Value graph of {@code order}, its leaves named after the labelled tensors that hold them. */
    static Graph valueGraph(Tensor root, List<Value> order) {
        Map<Value, String> names = new IdentityHashMap<>();
        for (Tensor t : tensorOrder(root)) {
            if (t.label() != null) {
                List<Value> values = t.values();
                for (int i = 0; i < values.size(); i++) {
                    names.putIfAbsent(values.get(i), t.label() + index(t.shape(), i));
                }
            }
        }
        Map<Value, Integer> ids = new IdentityHashMap<>();
        List<Graph.Node> nodes = new ArrayList<>(order.size());
        for (Value v : order) {
            List<Value> ops = v.operands();
            int[] operands = new int[ops.size()];
            for (int i = 0; i < operands.length; i++) {
                operands[i] = ids.get(ops.get(i));
            }
            ids.put(v, nodes.size());
            String label = v.label() != null ? v.label() : names.get(v);
            nodes.add(new Graph.Node(nodes.size(), v.op(), label, v.data(), v.grad(), operands));
        }
        return new Graph(nodes);
    }

    /** {@code [i][j]…} of row-major position {@code flat} in {@code shape}. */
    static String index(int[] shape, int flat) {
        StringBuilder out = new StringBuilder();
        for (int d = shape.length - 1; d >= 0; d--) {
            out.insert(0, "[" + flat % shape[d] + "]");
            flat /= shape[d];
        }
        return out.toString();
    }
}
