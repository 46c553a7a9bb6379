package grad.tensor;

import grad.engine.Value;
import java.util.Arrays;
import java.util.List;

/**
 * Ops that only move elements: the result holds the very same {@link Value}s, rearranged, so their
 * gradients flow back with no arithmetic at all.
 */
final class Layout {
    private Layout() {
    }

    static Tensor reshape(Tensor t, int[] newShape) {
        int[] shape = newShape.clone();
        int unknown = -1, known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1 && unknown < 0) {
                unknown = i;
            } else if (shape[i] < 0) {
                throw new IllegalArgumentException("reshape: invalid shape " + Shape.str(newShape) + " (at most one -1, no other negative size)");
            } else {
                known *= shape[i];
            }
        }
        if (unknown >= 0 && known != 0 && t.numel() % known == 0) {
            shape[unknown] = t.numel() / known;
        }
        if (unknown >= 0 && shape[unknown] < 0 || Shape.numel(shape) != t.numel()) {
            throw new IllegalArgumentException("reshape: shape " + Shape.str(t.shapeRef()) + " (" + t.numel()
                    + " elements) cannot be reshaped to " + Shape.str(newShape));
        }
        return new Tensor(t.valuesRef(), shape, "reshape", t);
    }

    /** The tensor with its dimensions in the order {@code perm} (a permutation of 0 … rank − 1). */
    static Tensor permute(Tensor t, int[] perm) {
        int[] shape = t.shapeRef();
        int rank = shape.length;
        int[] strides = new int[rank];
        for (int d = rank - 1, s = 1; d >= 0; d--) {
            strides[d] = s;
            s *= shape[d];
        }
        int[] outShape = new int[rank], outStrides = new int[rank];
        for (int d = 0; d < rank; d++) {
            outShape[d] = shape[perm[d]];
            outStrides[d] = strides[perm[d]];
        }
        Value[] in = t.valuesRef();
        Value[] out = new Value[in.length];
        int[] counter = new int[rank];
        int at = 0;
        for (int k = 0; k < out.length; k++) {
            out[k] = in[at];
            for (int d = rank - 1; d >= 0; d--) {
                counter[d]++;
                at += outStrides[d];
                if (counter[d] < outShape[d]) {
                    break;
                }
                at -= outStrides[d] * counter[d];
                counter[d] = 0;
            }
        }
        return new Tensor(out, outShape, "permute", t);
    }

    static Tensor transpose(Tensor t, int dim0, int dim1) {
        int rank = t.dim();
        int a = Shape.dim("transpose", dim0, rank), b = Shape.dim("transpose", dim1, rank);
        int[] perm = new int[rank];
        for (int d = 0; d < rank; d++) {
            perm[d] = d;
        }
        perm[a] = b;
        perm[b] = a;
        return permute(t, perm).madeBy("transpose(" + dim0 + ", " + dim1 + ")", t);
    }

    static Tensor cat(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("cat: expected at least one tensor");
        }
        int[] first = tensors.get(0).shapeRef();
        int d = Shape.dim("cat", dim, first.length);
        int total = 0;
        for (Tensor t : tensors) {
            int[] s = t.shapeRef();
            if (s.length != first.length || !Arrays.equals(Shape.replaced(s, d, 0), Shape.replaced(first, d, 0))) {
                throw new IllegalArgumentException("cat: shapes " + Shape.str(first) + " and " + Shape.str(s)
                        + " cannot be concatenated along dimension " + dim);
            }
            total += s[d];
        }
        int outer = Shape.outer(first, d), inner = Shape.inner(first, d);
        Value[] out = new Value[outer * total * inner];
        int at = 0;
        for (int o = 0; o < outer; o++) {
            for (Tensor t : tensors) {
                int chunk = t.shapeRef()[d] * inner;
                System.arraycopy(t.valuesRef(), o * chunk, out, at, chunk);
                at += chunk;
            }
        }
        return new Tensor(out, Shape.replaced(first, d, total), "cat(dim=" + dim + ")", tensors.toArray(new Tensor[0]));
    }

    static Tensor stack(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("stack: expected at least one tensor");
        }
        int[] first = tensors.get(0).shapeRef();
        int d = Shape.dim("stack", dim, first.length + 1);
        for (Tensor t : tensors) {
            if (!Arrays.equals(t.shapeRef(), first)) {
                throw new IllegalArgumentException("stack: shapes " + Shape.str(first) + " and "
                        + Shape.str(t.shapeRef()) + " cannot be stacked (they must be equal)");
            }
        }
        return cat(tensors.stream().map(t -> t.unsqueeze(d)).toList(), d)
                .madeBy("stack(dim=" + dim + ")", tensors.toArray(new Tensor[0]));
    }

    /** Elements {@code from} (inclusive) to {@code to} (exclusive) along {@code dim}, negative bounds counting from the end, clamped as Python slices are. */
    static Tensor slice(Tensor t, int dim, int from, int to) {
        int[] shape = t.shapeRef();
        int d = Shape.dim("slice", dim, shape.length);
        int size = shape[d];
        int lo = clamp(from < 0 ? from + size : from, size);
        int hi = Math.max(lo, clamp(to < 0 ? to + size : to, size));
        int outer = Shape.outer(shape, d), inner = Shape.inner(shape, d);
        Value[] in = t.valuesRef();
        Value[] out = new Value[outer * (hi - lo) * inner];
        int chunk = (hi - lo) * inner;
        for (int o = 0; o < outer; o++) {
            System.arraycopy(in, (o * size + lo) * inner, out, o * chunk, chunk);
        }
        return new Tensor(out, Shape.replaced(shape, d, hi - lo), "slice(dim=" + dim + ", " + lo + ":" + hi + ")", t);
    }

    private static int clamp(int i, int size) {
        return Math.max(0, Math.min(size, i));
    }

    /** The rows of a 2-D tensor at the ids held by a 1-D tensor's Values: one {@link Value#pick} per element. */
    static Tensor rows(Tensor t, Tensor ids) {
        int[] shape = t.shapeRef();
        if (shape.length != 2 || ids.dim() != 1) {
            throw new IllegalArgumentException("rows: expected a 2-D tensor and 1-D ids, got shapes "
                    + Shape.str(shape) + " and " + Shape.str(ids.shape()));
        }
        int height = shape[0];
        int width = shape[1];
        List<List<Value>> columns = new java.util.ArrayList<>(width);
        for (int j = 0; j < width; j++) {
            Value[] column = new Value[height];
            for (int r = 0; r < height; r++) {
                column[r] = t.valuesRef()[r * width + j];
            }
            columns.add(List.of(column));
        }
        Value[] in = ids.valuesRef();
        Value[] out = new Value[in.length * width];
        for (int i = 0; i < in.length; i++) {
            for (int j = 0; j < width; j++) {
                out[i * width + j] = Value.pick(in[i], columns.get(j));
            }
        }
        return new Tensor(out, new int[] {in.length, width}, "rows", t);
    }

    static Tensor rows(Tensor t, int[] ids) {
        int[] shape = t.shapeRef();
        if (shape.length != 2) {
            throw new IllegalArgumentException("rows: expected a 2-D tensor, got shape " + Shape.str(shape));
        }
        int width = shape[1];
        Value[] out = new Value[ids.length * width];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= shape[0]) {
                throw new IllegalArgumentException("rows: index " + ids[i] + " out of range for shape " + Shape.str(shape));
            }
            System.arraycopy(t.valuesRef(), ids[i] * width, out, i * width, width);
        }
        return new Tensor(out, new int[] {ids.length, width}, "rows", t);
    }

    static Tensor maskedFill(Tensor t, boolean[] mask, int[] maskShape, double value) {
        int[] shape = t.shapeRef();
        int[] both = Shape.broadcastOrNull(shape, maskShape);
        if (mask.length != Shape.numel(maskShape) || both == null || !Arrays.equals(both, shape)) {
            throw new IllegalArgumentException("maskedFill: a mask of shape " + Shape.str(maskShape) + " ("
                    + mask.length + " elements) does not broadcast to shape " + Shape.str(shape));
        }
        int[] index = Shape.broadcastIndex(shape, maskShape);
        Value fill = Value.of(value);
        Value[] in = t.valuesRef();
        Value[] out = new Value[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = mask[index[i]] ? fill : in[i];
        }
        return new Tensor(out, shape.clone(), "maskedFill(" + value + ")", t);
    }

    /** The trailing part of {@code shape} with as many elements as the mask, for a mask given without a shape. */
    static int[] trailingShape(int[] shape, int elements) {
        for (int k = shape.length; k >= 0; k--) {
            if (Shape.numel(Arrays.copyOfRange(shape, k, shape.length)) == elements) {
                return Arrays.copyOfRange(shape, k, shape.length);
            }
        }
        return new int[] {elements};
    }
}
