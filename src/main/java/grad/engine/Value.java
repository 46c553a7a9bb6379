package grad.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A scalar that remembers how it was computed, so that {@link #backward()} can send gradients back
 * through every operation that produced it: micrograd's {@code Value}, in Java.
 *
 * <pre>{@code
 * Value a = Value.of(-4.0), b = Value.of(2.0);
 * Value c = a.add(b).mul(b.pow(3));
 * c.backward();                // c.grad() == 1, a.grad() == 8, b.grad() == 48
 * }</pre>
 *
 * <p>Gradients accumulate: a node used twice receives both contributions, and the gradients of leaves
 * (values made with {@link #of}) add up across calls to {@code backward()}, as in PyTorch, until
 * {@link #zeroGrad()}. The gradients of intermediate nodes are recomputed by each call. Values are not
 * thread-safe, but nothing is shared between graphs, so threads can work on their own graphs at once.
 */
public final class Value {
    private double data;
    private double grad;
    private final Op op;
    private final Value a;
    private final Value b;
    /** The exponent of {@link Op#POW_CONST}. */
    private final double k;
    private String label;
    /** Which call of {@link #topologicalOrder()} last visited this node. */
    private Object visitedBy;
    /** This node's place on the tape during {@link #backward()}. */
    private int slot;

    private Value(double data, Op op, Value a, Value b, double k) {
        this.data = data;
        this.op = op;
        this.a = a;
        this.b = b;
        this.k = k;
    }

    /** A leaf: an input or a parameter. */
    public static Value of(double data) {
        return new Value(data, Op.LEAF, null, null, 0);
    }

    /** A leaf with a name, shown in graph drawings. */
    public static Value of(double data, String label) {
        return of(data).label(label);
    }

    private static Value unary(Op op, Value a) {
        return new Value(Op.apply(op, a.data, 0), op, a, null, 0);
    }

    private static Value binary(Op op, Value a, Value b) {
        return new Value(Op.apply(op, a.data, b.data), op, a, b, 0);
    }

    public Value add(Value other) { return binary(Op.ADD, this, other); }
    public Value add(double other) { return add(of(other)); }
    public Value sub(Value other) { return binary(Op.SUB, this, other); }
    public Value sub(double other) { return sub(of(other)); }
    public Value mul(Value other) { return binary(Op.MUL, this, other); }
    public Value mul(double other) { return mul(of(other)); }
    public Value div(Value other) { return binary(Op.DIV, this, other); }
    public Value div(double other) { return div(of(other)); }
    /** {@code this^other}; see {@link Op} for non-positive bases. */
    public Value pow(Value other) { return binary(Op.POW, this, other); }
    public Value neg() { return unary(Op.NEG, this); }
    public Value exp() { return unary(Op.EXP, this); }
    /** The natural logarithm: NaN below 0, -∞ at 0. */
    public Value log() { return unary(Op.LOG, this); }
    public Value relu() { return unary(Op.RELU, this); }
    public Value tanh() { return unary(Op.TANH, this); }
    public Value sigmoid() { return unary(Op.SIGMOID, this); }

    /** {@code this^k} for a constant exponent {@code k}. */
    public Value pow(double k) {
        return new Value(Op.apply(Op.POW_CONST, data, k), Op.POW_CONST, this, null, k);
    }

    public double data() { return data; }
    public double grad() { return grad; }
    public Op op() { return op; }

    /** The constant exponent of a {@link Op#POW_CONST} node (0 for other ops). */
    public double exponent() { return k; }

    /** The operands this node was computed from, in order (none for a leaf). */
    public List<Value> operands() {
        if (a == null) {
            return List.of();
        }
        return b == null ? List.of(a) : List.of(a, b);
    }

    public String label() { return label; }

    /** Names this node for graph drawings; returns {@code this}. */
    public Value label(String label) {
        this.label = label;
        return this;
    }

    /**
     * Changes a leaf's value, as an optimizer does with {@code p.data -= lr * p.grad}. Nodes already
     * computed from it keep their old values until they are computed again.
     */
    public void setData(double data) {
        if (op != Op.LEAF) {
            throw new IllegalStateException("only a leaf's data can be set, not a " + op + " node's");
        }
        this.data = data;
    }

    /**
     * Sets this node's gradient to 1 (leaves add 1) and adds d(this)/d(node) to the gradient of every
     * node this one depends on. The graph is laid out on a {@link Tape}, operands before results, and
     * the tape applies the chain rule from the last node to the first: nothing recurses, so graphs of
     * any depth work.
     */
    public void backward() {
        List<Value> order = topologicalOrder();
        Tape tape = new Tape(order.size());
        for (Value v : order) {
            v.slot = tape.record(v.op, v.data, v.a == null ? -1 : v.a.slot, v.b == null ? -1 : v.b.slot, v.k);
            if (v.op == Op.LEAF) {
                tape.setGrad(v.slot, v.grad);
            }
        }
        tape.backward(slot);
        for (Value v : order) {
            v.grad = tape.grad(v.slot);
        }
    }

    /** Sets the gradient of this node and of every node it depends on to 0. */
    public void zeroGrad() {
        for (Value v : topologicalOrder()) {
            v.grad = 0;
        }
    }

    /**
     * Every node this one depends on, itself last, each after its operands; an explicit stack, not
     * recursion, so a chain of a million nodes needs no deep call stack.
     */
    public List<Value> topologicalOrder() {
        Object visit = new Object();
        List<Value> order = new ArrayList<>();
        ArrayDeque<Value> stack = new ArrayDeque<>();
        ArrayDeque<Boolean> expanded = new ArrayDeque<>();
        stack.push(this);
        expanded.push(false);
        while (!stack.isEmpty()) {
            Value v = stack.pop();
            boolean done = expanded.pop();
            if (done) {
                order.add(v);
                continue;
            }
            if (v.visitedBy == visit) {
                continue;
            }
            v.visitedBy = visit;
            stack.push(v);
            expanded.push(true);
            List<Value> ops = v.operands();
            for (int i = ops.size() - 1; i >= 0; i--) {
                if (ops.get(i).visitedBy != visit) {
                    stack.push(ops.get(i));
                    expanded.push(false);
                }
            }
        }
        return Collections.unmodifiableList(order);
    }

    /** The sum of values, as one chain of additions (0 for an empty list). */
    public static Value sum(List<Value> values) {
        Value total = values.isEmpty() ? of(0) : values.get(0);
        for (int i = 1; i < values.size(); i++) {
            total = total.add(values.get(i));
        }
        return total;
    }

    @Override
    public String toString() {
        return "Value(data=" + data + ", grad=" + grad + ")";
    }
}
