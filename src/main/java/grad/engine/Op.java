package grad.engine;

/**
 * The operations a node can come from, and how each computes its value. The derivative rules are in
 * one place, {@link Tape#backward(int)}, which {@link Value#backward()} uses too.
 *
 * <p>Edge cases follow IEEE arithmetic and PyTorch: {@code log} of a negative number is NaN and of zero
 * is -∞ (its gradient +∞); {@code pow} with a negative base and a non-integer exponent is NaN; the
 * gradient of {@code a^b} with respect to {@code b} is {@code a^b·ln a}, which is NaN for {@code a < 0}
 * and taken as 0 for {@code a = 0} with {@code b ≥ 0}, as PyTorch does; {@code relu}'s gradient at 0 is 0.
 */
public enum Op {
    /** An input, parameter or constant: no operands. */
    LEAF("leaf"),
    ADD("+"),
    SUB("-"),
    MUL("*"),
    DIV("/"),
    NEG("neg"),
    /** {@code a^b} with both operands nodes. */
    POW("pow"),
    /** {@code a^k} with a constant exponent {@code k} kept in the node. */
    POW_CONST("pow"),
    EXP("exp"),
    LOG("log"),
    RELU("relu"),
    TANH("tanh"),
    SIGMOID("sigmoid"),
    /** A neuron's pre-activation {@code Σ wᵢ·xᵢ + b}: a fused n-ary node, used by {@link Tape} only. */
    LINEAR("Σwx+b");

    private final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    /** A short name for drawings: {@code +}, {@code exp}, {@code relu}, … */
    public String symbol() {
        return symbol;
    }

    /** The forward value of a unary or binary op ({@code b} is the constant exponent for {@link #POW_CONST}). */
    public static double apply(Op op, double a, double b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case NEG -> -a;
            case POW, POW_CONST -> b == 2.0 ? a * a : Math.pow(a, b);
            case EXP -> Math.exp(a);
            case LOG -> Math.log(a);
            case RELU -> a > 0 ? a : 0.0;
            case TANH -> Math.tanh(a);
            case SIGMOID -> sigmoid(a);
            case LEAF, LINEAR -> throw new IllegalArgumentException(op + " is not a unary or binary op");
        };
    }

    /** Whether the op takes a second operand node. */
    boolean binary() {
        return this == ADD || this == SUB || this == MUL || this == DIV || this == POW;
    }

    /** The logistic function, computed without overflow for large |x|. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }
}
