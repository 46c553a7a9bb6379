package grad.tensor;

import grad.engine.Value;
import java.util.function.BinaryOperator;

/** Reductions along one dimension: each output element folds its line of inputs, first to last. */
final class Reduce {
    private Reduce() {
    }

    static Tensor fold(String op, Tensor t, int dim, boolean keepdim, BinaryOperator<Value> f) {
        int[] shape = t.shapeRef();
        int d = Shape.dim(op, dim, shape.length);
        int n = shape[d];
        if (n == 0) {
            throw new IllegalArgumentException(op + ": cannot reduce dimension " + dim + " of size 0 in shape " + Shape.str(shape));
        }
        int outer = Shape.outer(shape, d);
        int inner = Shape.inner(shape, d);
        Value[] in = t.valuesRef();
        Value[] out = new Value[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < inner; j++) {
                int base = o * n * inner + j;
                Value acc = in[base];
                for (int k = 1; k < n; k++) {
                    acc = f.apply(acc, in[base + k * inner]);
                }
                out[o * inner + j] = acc;
            }
        }
        return new Tensor(out, keepdim ? Shape.replaced(shape, d, 1) : Shape.without(shape, d));
    }

    static Tensor sum(Tensor t, int dim, boolean keepdim) {
        return fold("sum", t, dim, keepdim, Value::add);
    }

    static Tensor mean(Tensor t, int dim, boolean keepdim) {
        int n = t.shapeRef()[Shape.dim("mean", dim, t.dim())];
        return fold("mean", t, dim, keepdim, Value::add).div(n);
    }

    static Tensor max(Tensor t, int dim, boolean keepdim) {
        return fold("max", t, dim, keepdim, Value::max);
    }

    /** The sum of every element, as one chain of additions in row-major order: a tensor of shape []. */
    static Tensor sumAll(Tensor t) {
        Value[] in = t.valuesRef();
        Value acc = in.length == 0 ? Value.of(0) : in[0];
        for (int i = 1; i < in.length; i++) {
            acc = acc.add(in[i]);
        }
        return new Tensor(new Value[] {acc}, new int[0]);
    }
}
