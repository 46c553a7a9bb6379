package grad.engine;

/**
 * The operations a {@link Value} can come from. Their math (each op's value and the gradient it sends
 * back to its operands) is in {@link Value}; this enum only names them.
 */
public enum Op {
    /** An input, parameter or constant: no operands. */
    LEAF("leaf"),
    ADD("+"),
    SUB("-"),
    MUL("*"),
    DIV("/"),
    /** {@code a^b}. */
    POW("^"),
    NEG("neg"),
    EXP("exp"),
    LOG("log"),
    RELU("relu"),
    TANH("tanh"),
    SIGMOID("sigmoid"),
    /** The larger of two values. */
    MAX("max"),
    /** Its operand's value, through which no gradient flows (PyTorch's {@code detach}). */
    DETACH("detach"),
    /**
     * One of several values, chosen by an index value: an embedding lookup by a token id
     * ({@link Value#pick}). The gradient goes to the value picked; none to the index.
     */
    PICK("pick"),
    /**
     * A neuron's {@code Σ wᵢ·xᵢ (+ b)}: {@link Value#dot} (a matrix product's elements), and in drawings a
     * neuron's chain of multiplications and additions folded into one node, as the {@link Compiler} fuses
     * it into one step.
     */
    DOT("Σwx+b");

    private final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    /** A short name for drawings: {@code +}, {@code exp}, {@code relu}, … */
    public String symbol() {
        return symbol;
    }

    /** Whether the op takes two operands. */
    public boolean binary() {
        return this == ADD || this == SUB || this == MUL || this == DIV || this == POW || this == MAX;
    }
}
