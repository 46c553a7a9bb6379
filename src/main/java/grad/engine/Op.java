package grad.engine;

/**
 * The operations a node can come from, with the local derivative rules both engines use.
 *
 * <p>For a node {@code out = op(a, b)} the chain rule sends {@code g · ∂out/∂a} to {@code a} and
 * {@code g · ∂out/∂b} to {@code b}, where {@code g} is the gradient arriving at {@code out}. The
 * methods {@link #da} and {@link #db} return those two products; keeping them here, once, is what makes
 * {@link Value} and {@link Tape} agree to the last digit.
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
    static double apply(Op op, double a, double b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case NEG -> -a;
            case POW, POW_CONST -> Math.pow(a, b);
            case EXP -> Math.exp(a);
            case LOG -> Math.log(a);
            case RELU -> a > 0 ? a : 0.0;
            case TANH -> Math.tanh(a);
            case SIGMOID -> sigmoid(a);
            case LEAF, LINEAR -> throw new IllegalArgumentException(op + " is not a unary or binary op");
        };
    }

    /** {@code g · ∂out/∂a} for {@code out = op(a, b)}. */
    static double da(Op op, double a, double b, double out, double g) {
        return switch (op) {
            case ADD, SUB -> g;
            case MUL -> g * b;
            case DIV -> g / b;
            case NEG -> -g;
            case POW, POW_CONST -> b == 0.0 ? 0.0 : g * (b * Math.pow(a, b - 1));
            case EXP -> g * out;
            case LOG -> g / a;
            case RELU -> a > 0 ? g : 0.0;
            case TANH -> g * (1 - out * out);
            case SIGMOID -> g * (1 - out) * out;
            case LEAF, LINEAR -> 0.0;
        };
    }

    /** {@code g · ∂out/∂b} for a binary {@code out = op(a, b)}. */
    static double db(Op op, double a, double b, double out, double g) {
        return switch (op) {
            case ADD -> g;
            case SUB -> -g;
            case MUL -> g * a;
            case DIV -> -g * ((a / b) / b);
            case POW -> (a == 0.0 && b >= 0) ? 0.0 : g * (out * Math.log(a));
            default -> 0.0;
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
