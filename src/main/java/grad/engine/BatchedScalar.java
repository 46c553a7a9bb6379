package grad.engine;

/**
 * One {@link Op} applied to many rows ({@link Batching}): rows that depend on none of the others, e.g. a
 * full-batch loss's {@code prediction − target} and its square, or a run of consecutive steps, e.g. the
 * loss's sum {@code ((l₀ + l₁) + l₂) + …}. Row r computes exactly what the scalar step
 * {@code out[r] = op(a[r], b[r])} did, the rows first to last; the backward pass visits them last to
 * first, each as {@link Step.Scalar#backward} does, so every slot receives its gradients in the unbatched
 * order. One loop instead of a line of generated code per row: less code for the JIT to compile (a
 * program's generated code starts in the JVM's interpreter) and for the processor to fetch.
 */
final class BatchedScalar implements Step {
    final Op op;
    final int[] out;
    /** The first operands, and the second ({@code a} itself for a unary op). */
    final int[] a;
    final int[] b;

    BatchedScalar(Op op, int[] out, int[] a, int[] b) {
        this.op = op;
        this.out = out;
        this.a = a;
        this.b = b;
    }

    /** Row by row, each row's operands as its scalar step reads them. */
    @Override
    public int[] reads() {
        int per = op.binary() ? 2 : 1;
        int[] reads = new int[per * out.length];
        for (int r = 0; r < out.length; r++) {
            reads[per * r] = a[r];
            if (per == 2) {
                reads[2 * r + 1] = b[r];
            }
        }
        return reads;
    }

    @Override
    public int[] writes() {
        return out.clone();
    }

    @Override
    public BatchedScalar renumbered(int[] map) {
        return new BatchedScalar(op, Compiler.renumber(out, map), Compiler.renumber(a, map), Compiler.renumber(b, map));
    }

    @Override
    public void forward(Slots s) {
        for (int r = 0; r < out.length; r++) {
            s.d[out[r]] = Value.forward(op, s.get(a[r]), s.get(b[r]));
        }
    }

    @Override
    public void backward(Slots s) {
        boolean[] needs = s.needs;
        boolean binary = op.binary();
        for (int r = out.length - 1; r >= 0; r--) {
            int o = out[r];
            if (!needs[o]) {
                continue;
            }
            double g = s.g[o];
            double x = s.get(a[r]);
            double y = s.get(b[r]);
            if (needs[a[r]]) {
                s.addGrad(a[r], Value.gradToA(op, g, x, y, s.d[o]));
            }
            if (binary && needs[b[r]]) {
                s.addGrad(b[r], Value.gradToB(op, g, x, y, s.d[o]));
            }
        }
    }

    @Override
    public boolean passesGradients() {
        return op != Op.DETACH;
    }

    @Override
    public String text(Program p) {
        String row = op.binary() ? p.names(a) + " " + op.symbol() + " " + p.names(b) : op.symbol() + "(" + p.names(a) + ")";
        return p.names(out) + " = " + row + " (" + out.length + " rows)";
    }
}
