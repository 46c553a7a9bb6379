package grad.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A scalar that remembers how it was computed, so that {@link #backward()} can send gradients back
 * through every operation that produced it: micrograd's {@code Value}, in Java, and the whole of grad's
 * autograd. Everything that trains in grad is defined with these operations; the {@link Compiler} only
 * makes the same arithmetic run fast.
 *
 * <pre>{@code
 * Value a = Value.of(-4.0), b = Value.of(2.0);
 * Value c = a.add(b).mul(b.pow(3));
 * c.backward();    // c.data() == -16, c.grad() == 1, a.grad() == 8, b.grad() == -16
 * }</pre>
 *
 * <p>Gradients accumulate: a node used twice receives both contributions, and the gradients of leaves
 * (values made with {@link #of}) add up across calls to {@code backward()}, as in PyTorch, until
 * {@link #zeroGrad()}. The gradients of intermediate nodes are recomputed by each call. Values are not
 * thread-safe, but nothing is shared between graphs, so threads can work on their own graphs at once.
 *
 * <p>Edge cases follow IEEE arithmetic and PyTorch: {@code log} of a negative number is NaN and of zero
 * is -∞ (its gradient +∞); {@code pow} with a negative base and a non-integer exponent is NaN; the
 * gradient of {@code a^b} with respect to {@code b} is {@code a^b·ln a}, taken as 0 for {@code a = 0}
 * with {@code b ≥ 0}; {@code relu}'s gradient at 0 is 0; {@code max} sends the gradient to its first
 * operand on a tie.
 */
public final class Value {
    private double data;
    private double grad;
    private final Op op;
    private final Value a;
    private final Value b;
    /** For {@link Op#PICK}: the values to pick from ({@code a} is the index), and the one picked. */
    private List<Value> options;
    private int picked;
    /** For {@link Op#DOT}: the first and the second factor of each product. */
    private Value[] firsts;
    private Value[] seconds;
    private String label;
    /** For a parameter bound to a {@link ParameterStore}: its data and gradient live in the store's arrays. */
    private ParameterStore store;
    private int slot;

    private Value(double data, Op op, Value a, Value b) {
        this.data = data;
        this.op = op;
        this.a = a;
        this.b = b;
    }

    /** A leaf: an input, a parameter or a constant. */
    public static Value of(double data) {
        return new Value(data, Op.LEAF, null, null);
    }

    /** A leaf with a name, shown in graph drawings. */
    public static Value of(double data, String label) {
        return of(data).label(label);
    }

    private static Value unary(Op op, Value a) {
        return new Value(forward(op, a.data(), 0), op, a, null);
    }

    private static Value binary(Op op, Value a, Value b) {
        return new Value(forward(op, a.data(), b.data()), op, a, b);
    }

    public Value add(Value other) { return binary(Op.ADD, this, other); }
    public Value add(double other) { return add(of(other)); }
    public Value sub(Value other) { return binary(Op.SUB, this, other); }
    public Value sub(double other) { return sub(of(other)); }
    public Value mul(Value other) { return binary(Op.MUL, this, other); }
    public Value mul(double other) { return mul(of(other)); }
    public Value div(Value other) { return binary(Op.DIV, this, other); }
    public Value div(double other) { return div(of(other)); }
    public Value pow(Value exponent) { return binary(Op.POW, this, exponent); }
    public Value pow(double exponent) { return pow(of(exponent)); }
    public Value neg() { return unary(Op.NEG, this); }
    public Value exp() { return unary(Op.EXP, this); }
    /** The natural logarithm: NaN below 0, -∞ at 0. */
    public Value log() { return unary(Op.LOG, this); }
    public Value relu() { return unary(Op.RELU, this); }
    public Value tanh() { return unary(Op.TANH, this); }
    public Value sigmoid() { return unary(Op.SIGMOID, this); }
    public Value max(Value other) { return binary(Op.MAX, this, other); }
    /** The same number as a constant to {@link #backward()}: no gradient flows back through it. */
    public Value detach() { return unary(Op.DETACH, this); }

    /**
     * {@code options[(int) index]}: an embedding lookup by a token id, or a target's logit by its class.
     * The gradient goes to the option picked, none to the index; a compiled program takes the index as an
     * input, so that one program serves every id.
     *
     * @throws IllegalArgumentException when the index is not one of the options' positions
     */
    public static Value pick(Value index, List<Value> options) {
        int i = (int) index.data();
        if (i != index.data() || i < 0 || i >= options.size()) {
            throw new IllegalArgumentException("index " + index.data() + " is not one of " + options.size() + " options");
        }
        Value v = new Value(options.get(i).data(), Op.PICK, index, null);
        v.options = List.copyOf(options);
        v.picked = i;
        return v;
    }

    /**
     * {@code firsts[0]·seconds[0] + firsts[1]·seconds[1] + …}, added left to right, as one node instead of
     * the 2n − 1 of the chain {@code firsts[0].mul(seconds[0]).add(firsts[1].mul(seconds[1]))…} (a neuron,
     * an element of a matrix product): the chain's number to the last bit, and its gradients too when no
     * factor is computed from a value that is itself a factor (else they agree to rounding: the chain
     * adds such a value's contributions in another order).
     *
     * @throws IllegalArgumentException when the lists are empty or of different sizes
     */
    public static Value dot(List<Value> firsts, List<Value> seconds) {
        int n = firsts.size();
        if (n == 0 || seconds.size() != n) {
            throw new IllegalArgumentException("a dot needs two lists of one size or more, not " + n + " and " + seconds.size());
        }
        Value v = new Value(0, Op.DOT, null, null);
        v.firsts = firsts.toArray(new Value[0]);
        v.seconds = seconds.toArray(new Value[0]);
        double sum = v.firsts[0].data() * v.seconds[0].data();
        for (int i = 1; i < n; i++) {
            sum += v.firsts[i].data() * v.seconds[i].data();
        }
        v.data = sum;
        return v;
    }

    // The math of every op, in three tables with one row per op: the value it computes from its operands
    // a and b, and, given the gradient g of that value (and the value itself, out), the gradient it sends
    // back to a and to b — g times the op's local derivative, the chain rule.

    static double forward(Op op, double a, double b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW -> b == 2.0 ? a * a : Math.pow(a, b);
            case NEG -> -a;
            case EXP -> Math.exp(a);
            case LOG -> Math.log(a);
            case RELU -> a > 0 ? a : 0.0;
            case TANH -> Math.tanh(a);
            case SIGMOID -> a >= 0 ? 1.0 / (1.0 + Math.exp(-a)) : Math.exp(a) / (1.0 + Math.exp(a));
            case MAX -> Math.max(a, b);
            case DETACH -> a;
            case LEAF, DOT, PICK -> throw new IllegalArgumentException(op + " is not a unary or binary op");
        };
    }

    static double gradToA(Op op, double g, double a, double b, double out) {
        return switch (op) {
            case ADD, SUB -> g;
            case MUL -> g * b;
            case DIV -> g / b;
            case POW -> b == 0.0 ? 0.0 : g * (b * (b == 2.0 ? a : Math.pow(a, b - 1)));   // b·a^(b−1)
            case NEG -> -g;
            case EXP -> g * out;
            case LOG -> g / a;
            case RELU -> a > 0 ? g : 0.0;
            case TANH -> g * (1 - out * out);
            case SIGMOID -> g * (1 - out) * out;
            case MAX -> a >= b ? g : 0.0;
            case DETACH -> 0.0;
            case LEAF, DOT, PICK -> throw new IllegalArgumentException(op + " is not a unary or binary op");
        };
    }

    static double gradToB(Op op, double g, double a, double b, double out) {
        return switch (op) {
            case ADD -> g;
            case SUB -> -g;
            case MUL -> g * a;
            case DIV -> -(g * ((a / b) / b));                                        // −a/b²
            case POW -> a == 0.0 && b >= 0 ? 0.0 : g * (out * Math.log(a));          // a^b·ln a
            case MAX -> a >= b ? 0.0 : g;
            default -> throw new IllegalArgumentException(op + " has no second operand");
        };
    }

    /**
     * Sets this node's gradient to 1 (a leaf's grows by 1) and adds d(this)/d(node) to the gradient of
     * every node this one depends on: the nodes in topological order, then the chain rule applied to each
     * from the last to the first, so that a node has received every contribution before it passes its
     * gradient on. Nothing recurses, so graphs of any depth work.
     */
    public void backward() {
        List<Value> order = topologicalOrder();
        for (Value v : order) {
            if (v.op != Op.LEAF) {
                v.grad = 0;
            }
        }
        addGrad(1);
        for (int i = order.size() - 1; i >= 0; i--) {
            Value v = order.get(i);
            if (v.op == Op.PICK) {
                v.options.get(v.picked).addGrad(v.grad);   // d(pick)/d(the option picked) = 1
            } else if (v.op == Op.DOT) {
                for (int t = v.firsts.length - 1; t >= 0; t--) {   // as the chain's products, last first
                    double first = v.firsts[t].data();
                    double second = v.seconds[t].data();
                    v.firsts[t].addGrad(v.grad * second);
                    v.seconds[t].addGrad(v.grad * first);
                }
            } else if (v.a != null) {
                double aData = v.a.data();
                double bData = v.b == null ? 0 : v.b.data();
                v.a.addGrad(gradToA(v.op, v.grad, aData, bData, v.data));
                if (v.b != null) {
                    v.b.addGrad(gradToB(v.op, v.grad, aData, bData, v.data));
                }
            }
        }
    }

    public double data() { return store == null ? data : store.data()[slot]; }
    public double grad() { return store == null ? grad : store.grad()[slot]; }

    private void addGrad(double g) {
        if (store == null) {
            grad += g;
        } else {
            store.grad()[slot] += g;
        }
    }
    public Op op() { return op; }

    /**
     * The operands this node was computed from, in order (none for a leaf; a pick's index, then its
     * options; a dot's factors, product by product).
     */
    public List<Value> operands() {
        if (op == Op.DOT) {
            List<Value> all = new ArrayList<>(2 * firsts.length);
            for (int t = 0; t < firsts.length; t++) {
                all.add(firsts[t]);
                all.add(seconds[t]);
            }
            return all;
        }
        if (op == Op.PICK) {
            List<Value> all = new ArrayList<>(options.size() + 1);
            all.add(a);
            all.addAll(options);
            return all;
        }
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
        if (store == null) {
            this.data = data;
        } else {
            store.data()[slot] = data;
        }
    }

    /** Sets this node's gradient (an optimizer's {@code p.grad = 0}). */
    public void setGrad(double grad) {
        if (store == null) {
            this.grad = grad;
        } else {
            store.grad()[slot] = grad;
        }
    }

    /** Sets the gradient of this node and of every node it depends on to 0. */
    public void zeroGrad() {
        for (Value v : topologicalOrder()) {
            v.setGrad(0);
        }
    }

    /** Whether this leaf is a view of a slot of {@code store}. */
    boolean isIn(ParameterStore store) {
        return this.store == store;
    }

    /** The slot of {@link #store} this leaf is a view of. */
    int slot() {
        return slot;
    }

    /**
     * Makes this leaf a view of slot {@code slot} of {@code store}: its data and gradient are read from and
     * written to the store's arrays from now on (its current data and gradient are moved there first).
     */
    void bind(ParameterStore store, int slot) {
        if (op != Op.LEAF) {
            throw new IllegalStateException("only a leaf can be a parameter, not a " + op + " node");
        }
        if (this.store != null) {
            throw new IllegalStateException("this parameter is already in a parameter store");
        }
        store.data()[slot] = data;
        store.grad()[slot] = grad;
        this.store = store;
        this.slot = slot;
    }

    /**
     * Every node this one depends on, itself last, each after its operands (operands in order); an
     * explicit stack, not recursion, so a chain of a million nodes needs no deep call stack.
     */
    public List<Value> topologicalOrder() {
        return topologicalOrder(List.of(this));
    }

    /** Every node the roots depend on, each after its operands, the roots' graphs in the order given. */
    public static List<Value> topologicalOrder(List<Value> roots) {
        List<Value> order = new ArrayList<>();
        Set<Value> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Value> stack = new ArrayDeque<>();
        ArrayDeque<Boolean> expanded = new ArrayDeque<>();
        for (Value root : roots) {
            stack.push(root);
            expanded.push(false);
            while (!stack.isEmpty()) {
                Value v = stack.pop();
                if (expanded.pop()) {
                    order.add(v);
                } else if (visited.add(v)) {
                    stack.push(v);
                    expanded.push(true);
                    List<Value> ops = v.operands();
                    for (int i = ops.size() - 1; i >= 0; i--) {
                        if (!visited.contains(ops.get(i))) {
                            stack.push(ops.get(i));
                            expanded.push(false);
                        }
                    }
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
