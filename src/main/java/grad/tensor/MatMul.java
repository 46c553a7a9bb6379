package grad.tensor;

import grad.engine.Value;
import java.util.Arrays;

/**
 * {@code torch.matmul}: a vector is a matrix of one row (first operand) or one column (second) whose
 * extra dimension is dropped from the result; dimensions before the last two are batch dimensions, which
 * broadcast. Each output element is the dot {@code a₀·b₀ + a₁·b₁ + …}, one {@link Value#dot} node (the
 * numbers of the chain of multiplications and additions in order, in one node instead of 2k − 1). Each
 * product is taken as {@code bₜ·aₜ} (the same number): for {@code x.matmul(w)} every output element of a
 * row of {@code x} is then a neuron {@code Σ wₜ·xₜ} over that row, and the compiler fuses the row's
 * neurons into one dense layer, as it does for {@link grad.nn.MLP}.
 */
final class MatMul {
    private MatMul() {
    }

    static Tensor matmul(Tensor x, Tensor y) {
        int[] xs = x.shapeRef(), ys = y.shapeRef();
        String error = "matmul: shapes " + Shape.str(xs) + " and " + Shape.str(ys) + " cannot be multiplied";
        if (xs.length == 0 || ys.length == 0) {
            throw new IllegalArgumentException(error + " (both need at least one dimension)");
        }
        int[] a = xs.length == 1 ? new int[] {1, xs[0]} : xs;
        int[] b = ys.length == 1 ? new int[] {ys[0], 1} : ys;
        int n = a[a.length - 2], k = a[a.length - 1], m = b[b.length - 1];
        if (k != b[b.length - 2]) {
            throw new IllegalArgumentException(error);
        }
        int[] batchA = Arrays.copyOf(a, a.length - 2), batchB = Arrays.copyOf(b, b.length - 2);
        int[] batch = Shape.broadcastOrNull(batchA, batchB);
        if (batch == null) {
            throw new IllegalArgumentException(error);
        }
        Value[] out = products(x.valuesRef(), Shape.broadcastIndex(batch, batchA), y.valuesRef(),
                Shape.broadcastIndex(batch, batchB), n, k, m);
        return new Tensor(out, resultShape(batch, xs.length == 1 ? -1 : n, ys.length == 1 ? -1 : m), "matmul", x, y);
    }

    private static Value[] products(Value[] a, int[] batchA, Value[] b, int[] batchB, int n, int k, int m) {
        Value[] out = new Value[batchA.length * n * m];
        int at = 0;
        for (int p = 0; p < batchA.length; p++) {
            int offA = batchA[p] * n * k, offB = batchB[p] * k * m;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    out[at++] = dot(a, offA + i * k, 1, b, offB + j, m, k);
                }
            }
        }
        return out;
    }

    /**
     * {@code Σ b[i]·a[i]} over {@code k} elements read with the given strides, as one {@link Value#dot}
     * (the numbers of the chain {@code b₀·a₀ + b₁·a₁ + …}); a plain product for {@code k = 1}, 0 for
     * {@code k = 0}.
     */
    static Value dot(Value[] a, int offA, int strideA, Value[] b, int offB, int strideB, int k) {
        if (k == 0) {
            return Value.of(0);
        }
        if (k == 1) {
            return b[offB].mul(a[offA]);
        }
        Value[] firsts = new Value[k];
        Value[] seconds = new Value[k];
        for (int t = 0; t < k; t++) {
            firsts[t] = b[offB + t * strideB];
            seconds[t] = a[offA + t * strideA];
        }
        return Value.dot(Arrays.asList(firsts), Arrays.asList(seconds));
    }

    private static int[] resultShape(int[] batch, int n, int m) {
        int[] out = Arrays.copyOf(batch, batch.length + (n < 0 ? 0 : 1) + (m < 0 ? 0 : 1));
        int at = batch.length;
        if (n >= 0) {
            out[at++] = n;
        }
        if (m >= 0) {
            out[at] = m;
        }
        return out;
    }
}
