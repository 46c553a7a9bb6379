package grad.graphviz;

import grad.engine.Graph;
import grad.engine.Op;
import grad.io.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Graph} as a Graphviz DOT digraph, laid out left to right, operands before results.
 *
 * <p>Each node is a record {@code { label | data 0.1234 | grad -0.5678 | op }}: the label when the node
 * has one ({@code w[0][3][1]}, {@code x0}, {@code loss}), its value and gradient to 4 significant digits,
 * and the operation that made it ({@code +}, {@code *}, {@code ^}, {@code relu}, {@code Σwx+b}; none for a
 * leaf). A node whose value or gradient is NaN or infinite gets a thick red border, except for the gradient
 * of a constant (a leaf without a label, such as the exponent {@code 2} of a square): it goes nowhere, and
 * is NaN for the exponent of a negative number squared ({@code d/dn aⁿ = aⁿ·ln a}). A network's graph
 * ({@link #write(Path, Graph, String, boolean)}) shows a constant without its gradient; {@code grad eval}'s
 * shows it, the derivative with respect to a number of the formula.
 *
 * <p>The fill colour tells the operation, as grad-rs does:
 *
 * <table>
 * <caption>Palette</caption>
 * <tr><th>op</th><th>colour</th></tr>
 * <tr><td>leaf (input, parameter, constant)</td><td>{@code #add8e6} light blue</td></tr>
 * <tr><td>{@code Σwx+b} (a neuron's pre-activation, in drawings that fold neurons)</td><td>{@code #b39ddb} lavender</td></tr>
 * <tr><td>relu</td><td>{@code #90ee90} light green</td></tr>
 * <tr><td>tanh</td><td>{@code #80deea} cyan</td></tr>
 * <tr><td>sigmoid</td><td>{@code #a5d6a7} sage</td></tr>
 * <tr><td>exp</td><td>{@code #ffb74d} orange</td></tr>
 * <tr><td>log</td><td>{@code #d7ccc8} taupe</td></tr>
 * <tr><td>add, sub, div, pow, max</td><td>{@code #ffc0cb} pink</td></tr>
 * <tr><td>mul</td><td>{@code #fff59d} pale yellow</td></tr>
 * <tr><td>neg, detach</td><td>{@code #e0e0e0} light grey</td></tr>
 * </table>
 *
 * <p>The output depends only on the graph and the title: the same graph gives the same bytes.
 */
public final class DotWriter {

    private DotWriter() {
    }

    /** The fill colour of nodes made by {@code op}, as {@code #rrggbb}; see the palette above. */
    public static String fillColor(Op op) {
        return switch (op) {
            case LEAF -> "#add8e6";
            case DOT -> "#b39ddb";
            case RELU -> "#90ee90";
            case TANH -> "#80deea";
            case SIGMOID -> "#a5d6a7";
            case EXP -> "#ffb74d";
            case LOG -> "#d7ccc8";
            case ADD, SUB, DIV, POW, MAX -> "#ffc0cb";
            case MUL -> "#fff59d";
            case NEG, DETACH, PICK -> "#e0e0e0";
        };
    }

    /**
     * The DOT text of {@code graph}.
     *
     * @param title shown above the drawing (may span lines); what is drawn, e.g. "XOR network, epoch 1"
     */
    public static String toDot(Graph graph, String title) {
        return toDot(graph, title, true);
    }

    /** As {@link #toDot(Graph, String)}; without the constants' gradients unless {@code constantGradients}. */
    public static String toDot(Graph graph, String title, boolean constantGradients) {
        StringBuilder dot = new StringBuilder(64 + 96 * graph.nodes().size());
        dot.append("digraph grad {\n");
        dot.append("  graph [rankdir=LR, labelloc=t, fontname=\"DejaVu Sans\", fontsize=14, label=\"")
                .append(escapeString(title)).append("\"];\n");
        dot.append("  node [shape=record, style=filled, fontname=\"DejaVu Sans\", fontsize=10];\n");
        dot.append("  edge [color=\"#555555\"];\n");
        for (Graph.Node node : graph.nodes()) {
            dot.append("  n").append(node.id()).append(" [label=\"").append(recordLabel(node, constantGradients))
                    .append("\", fillcolor=\"").append(fillColor(node.op())).append('"');
            if (!Double.isFinite(node.data()) || !Double.isFinite(node.grad()) && !isConstant(node)) {
                dot.append(", color=red, penwidth=3");
            }
            dot.append("];\n");
        }
        for (Graph.Node node : graph.nodes()) {
            for (int operand : node.operands()) {
                dot.append("  n").append(operand).append(" -> n").append(node.id()).append(";\n");
            }
        }
        dot.append("}\n");
        return dot.toString();
    }

    /** A leaf without a label: a number written into a formula, such as an exponent. */
    static boolean isConstant(Graph.Node node) {
        return node.op() == Op.LEAF && (node.label() == null || node.label().isEmpty());
    }

    /** Writes {@link #toDot} to {@code file}, atomically, as UTF-8. */
    public static void write(Path file, Graph graph, String title) {
        write(file, graph, title, true);
    }

    /** As above; without the constants' gradients unless {@code constantGradients}. */
    public static void write(Path file, Graph graph, String title, boolean constantGradients) {
        AtomicFiles.writeString(file, toDot(graph, title, constantGradients));
    }

    /** {@code { label | data … | grad … | op }} (no grad for a constant), each field escaped for a record label. */
    static String recordLabel(Graph.Node node, boolean constantGradients) {
        List<String> fields = new ArrayList<>(4);
        if (node.label() != null && !node.label().isEmpty()) {
            fields.add(node.label());
        }
        fields.add("data " + Numbers.compact(node.data()));
        if (constantGradients || !isConstant(node)) {
            fields.add("grad " + Numbers.compact(node.grad()));
        }
        if (node.op() != Op.LEAF) {
            fields.add(OpNames.symbol(node));
        }
        StringBuilder label = new StringBuilder("{ ");
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                label.append(" | ");
            }
            label.append(escapeRecordField(fields.get(i)));
        }
        return label.append(" }").toString();
    }

    /**
     * {@code text} made safe inside one field of a quoted record label: the record syntax characters
     * {@code { } | < >} and the string's {@code " \} are escaped with a backslash, line breaks become
     * {@code \n} (a centred line break), and other control characters become spaces.
     */
    static String escapeRecordField(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '{', '}', '|', '<', '>', '"', '\\' -> out.append('\\').append(c);
                // A leading or repeated space is dropped by the record parser unless escaped.
                case ' ' -> out.append(i == 0 || text.charAt(i - 1) == ' ' ? "\\ " : " ");
                default -> appendPlain(out, c, text, i);
            }
        }
        return out.toString();
    }

    /** {@code text} made safe inside a quoted DOT string (not a record): {@code " \} escaped, lines kept. */
    static String escapeString(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"', '\\' -> out.append('\\').append(c);
                default -> appendPlain(out, c, text, i);
            }
        }
        return out.toString();
    }

    private static void appendPlain(StringBuilder out, char c, String text, int i) {
        if (c == '\n') {
            out.append("\\n");
        } else if (c == '\r') {
            if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                out.append("\\n");
            }
        } else if (Character.isISOControl(c)) {
            out.append(' ');
        } else {
            out.append(c);
        }
    }
}
