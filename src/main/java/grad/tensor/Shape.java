package grad.tensor;

import java.util.Arrays;

/** Shape arithmetic: sizes, dimensions counted from the end, broadcasting, and the words of shape errors. */
final class Shape {
    private Shape() {
    }

    static int numel(int[] shape) {
        int n = 1;
        for (int size : shape) {
            n = Math.multiplyExact(n, size);
        }
        return n;
    }

    static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    static int[] check(String op, int[] shape) {
        for (int size : shape) {
            if (size < 0) {
                throw new IllegalArgumentException(op + ": negative size in shape " + str(shape));
            }
        }
        return shape.clone();
    }

    /** {@code dim} of a tensor of {@code rank} dimensions as an index from 0, a negative one counting from the end. */
    static int dim(String op, int dim, int rank) {
        int d = dim < 0 ? dim + rank : dim;
        if (d < 0 || d >= rank) {
            throw new IllegalArgumentException(op + ": dimension " + dim + " out of range for a tensor of "
                    + rank + " dimension" + (rank == 1 ? "" : "s"));
        }
        return d;
    }

    /** The product of the sizes before {@code dim}. */
    static int outer(int[] shape, int dim) {
        return numel(Arrays.copyOfRange(shape, 0, dim));
    }

    /** The product of the sizes after {@code dim}. */
    static int inner(int[] shape, int dim) {
        return numel(Arrays.copyOfRange(shape, dim + 1, shape.length));
    }

    static int[] without(int[] shape, int dim) {
        int[] out = new int[shape.length - 1];
        System.arraycopy(shape, 0, out, 0, dim);
        System.arraycopy(shape, dim + 1, out, dim, shape.length - dim - 1);
        return out;
    }

    static int[] with(int[] shape, int dim, int size) {
        int[] out = new int[shape.length + 1];
        System.arraycopy(shape, 0, out, 0, dim);
        out[dim] = size;
        System.arraycopy(shape, dim, out, dim + 1, shape.length - dim);
        return out;
    }

    static int[] replaced(int[] shape, int dim, int size) {
        int[] out = shape.clone();
        out[dim] = size;
        return out;
    }

    /** NumPy's rule: shapes aligned at the right, each pair of sizes equal or one of them 1; {@code null} if they do not broadcast. */
    static int[] broadcastOrNull(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 1; i <= rank; i++) {
            int x = i <= a.length ? a[a.length - i] : 1;
            int y = i <= b.length ? b[b.length - i] : 1;
            if (x != y && x != 1 && y != 1) {
                return null;
            }
            out[rank - i] = x == 1 ? y : x;
        }
        return out;
    }

    static int[] broadcast(String op, int[] a, int[] b) {
        int[] out = broadcastOrNull(a, b);
        if (out == null) {
            throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b) + " cannot be broadcast together");
        }
        return out;
    }

    /**
     * For each element of a tensor of shape {@code out}, in row-major order, the row-major index of the
     * element of a tensor of shape {@code in} that broadcasting reads there ({@code in} must broadcast to
     * {@code out}).
     */
    static int[] broadcastIndex(int[] out, int[] in) {
        int rank = out.length;
        int[] stride = new int[rank];
        for (int i = in.length - 1, s = 1; i >= 0; i--) {
            stride[rank - in.length + i] = in[i] == 1 ? 0 : s;
            s *= in[i];
        }
        int n = numel(out);
        int[] index = new int[n];
        int[] counter = new int[rank];
        int at = 0;
        for (int k = 0; k < n; k++) {
            index[k] = at;
            for (int d = rank - 1; d >= 0; d--) {
                counter[d]++;
                at += stride[d];
                if (counter[d] < out[d]) {
                    break;
                }
                at -= stride[d] * counter[d];
                counter[d] = 0;
            }
        }
        return index;
    }
}
