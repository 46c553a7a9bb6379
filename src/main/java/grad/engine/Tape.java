package grad.engine;

import java.util.Arrays;

/**
 * The fast engine: a Wengert list. Each operation appends one node to parallel arrays and returns its
 * index; because a node is always appended after its operands, walking the list backwards is a valid
 * order for the chain rule. After a training sample, {@link #truncate} drops its nodes and the arrays
 * are reused, so a warm training loop allocates nothing.
 *
 * <p>The same operations as {@link Value} (see {@link Op}), plus one fused node, {@link #linear}: a
 * neuron's {@code Σ wᵢ·xᵢ + b}, which is where a network spends its time. The derivative rules live
 * here, in {@link #backward(int)}; {@link Value#backward()} lays its graph out on a tape to use them.
 *
 * <p>Lifecycle: record nodes (leaves first), call {@link #backward(int)} once on the output, read
 * gradients, then {@link #truncate} back to a mark (or {@link #clear}) and record the next graph. A tape
 * belongs to one thread.
 */
public final class Tape {
    private static final Op[] OPS = Op.values();
    private static final byte LEAF = (byte) Op.LEAF.ordinal();
    /** Each node's op, as its ordinal: a byte array is cheaper to write than an array of references. */
    private byte[] op;
    private double[] data;
    private double[] grad;
    /** First operand; for {@link Op#LINEAR}, the first weight (the bias follows the last weight). */
    private int[] a;
    /** Second operand; for {@link Op#LINEAR}, the first input. */
    private int[] b;
    /** The exponent of {@link Op#POW_CONST}; for {@link Op#LINEAR}, the number of inputs. */
    private double[] k;
    private int size;
    /** Nodes {@code 0 .. leafPrefix-1} are all leaves (a network's parameters, say): backward skips them. */
    private int leafPrefix;

    public Tape() {
        this(1024);
    }

    public Tape(int capacity) {
        capacity = Math.max(capacity, 16);
        op = new byte[capacity];
        data = new double[capacity];
        grad = new double[capacity];
        a = new int[capacity];
        b = new int[capacity];
        k = new double[capacity];
    }

    /** The number of nodes recorded. */
    public int size() {
        return size;
    }

    /** Forgets every node. */
    public void clear() {
        size = 0;
        leafPrefix = 0;
    }

    /** Forgets the nodes recorded after the first {@code mark}; those before keep their data and grad. */
    public void truncate(int mark) {
        if (mark < 0 || mark > size) {
            throw new IllegalArgumentException("mark " + mark + " outside 0.." + size);
        }
        size = mark;
        leafPrefix = Math.min(leafPrefix, mark);
    }

    private int push(Op o, double value, int x, int y, double c) {
        if (size == data.length) {
            grow();
        }
        int i = size++;
        if (o == Op.LEAF) {
            grad[i] = 0;   // other nodes' gradients are zeroed by backward
            if (i == leafPrefix) {
                leafPrefix++;
            }
        }
        op[i] = (byte) o.ordinal();
        data[i] = value;
        a[i] = x;
        b[i] = y;
        k[i] = c;
        return i;
    }

    private void grow() {
        int n = data.length * 2;
        op = Arrays.copyOf(op, n);
        data = Arrays.copyOf(data, n);
        grad = Arrays.copyOf(grad, n);
        a = Arrays.copyOf(a, n);
        b = Arrays.copyOf(b, n);
        k = Arrays.copyOf(k, n);
    }

    /** A leaf node: an input, a parameter or a constant. */
    public int leaf(double value) {
        return push(Op.LEAF, value, -1, -1, 0);
    }

    /** Consecutive leaves for {@code values}; returns the index of the first. */
    public int leaves(double[] values) {
        int first = size;
        for (double v : values) {
            leaf(v);
        }
        return first;
    }

    private int unary(Op o, int x) {
        return push(o, Op.apply(o, data[x], 0), x, -1, 0);
    }

    private int binary(Op o, int x, int y) {
        return push(o, Op.apply(o, data[x], data[y]), x, y, 0);
    }

    public int add(int x, int y) { return binary(Op.ADD, x, y); }
    public int sub(int x, int y) { return binary(Op.SUB, x, y); }
    public int mul(int x, int y) { return binary(Op.MUL, x, y); }
    public int div(int x, int y) { return binary(Op.DIV, x, y); }
    public int pow(int x, int y) { return binary(Op.POW, x, y); }
    public int neg(int x) { return unary(Op.NEG, x); }
    public int exp(int x) { return unary(Op.EXP, x); }
    public int log(int x) { return unary(Op.LOG, x); }
    public int relu(int x) { return unary(Op.RELU, x); }
    public int tanh(int x) { return unary(Op.TANH, x); }
    public int sigmoid(int x) { return unary(Op.SIGMOID, x); }

    /** {@code x^c} for a constant exponent. */
    public int pow(int x, double c) {
        return push(Op.POW_CONST, Op.apply(Op.POW_CONST, data[x], c), x, -1, c);
    }

    /**
     * A neuron's pre-activation {@code Σᵢ w[i]·x[i] + bias}, where the {@code n} weights are the nodes
     * {@code weights .. weights+n-1}, the bias is node {@code weights+n}, and the inputs are the nodes
     * {@code inputs .. inputs+n-1}.
     */
    public int linear(int weights, int inputs, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += data[weights + i] * data[inputs + i];
        }
        return push(Op.LINEAR, sum + data[weights + n], weights, inputs, n);
    }

    public double data(int node) { return data[node]; }
    public double grad(int node) { return grad[node]; }
    public Op op(int node) { return OPS[op[node]]; }

    /** The operands of a node, in order: for {@link Op#LINEAR}, the weights, the bias, then the inputs. */
    public int[] operands(int node) {
        return switch (op(node)) {
            case LEAF -> new int[0];
            case LINEAR -> {
                int n = (int) k[node];
                int[] ids = new int[2 * n + 1];
                for (int i = 0; i <= n; i++) {
                    ids[i] = a[node] + i;
                }
                for (int i = 0; i < n; i++) {
                    ids[n + 1 + i] = b[node] + i;
                }
                yield ids;
            }
            default -> op(node).binary() ? new int[] {a[node], b[node]} : new int[] {a[node]};
        };
    }

    /** The constant exponent of a {@link Op#POW_CONST} node. */
    public double exponent(int node) {
        return op(node) == Op.POW_CONST ? k[node] : 0;
    }

    /** Sets the data of a leaf (a parameter after an optimizer step, say). */
    public void setData(int node, double value) {
        data[node] = value;
    }

    /**
     * Back-propagates from {@code root}: its gradient becomes 1 (a leaf's adds 1), and every node before
     * it receives d(root)/d(node), added to what leaves already hold. Nodes after {@code root} are ignored.
     */
    public void backward(int root) {
        for (int i = leafPrefix; i <= root; i++) {
            if (op[i] != LEAF) {
                grad[i] = 0;
            }
        }
        grad[root] += 1;
        // The chain rule, one op at a time: node i = op(x, y) receives gradient g and sends
        // g·∂i/∂x to x and g·∂i/∂y to y, adding to what they already have (a node may be used twice).
        for (int i = root; i >= leafPrefix; i--) {
            double g = grad[i];
            int x = a[i];
            int y = b[i];
            switch (OPS[op[i]]) {
                case LEAF -> { }
                case ADD -> {
                    grad[x] += g;
                    grad[y] += g;
                }
                case SUB -> {
                    grad[x] += g;
                    grad[y] -= g;
                }
                case MUL -> {
                    grad[x] += g * data[y];
                    grad[y] += g * data[x];
                }
                case DIV -> {
                    grad[x] += g / data[y];
                    grad[y] -= g * ((data[x] / data[y]) / data[y]);
                }
                case NEG -> grad[x] -= g;
                case POW_CONST -> grad[x] += powBase(g, data[x], k[i]);
                case POW -> {
                    grad[x] += powBase(g, data[x], data[y]);
                    // d(x^y)/dy = x^y·ln x, taken as 0 where x = 0 and y >= 0 (PyTorch does the same)
                    grad[y] += data[x] == 0.0 && data[y] >= 0 ? 0.0 : g * (data[i] * Math.log(data[x]));
                }
                case EXP -> grad[x] += g * data[i];
                case LOG -> grad[x] += g / data[x];
                case RELU -> grad[x] += data[x] > 0 ? g : 0.0;
                case TANH -> grad[x] += g * (1 - data[i] * data[i]);
                case SIGMOID -> grad[x] += g * (1 - data[i]) * data[i];
                case LINEAR -> {
                    int n = (int) k[i];
                    for (int j = 0; j < n; j++) {
                        grad[x + j] += g * data[y + j];
                        grad[y + j] += g * data[x + j];
                    }
                    grad[x + n] += g;
                }
            }
        }
    }

    /** {@code g·∂(x^e)/∂x = g·e·x^(e−1)}, and 0 for e = 0 (PyTorch does the same). */
    private static double powBase(double g, double x, double e) {
        if (e == 0.0) {
            return 0.0;
        }
        return g * (e * (e == 2.0 ? x : Math.pow(x, e - 1)));
    }

    /** Appends a node whose value is already known ({@link Value#backward()} lays its graph out this way). */
    int record(Op o, double value, int x, int y, double c) {
        return push(o, value, x, y, c);
    }

    /** Sets a node's gradient (a leaf's accumulated gradient, before {@link #backward}). */
    void setGrad(int node, double g) {
        grad[node] = g;
    }

    /** Adds the gradients of nodes {@code from .. from+out.length-1} into {@code out} and zeroes them. */
    public void drainGradients(int from, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] += grad[from + i];
            grad[from + i] = 0;
        }
    }

    /** Moves the gradients of nodes {@code from .. from+out.length-1} into {@code out} (overwriting it) and zeroes them. */
    public void takeGradients(int from, double[] out) {
        System.arraycopy(grad, from, out, 0, out.length);
        Arrays.fill(grad, from, from + out.length, 0.0);
    }

    /** Sets the gradients of nodes {@code from .. from+n-1} to 0. */
    public void zeroGrad(int from, int n) {
        Arrays.fill(grad, from, from + n, 0.0);
    }

    /** Overwrites the data of nodes {@code from ..} with {@code values}. */
    public void loadData(int from, double[] values) {
        System.arraycopy(values, 0, data, from, values.length);
    }
}
