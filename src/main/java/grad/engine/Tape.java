package grad.engine;

import java.util.Arrays;

/**
 * The fast engine: a Wengert list. Each operation appends one node to parallel arrays and returns its
 * index; because a node is always appended after its operands, walking the list backwards is a valid
 * order for the chain rule. After a training sample, {@link #truncate} drops its nodes and the arrays
 * are reused, so a warm training loop allocates nothing.
 *
 * <p>The same operations and derivative rules as {@link Value} (see {@link Op}), plus one fused node,
 * {@link #linear}: a neuron's {@code Σ wᵢ·xᵢ + b}, which is where a network spends its time.
 *
 * <p>Lifecycle: record nodes (leaves first), call {@link #backward(int)} once on the output, read
 * gradients, then {@link #truncate} back to a mark (or {@link #clear}) and record the next graph. A tape
 * belongs to one thread.
 */
public final class Tape {
    private Op[] op;
    private double[] data;
    private double[] grad;
    /** First operand; for {@link Op#LINEAR}, the first weight (the bias follows the last weight). */
    private int[] a;
    /** Second operand; for {@link Op#LINEAR}, the first input. */
    private int[] b;
    /** The exponent of {@link Op#POW_CONST}; for {@link Op#LINEAR}, the number of inputs. */
    private double[] k;
    private int size;

    public Tape() {
        this(1024);
    }

    public Tape(int capacity) {
        capacity = Math.max(capacity, 16);
        op = new Op[capacity];
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
    }

    /** Forgets the nodes recorded after the first {@code mark}; those before keep their data and grad. */
    public void truncate(int mark) {
        if (mark < 0 || mark > size) {
            throw new IllegalArgumentException("mark " + mark + " outside 0.." + size);
        }
        size = mark;
    }

    private int push(Op o, double value, int x, int y, double c) {
        if (size == data.length) {
            grow();
        }
        int i = size++;
        op[i] = o;
        data[i] = value;
        grad[i] = 0;
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
    public Op op(int node) { return op[node]; }

    /** The operands of a node, in order: for {@link Op#LINEAR}, the weights, the bias, then the inputs. */
    public int[] operands(int node) {
        return switch (op[node]) {
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
            default -> op[node].binary() ? new int[] {a[node], b[node]} : new int[] {a[node]};
        };
    }

    /** The constant exponent of a {@link Op#POW_CONST} node. */
    public double exponent(int node) {
        return op[node] == Op.POW_CONST ? k[node] : 0;
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
        for (int i = 0; i <= root; i++) {
            if (op[i] != Op.LEAF) {
                grad[i] = 0;
            }
        }
        grad[root] += 1;
        for (int i = root; i >= 0; i--) {
            double g = grad[i];
            Op o = op[i];
            switch (o) {
                case LEAF -> { }
                case LINEAR -> {
                    int w = a[i];
                    int x = b[i];
                    int n = (int) k[i];
                    for (int j = 0; j < n; j++) {
                        grad[w + j] += g * data[x + j];
                        grad[x + j] += g * data[w + j];
                    }
                    grad[w + n] += g;
                }
                case POW_CONST -> grad[a[i]] += Op.da(o, data[a[i]], k[i], data[i], g);
                default -> {
                    int x = a[i];
                    int y = b[i];
                    double yData = y < 0 ? 0 : data[y];
                    grad[x] += Op.da(o, data[x], yData, data[i], g);
                    if (y >= 0) {
                        grad[y] += Op.db(o, data[x], yData, data[i], g);
                    }
                }
            }
        }
    }

    /** Adds the gradients of nodes {@code from .. from+out.length-1} into {@code out} and zeroes them. */
    public void drainGradients(int from, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] += grad[from + i];
            grad[from + i] = 0;
        }
    }

    /** Sets the gradients of nodes {@code from .. from+n-1} to 0. */
    public void zeroGrad(int from, int n) {
        Arrays.fill(grad, from, from + n, 0.0);
    }

    /** Copies nodes' data into {@code out}, starting at node {@code from}. */
    public void copyData(int from, double[] out) {
        System.arraycopy(data, from, out, 0, out.length);
    }

    /** Overwrites the data of nodes {@code from ..} with {@code values}. */
    public void loadData(int from, double[] values) {
        System.arraycopy(values, 0, data, from, values.length);
    }
}
