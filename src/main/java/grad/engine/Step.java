package grad.engine;

import java.util.Arrays;

/**
 * One step of a {@link Program}: what it reads and writes (slot numbers), its forward pass, and its
 * backward pass, which adds to the gradient of each slot it reads in the order {@link Value#backward()}
 * would. Every kind of step is here, in {@link DenseLayer}, {@link BatchedLayer} or {@link BatchedScalar};
 * a new kind implements these methods and the interpreter, the generated code (which calls its methods,
 * unless {@link Bytecode} knows better) and the listing run it.
 */
sealed interface Step permits Step.Scalar, Step.Dot, Step.Gather, DenseLayer, BatchedLayer, BatchedScalar {
    /** The slots this step reads (a slot read twice, twice). */
    int[] reads();

    /** The slots this step writes. */
    int[] writes();

    /** The same step with every slot {@code s} renumbered {@code map[s]}. */
    Step renumbered(int[] map);

    /** Computes the slots it writes from the slots it reads. */
    void forward(Slots s);

    /**
     * Adds the gradients of the slots it writes, through its math, to those of the slots it reads that
     * need one ({@code s.needs}); nothing when none of the slots it writes needs a gradient.
     */
    void backward(Slots s);

    /** Whether a gradient flows from what it writes back to what it reads ({@code detach}: no). */
    default boolean passesGradients() {
        return true;
    }

    /** This step made ready for a program whose slots need gradients as {@code needs} says, parameters first. */
    default Step needing(boolean[] needs, int parameters) {
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
        public void forward(Slots s) {
            s.set(out, Value.forward(op, s.get(a), s.get(b)));
        }

        @Override
        public void backward(Slots s) {
            if (!s.needs[out]) {
                return;
            }
            double g = s.grad(out);
            if (s.needs[a]) {
                s.addGrad(a, Value.gradToA(op, g, s.get(a), s.get(b), s.get(out)));
            }
            if (op.binary() && s.needs[b]) {
                s.addGrad(b, Value.gradToB(op, g, s.get(a), s.get(b), s.get(out)));
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
     * {@code out ← options[(int) index]} ({@link Value#pick}): the index is a slot, typically an input, so
     * that the program reads whichever option a sample's token id names; the gradient goes to that option.
     */
    record Gather(int out, int index, int[] options) implements Step {
        @Override
        public int[] reads() {
            int[] r = new int[options.length + 1];
            r[0] = index;
            System.arraycopy(options, 0, r, 1, options.length);
            return r;
        }

        @Override
        public int[] writes() {
            return new int[] {out};
        }

        @Override
        public Gather renumbered(int[] map) {
            return new Gather(map[out], map[index], Compiler.renumber(options, map));
        }

        @Override
        public void forward(Slots s) {
            s.set(out, s.get(picked(s)));
        }

        @Override
        public void backward(Slots s) {
            int option = picked(s);
            if (s.needs[out] && s.needs[option]) {
                s.addGrad(option, s.grad(out));
            }
        }

        private int picked(Slots s) {
            double index = s.get(this.index);
            int i = (int) index;
            if (i != index || i < 0 || i >= options.length) {
                throw new IllegalArgumentException("index " + index + " is not one of " + options.length + " options");
            }
            return options[i];
        }

        @Override
        public String text(Program p) {
            return p.name(out) + " = pick(" + p.name(index) + ": " + p.names(options) + ")";
        }
    }

    /**
     * {@code out ← Σ a[i]·b[i]} with {@code bias} (or none, -1) added last, or first when
     * {@code biasFirst}: a chain of multiplications and additions fused, in the chain's order.
     */
    record Dot(int out, int[] a, int[] b, int bias, boolean biasFirst) implements Step {
        /** The dot without a bias of {@code factors}, each product's two in turn: {@code a₀, b₀, a₁, b₁, …} ({@link Value#dot}'s operands). */
        static Dot ofFactors(int out, int[] factors) {
            int[] a = new int[factors.length / 2];
            int[] b = new int[a.length];
            for (int t = 0; t < a.length; t++) {
                a[t] = factors[2 * t];
                b[t] = factors[2 * t + 1];
            }
            return new Dot(out, a, b, -1, false);
        }

        /** Each product's two slots in turn, as {@link #ofFactors} takes them. */
        int[] factors() {
            int[] factors = new int[2 * a.length];
            for (int t = 0; t < a.length; t++) {
                factors[2 * t] = a[t];
                factors[2 * t + 1] = b[t];
            }
            return factors;
        }

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
        public void forward(Slots d) {
            double s = d.get(a[0]) * d.get(b[0]);
            if (biasFirst) {
                s = d.get(bias) + s;
            }
            for (int i = 1; i < a.length; i++) {
                s += d.get(a[i]) * d.get(b[i]);
            }
            d.set(out, bias >= 0 && !biasFirst ? s + d.get(bias) : s);
        }

        /**
         * In {@link Value#backward()}'s order, which undoes the chain from its last addition: a last bias,
         * then each product from the last to the first (its first operand, then its second), a first bias
         * just before the first product (they meet in the first addition).
         */
        @Override
        public void backward(Slots s) {
            boolean[] needs = s.needs;
            if (!needs[out]) {
                return;
            }
            double g = s.grad(out);
            if (bias >= 0 && !biasFirst && needs[bias]) {
                s.addGrad(bias, g);
            }
            for (int i = a.length - 1; i >= 0; i--) {
                if (i == 0 && biasFirst && needs[bias]) {
                    s.addGrad(bias, g);
                }
                if (needs[a[i]]) {
                    s.addGrad(a[i], g * s.get(b[i]));
                }
                if (needs[b[i]]) {
                    s.addGrad(b[i], g * s.get(a[i]));
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
