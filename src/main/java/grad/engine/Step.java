package grad.engine;

import java.util.Arrays;

/**
 * One step of a {@link Program}: what it reads and writes (slot numbers), its forward pass, and its
 * backward pass, which adds to the gradient of each slot it reads in the order {@link Value#backward()}
 * would. Every kind of step is here or in {@link DenseLayer}; a new kind implements these methods and
 * the interpreter, the generated code (which calls its methods, unless {@link Bytecode} knows better) and
 * the listing run it.
 */
sealed interface Step permits Step.Scalar, Step.Dot, DenseLayer {
    /** The slots this step reads (a slot read twice, twice). */
    int[] reads();

    /** The slots this step writes. */
    int[] writes();

    /** The same step with every slot {@code s} renumbered {@code map[s]}. */
    Step renumbered(int[] map);

    /** Computes the slots it writes from the slots it reads. */
    void forward(double[] data);

    /**
     * Adds the gradients of the slots it writes, through its math, to those of the slots it reads that
     * {@code needs} says need one; nothing when none of the slots it writes needs a gradient.
     */
    void backward(double[] data, double[] grad, boolean[] needs);

    /** Whether a gradient flows from what it writes back to what it reads ({@code detach}: no). */
    default boolean passesGradients() {
        return true;
    }

    /** This step made ready for a program whose slots need gradients as {@code needs} says. */
    default Step needing(boolean[] needs) {
        return this;
    }

    /** The step as a line of {@link Program#listing()}, without the line break. */
    String text(Program program);

    /** {@code out ← op(a, b)}: one {@link Value} operation ({@code b} unused by a unary op). */
    record Scalar(Op op, int out, int a, int b) implements Step {
        @Override
        public int[] reads() {
            return op.binary() ? new int[] {a, b} : new int[] {a};
        }

        @Override
        public int[] writes() {
            return new int[] {out};
        }

        @Override
        public Scalar renumbered(int[] map) {
            return new Scalar(op, map[out], map[a], map[b]);
        }

        @Override
        public void forward(double[] data) {
            data[out] = Value.forward(op, data[a], data[b]);
        }

        @Override
        public void backward(double[] data, double[] grad, boolean[] needs) {
            if (!needs[out]) {
                return;
            }
            double g = grad[out];
            if (needs[a]) {
                grad[a] += Value.gradToA(op, g, data[a], data[b], data[out]);
            }
            if (op.binary() && needs[b]) {
                grad[b] += Value.gradToB(op, g, data[a], data[b], data[out]);
            }
        }

        @Override
        public boolean passesGradients() {
            return op != Op.DETACH;
        }

        @Override
        public String text(Program p) {
            return p.name(out) + " = " + (op.binary() ? p.name(a) + " " + op.symbol() + " " + p.name(b)
                    : op.symbol() + "(" + p.name(a) + ")");
        }
    }

    /**
     * {@code out ← Σ a[i]·b[i]} with {@code bias} (or none, -1) added last, or first when
     * {@code biasFirst}: a chain of multiplications and additions fused, in the chain's order.
     */
    record Dot(int out, int[] a, int[] b, int bias, boolean biasFirst) implements Step {
        @Override
        public int[] reads() {
            int[] r = Arrays.copyOf(a, a.length + b.length + (bias >= 0 ? 1 : 0));
            System.arraycopy(b, 0, r, a.length, b.length);
            if (bias >= 0) {
                r[r.length - 1] = bias;
            }
            return r;
        }

        @Override
        public int[] writes() {
            return new int[] {out};
        }

        @Override
        public Dot renumbered(int[] map) {
            return new Dot(map[out], Compiler.renumber(a, map), Compiler.renumber(b, map), bias >= 0 ? map[bias] : -1,
                    biasFirst);
        }

        /**
         * The additions in the order of the chain it replaces: {@code b + a₀·b₀ + …} (bias first, as
         * micrograd's {@code Neuron} and Python's {@code sum(…, b)} write it) or {@code a₀·b₀ + … + b}
         * (bias last, grad's {@code Neuron}).
         */
        @Override
        public void forward(double[] data) {
            double s = data[a[0]] * data[b[0]];
            if (biasFirst) {
                s = data[bias] + s;
            }
            for (int i = 1; i < a.length; i++) {
                s += data[a[i]] * data[b[i]];
            }
            data[out] = bias >= 0 && !biasFirst ? s + data[bias] : s;
        }

        /**
         * In {@link Value#backward()}'s order, which undoes the chain from its last addition: a last bias,
         * then each product from the last to the first (its first operand, then its second), a first bias
         * just before the first product (they meet in the first addition).
         */
        @Override
        public void backward(double[] data, double[] grad, boolean[] needs) {
            if (!needs[out]) {
                return;
            }
            double g = grad[out];
            if (bias >= 0 && !biasFirst && needs[bias]) {
                grad[bias] += g;
            }
            for (int i = a.length - 1; i >= 0; i--) {
                if (i == 0 && biasFirst && needs[bias]) {
                    grad[bias] += g;
                }
                if (needs[a[i]]) {
                    grad[a[i]] += g * data[b[i]];
                }
                if (needs[b[i]]) {
                    grad[b[i]] += g * data[a[i]];
                }
            }
        }

        @Override
        public String text(Program p) {
            String dot = "dot(" + p.names(a) + " · " + p.names(b) + ")";
            return p.name(out) + " = " + (bias < 0 ? dot
                    : biasFirst ? p.name(bias) + " + " + dot : dot + " + " + p.name(bias));
        }
    }
}
