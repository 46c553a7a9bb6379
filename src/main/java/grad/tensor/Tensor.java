package grad.tensor;

import grad.engine.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * A shaped, row-major array of {@link Value}s with PyTorch's names and semantics: r-nn's point that a
 * tensor library needs no backward formulas of its own. Every op here builds its result out of
 * {@code Value} operations ({@code matmul} is dots of {@code mul} and {@code add}, {@code softmax} is
 * {@code exp} and {@code div}, {@code transpose} only rearranges the same {@code Value}s), so
 * {@link #backward()} is {@link Value#backward()} and a matrix's gradient is the gradients of its
 * elements.
 *
 * <pre>{@code
 * import java.util.Random;
 * Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
 * Tensor w = Tensor.randn(new Random(0), 3, 4), b = Tensor.zeros(4);
 * Tensor loss = x.matmul(w).add(b).tanh().logSoftmax(1).crossEntropy(new int[] {0, 3});
 * loss.backward();          // w.grad(), b.grad(): dloss/dw, dloss/db, row-major
 * System.out.printf("%.4f%n", loss.item());   // 1.1637
 * }</pre>
 *
 * <p>Tensors are immutable: an op returns a new tensor, and the {@code Value}s of a tensor are the
 * nodes that computed them. Elementwise ops broadcast as NumPy and PyTorch do (shapes aligned at the
 * right, a size of 1 stretched); a negative dimension counts from the end. A tensor of shape {@code []}
 * holds one number ({@link #scalar}, {@link #sum()}). Shape errors are {@link IllegalArgumentException}s
 * naming the op and the shapes: {@code matmul: shapes [4, 3] and [4, 5] cannot be multiplied}.
 */
public final class Tensor {
    private static final Tensor[] NONE = {};

    private final Value[] values;
    private final int[] shape;
    private String op;
    private Tensor[] inputs;
    private String label;

    /** A leaf. Trusts its arguments: {@code values} is row-major for {@code shape}, and neither is changed afterwards. */
    Tensor(Value[] values, int[] shape) {
        this(values, shape, "leaf");
    }

    /** The result of {@code op} (a name for drawings) on {@code inputs}. */
    Tensor(Value[] values, int[] shape, String op, Tensor... inputs) {
        this.values = values;
        this.shape = shape;
        this.op = op;
        this.inputs = inputs.length == 0 ? NONE : inputs;
    }

    /** Records this tensor as made by {@code op} on {@code inputs}, for an op built of other tensor ops; returns {@code this}. */
    Tensor madeBy(String op, Tensor... inputs) {
        this.op = op;
        this.inputs = inputs;
        return this;
    }

    // ---- create

    /** A tensor of new leaves holding {@code data} (row-major) in the given shape. */
    public static Tensor of(double[] data, int... shape) {
        int[] s = Shape.check("of", shape);
        if (data.length != Shape.numel(s)) {
            throw new IllegalArgumentException("of: " + data.length + " numbers do not fill shape " + Shape.str(s));
        }
        Value[] v = new Value[data.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Value.of(data[i]);
        }
        return new Tensor(v, s);
    }

    /** A tensor of the given {@code Value}s themselves (row-major): gradients flow back into them. */
    public static Tensor of(List<Value> values, int... shape) {
        int[] s = Shape.check("of", shape);
        if (values.size() != Shape.numel(s)) {
            throw new IllegalArgumentException("of: " + values.size() + " values do not fill shape " + Shape.str(s));
        }
        return new Tensor(values.toArray(new Value[0]), s);
    }

    /** A one-element tensor of shape {@code []}. */
    public static Tensor scalar(double x) {
        return of(new double[] {x});
    }

    /** A tensor of zeros. */
    public static Tensor zeros(int... shape) {
        return full(0, shape);
    }

    /** A tensor of ones. */
    public static Tensor ones(int... shape) {
        return full(1, shape);
    }

    /** A tensor whose every element is {@code x} (each its own leaf). */
    public static Tensor full(double x, int... shape) {
        double[] data = new double[Shape.numel(Shape.check("full", shape))];
        Arrays.fill(data, x);
        return of(data, shape);
    }

    /** Standard normal samples drawn from {@code random} in row-major order. */
    public static Tensor randn(Random random, int... shape) {
        double[] data = new double[Shape.numel(Shape.check("randn", shape))];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextGaussian();
        }
        return of(data, shape);
    }

    /** {@code [0, 1, …, n − 1]}, as {@code torch.arange(n)} (in doubles). */
    public static Tensor arange(int n) {
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = i;
        }
        return of(data, n);
    }

    // ---- read

    /** The sizes of the dimensions (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** The size of one dimension, a negative one counting from the end. */
    public int size(int dim) {
        return shape[Shape.dim("size", dim, shape.length)];
    }

    /** The number of dimensions (0 for a one-element tensor of shape {@code []}). */
    public int dim() {
        return shape.length;
    }

    /** The number of elements. */
    public int numel() {
        return values.length;
    }

    /** The elements' values, row-major (a copy). */
    public double[] data() {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i].data();
        }
        return out;
    }

    /** The elements' gradients after {@link #backward()}, row-major like {@link #data()}. */
    public double[] grad() {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i].grad();
        }
        return out;
    }

    /** The value of a one-element tensor. */
    public double item() {
        requireOneElement("item");
        return values[0].data();
    }

    /** The element at {@code index} (one index per dimension, negative ones counting from the end): the node itself, to read, label or draw. */
    public Value value(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("value: " + index.length + " indices for shape " + Shape.str(shape));
        }
        int flat = 0;
        for (int d = 0; d < shape.length; d++) {
            int i = index[d] < 0 ? index[d] + shape[d] : index[d];
            if (i < 0 || i >= shape[d]) {
                throw new IllegalArgumentException("value: index " + Arrays.toString(index) + " out of range for shape " + Shape.str(shape));
            }
            flat = flat * shape[d] + i;
        }
        return values[flat];
    }

    /** The elements themselves, row-major (an unmodifiable list): a module's parameters, a compiler's roots. */
    public List<Value> values() {
        return List.of(values);
    }

    // ---- elementwise

    /** {@code this + other}, broadcast. */
    public Tensor add(Tensor other) { return zip("add", other, Value::add); }
    /** {@code this + x} for every element. */
    public Tensor add(double x) { Value k = Value.of(x); return map("add " + x, v -> v.add(k)); }
    /** {@code this − other}, broadcast. */
    public Tensor sub(Tensor other) { return zip("sub", other, Value::sub); }
    /** {@code this − x} for every element. */
    public Tensor sub(double x) { Value k = Value.of(x); return map("sub " + x, v -> v.sub(k)); }
    /** {@code this · other} elementwise, broadcast. */
    public Tensor mul(Tensor other) { return zip("mul", other, Value::mul); }
    /** {@code this · x} for every element. */
    public Tensor mul(double x) { Value k = Value.of(x); return map("mul " + x, v -> v.mul(k)); }
    /** {@code this / other} elementwise, broadcast. */
    public Tensor div(Tensor other) { return zip("div", other, Value::div); }
    /** {@code this / x} for every element. */
    public Tensor div(double x) { Value k = Value.of(x); return map("div " + x, v -> v.div(k)); }
    /** {@code −this}. */
    public Tensor neg() { return map("neg", Value::neg); }
    /** {@code e^this}. */
    public Tensor exp() { return map("exp", Value::exp); }
    /** The natural logarithm (NaN below 0, −∞ at 0). */
    public Tensor log() { return map("log", Value::log); }
    /** {@code this^p} for every element. */
    public Tensor pow(double p) { Value k = Value.of(p); return map("pow " + p, v -> v.pow(k)); }
    /** The square root, as {@code this^0.5}. */
    public Tensor sqrt() { return pow(0.5); }
    /** {@code max(0, this)}. */
    public Tensor relu() { return map("relu", Value::relu); }
    /** The hyperbolic tangent. */
    public Tensor tanh() { return map("tanh", Value::tanh); }
    /** The logistic function {@code 1 / (1 + e^−this)}. */
    public Tensor sigmoid() { return map("sigmoid", Value::sigmoid); }

    /** The same numbers as constants: no gradient flows back through the result ({@code torch.Tensor.detach}). */
    public Tensor detach() { return map("detach", Value::detach); }

    private Tensor map(String op, UnaryOperator<Value> f) {
        Value[] out = new Value[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.apply(values[i]);
        }
        return new Tensor(out, shape, op, this);
    }

    private Tensor zip(String op, Tensor other, BinaryOperator<Value> f) {
        int[] out = Shape.broadcast(op, shape, other.shape);
        int[] ia = Shape.broadcastIndex(out, shape), ib = Shape.broadcastIndex(out, other.shape);
        Value[] result = new Value[ia.length];
        for (int i = 0; i < result.length; i++) {
            result[i] = f.apply(values[ia[i]], other.values[ib[i]]);
        }
        return new Tensor(result, out, op, this, other);
    }

    // ---- matmul

    /**
     * The matrix product, as {@code torch.matmul}: vector·vector is a dot (shape {@code []}), a vector
     * first is one row and a vector second one column (that dimension dropped from the result), and
     * dimensions before the last two are batch dimensions that broadcast. Each output element is one
     * chain {@code a₀·b₀ + a₁·b₁ + …}.
     */
    public Tensor matmul(Tensor other) {
        return MatMul.matmul(this, other);
    }

    // ---- reductions

    /** The sum of every element, as a tensor of shape {@code []}. */
    public Tensor sum() { return Reduce.sumAll(this); }
    /** The sums along {@code dim}, which is removed. */
    public Tensor sum(int dim) { return Reduce.sum(this, dim, false); }
    /** The sums along {@code dim}, which is kept with size 1 if {@code keepdim}. */
    public Tensor sum(int dim, boolean keepdim) { return Reduce.sum(this, dim, keepdim); }
    /** The mean of every element, as a tensor of shape {@code []}. */
    public Tensor mean() { return sum().div(values.length).madeBy("mean", this); }
    /** The means along {@code dim}, which is removed. */
    public Tensor mean(int dim) { return Reduce.mean(this, dim, false); }
    /** The means along {@code dim}, which is kept with size 1 if {@code keepdim}. */
    public Tensor mean(int dim, boolean keepdim) { return Reduce.mean(this, dim, keepdim); }
    /** The maxima along {@code dim} (the values of {@code torch.max(x, dim)}), which is removed; a tie sends the gradient to the first. */
    public Tensor max(int dim) { return Reduce.max(this, dim, false); }
    /** The maxima along {@code dim}, which is kept with size 1 if {@code keepdim}. */
    public Tensor max(int dim, boolean keepdim) { return Reduce.max(this, dim, keepdim); }

    // ---- shape

    /** The same elements in another shape with as many elements; one size may be −1, worked out from the others. */
    public Tensor reshape(int... shape) { return Layout.reshape(this, shape); }
    /** Dimensions {@code dim0} and {@code dim1} swapped. */
    public Tensor transpose(int dim0, int dim1) { return Layout.transpose(this, dim0, dim1); }
    /** The dimensions in the order {@code dims} (a permutation of 0 … {@link #dim()} − 1). */
    public Tensor permute(int... dims) {
        if (dims.length != shape.length) {
            throw new IllegalArgumentException("permute: " + dims.length + " dimensions for shape " + Shape.str(shape));
        }
        int[] perm = new int[dims.length];
        boolean[] seen = new boolean[dims.length];
        for (int i = 0; i < dims.length; i++) {
            perm[i] = Shape.dim("permute", dims[i], shape.length);
            if (seen[perm[i]]) {
                throw new IllegalArgumentException("permute: dimension " + dims[i] + " repeated in " + Arrays.toString(dims));
            }
            seen[perm[i]] = true;
        }
        return Layout.permute(this, perm);
    }

    /** A new dimension of size 1 at {@code dim} (from −{@code dim()}−1 to {@code dim()}). */
    public Tensor unsqueeze(int dim) {
        int d = Shape.dim("unsqueeze", dim, shape.length + 1);
        return new Tensor(values, Shape.with(shape, d, 1), "unsqueeze(" + dim + ")", this);
    }

    /** Dimension {@code dim} removed if its size is 1; otherwise the same tensor, as in PyTorch. */
    public Tensor squeeze(int dim) {
        if (shape.length == 0) {
            return this;
        }
        int d = Shape.dim("squeeze", dim, shape.length);
        return shape[d] == 1 ? new Tensor(values, Shape.without(shape, d), "squeeze(" + dim + ")", this) : this;
    }

    /** The tensors joined along {@code dim}; all other sizes must be equal. */
    public static Tensor cat(List<Tensor> tensors, int dim) { return Layout.cat(tensors, dim); }
    /** Tensors of one shape joined along a new dimension {@code dim}. */
    public static Tensor stack(List<Tensor> tensors, int dim) { return Layout.stack(tensors, dim); }
    /** Positions {@code from} (inclusive) to {@code to} (exclusive) along {@code dim}, as {@code x[..., from:to]}: negative bounds count from the end, and bounds are clamped. */
    public Tensor slice(int dim, int from, int to) { return Layout.slice(this, dim, from, to); }

    // ---- softmax, losses, lookups

    /** {@code exp(x − max) / Σ exp(x − max)} along {@code dim}; the max is detached, as every softmax in grad subtracts it. */
    public Tensor softmax(int dim) {
        Tensor e = sub(max(dim, true).detach()).exp();
        return e.div(e.sum(dim, true)).madeBy("softmax(dim=" + dim + ")", this);
    }

    /** {@code (x − max) − log Σ exp(x − max)} along {@code dim}, the max detached. */
    public Tensor logSoftmax(int dim) {
        Tensor shifted = sub(max(dim, true).detach());
        return shifted.sub(shifted.exp().sum(dim, true).log()).madeBy("logSoftmax(dim=" + dim + ")", this);
    }

    /**
     * The mean over rows of {@code −log softmax(row)[target]} for logits of shape {@code [N, C]}, as
     * {@code torch.nn.functional.cross_entropy}: a tensor of shape {@code []}.
     */
    public Tensor crossEntropy(int[] targets) {
        if (shape.length != 2 || targets.length != shape[0]) {
            throw new IllegalArgumentException("crossEntropy: logits of shape " + Shape.str(shape) + " and "
                    + targets.length + " targets (expected logits [N, C] and N targets)");
        }
        Tensor logp = logSoftmax(1);
        List<Value> picked = new ArrayList<>(targets.length);
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] < 0 || targets[i] >= shape[1]) {
                throw new IllegalArgumentException("crossEntropy: target " + targets[i] + " out of range for " + shape[1] + " classes");
            }
            picked.add(logp.values[i * shape[1] + targets[i]]);
        }
        return new Tensor(new Value[] {Value.sum(picked).neg().div(targets.length)}, new int[0], "crossEntropy", this);
    }

    /** The rows {@code ids} of a 2-D tensor, as an embedding lookup: shape {@code [ids.length, size(1)]}, the rows' own Values. */
    public Tensor rows(int[] ids) { return Layout.rows(this, ids); }

    /**
     * The rows of a 2-D tensor at the ids held by a 1-D tensor {@code ids} (e.g. token ids fed to a compiled
     * program as inputs), as an embedding lookup {@code table[ids]}: shape {@code [ids.numel(), size(1)]},
     * each element a {@link Value#pick} of its column by its id, so one program serves every id.
     */
    public Tensor rows(Tensor ids) { return Layout.rows(this, ids); }

    /**
     * {@code value} where {@code mask} is true, this tensor elsewhere (the filled places get no
     * gradient). The mask is row-major over the last dimensions of this shape and repeats over the
     * leading ones, as PyTorch broadcasts a mask of those dimensions: a {@code [T, T]} causal mask for
     * scores of shape {@code [B, T, T]} has {@code T·T} elements.
     */
    public Tensor maskedFill(boolean[] mask, double value) {
        return Layout.maskedFill(this, mask, Layout.trailingShape(shape, mask.length), value);
    }

    /** {@link #maskedFill(boolean[], double)} with the mask's shape given: any shape that broadcasts to this one. */
    public Tensor maskedFill(boolean[] mask, int[] maskShape, double value) {
        return Layout.maskedFill(this, mask, maskShape, value);
    }

    // ---- gradients

    /** Back-propagates from this one-element tensor: every Value it depends on receives d(this)/d(value) (leaves accumulate). */
    public void backward() {
        requireOneElement("backward");
        values[0].backward();
    }

    /** Sets the gradient of each element to 0, as an optimizer's {@code zero_grad} does for a parameter. */
    public void zeroGrad() {
        for (Value v : values) {
            v.setGrad(0);
        }
    }

    private void requireOneElement(String op) {
        if (values.length != 1) {
            throw new IllegalArgumentException(op + ": expected a one-element tensor, got shape " + Shape.str(shape));
        }
    }

    /** The name of the op that made this tensor ({@code matmul}, {@code sum(dim=1)}, …), {@code leaf} for one made by a factory. */
    public String op() {
        return op;
    }

    /** The tensors this one was computed from, in order (none for a leaf): the tensor-level graph, which drawings show. */
    public List<Tensor> inputs() {
        return List.of(inputs);
    }

    /** The name given with {@link #label(String)}, or null. */
    public String label() {
        return label;
    }

    /** Names this tensor for graph drawings ({@code "W1"}, {@code "x"}); returns {@code this}. */
    public Tensor label(String label) {
        this.label = label;
        return this;
    }

    int[] shapeRef() {
        return shape;
    }

    Value[] valuesRef() {
        return values;
    }

    /** {@code tensor([…], shape=[…])} with up to 6 values shown. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("tensor([");
        for (int i = 0; i < Math.min(6, values.length); i++) {
            s.append(i == 0 ? "" : ", ").append(values[i].data());
        }
        return s.append(values.length > 6 ? ", …" : "").append("], shape=").append(Shape.str(shape)).append(")").toString();
    }
}
