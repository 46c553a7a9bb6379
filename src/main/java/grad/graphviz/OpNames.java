package grad.graphviz;

import grad.engine.Graph;
import grad.engine.Op;

/** How drawings and summaries name operations. */
final class OpNames {
    private OpNames() {
    }

    /** A word for counting: {@code leaf}, {@code add}, {@code mul}, {@code pow}, {@code Σwx+b}, … */
    static String name(Op op) {
        return switch (op) {
            case LEAF -> "leaf";
            case ADD -> "add";
            case SUB -> "sub";
            case MUL -> "mul";
            case DIV -> "div";
            case NEG -> "neg";
            case POW -> "pow";
            case EXP -> "exp";
            case LOG -> "log";
            case RELU -> "relu";
            case TANH -> "tanh";
            case SIGMOID -> "sigmoid";
            case MAX -> "max";
            case DETACH -> "detach";
            case PICK -> "pick";
            case DOT -> "Σwx+b";
        };
    }

    /** The symbol drawn in a node: {@code +}, {@code *}, {@code ^}, {@code relu}, … */
    static String symbol(Graph.Node node) {
        return node.op().symbol();
    }
}
