package grad.engine;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.Locale;

/**
 * A compiled {@link Value} graph (see {@link Compiler}): steps over numbered slots, immutable, shared by
 * any number of {@link Replay}s, each of which runs it on its own arrays.
 *
 * <p>Slots: the parameters first, then the inputs, the targets, the constants, and one slot per
 * computed value.
 */
public final class Program {
    /** Step codes: an {@link Op}'s ordinal for a scalar step, or one of these. */
    static final byte DOT = (byte) Op.DOT.ordinal();
    static final byte LAYER = (byte) Op.values().length;

    final int parameterCount;
    final int inputCount;
    final int targetCount;
    final double[] constants;
    final int slotCount;
    final int[] roots;
    final byte[] code;
    final int[] out;
    final int[] a;
    final int[] b;
    final boolean[] binary;
    /** The fused dot or layer of a {@link #DOT} or {@link #LAYER} step. */
    final Object[] kernel;
    /** Whether a slot depends on a parameter through ops that pass gradients back. */
    final boolean[] needsGrad;
    /** For a {@link #LAYER} step: whether its weights and biases, and whether its inputs, need gradients. */
    final boolean[] layerWeightsNeedGrad;
    final boolean[] layerInputsNeedGrad;
    private final List<Object> steps;
    /**
     * The steps as straight-line code, written on a background thread while the first samples run in
     * the interpreter (a JIT's tiers, in small); empty for a program with more slots than a class can name (see {@link Bytecode}).
     */
    private final CompletableFuture<Optional<Bytecode.Steps>> generated;

    Program(List<Object> steps, Compiler.Trace trace) {
        this.steps = List.copyOf(steps);
        this.parameterCount = trace.parameterCount;
        this.inputCount = trace.inputCount;
        this.targetCount = trace.targetCount;
        this.constants = trace.constants;
        this.slotCount = trace.slotCount;
        this.roots = trace.roots;
        int n = steps.size();
        code = new byte[n];
        out = new int[n];
        a = new int[n];
        b = new int[n];
        binary = new boolean[n];
        kernel = new Object[n];
        needsGrad = new boolean[slotCount];
        layerWeightsNeedGrad = new boolean[n];
        layerInputsNeedGrad = new boolean[n];
        for (int p = 0; p < parameterCount; p++) {
            needsGrad[p] = true;
        }
        for (int s = 0; s < n; s++) {
            lay(s, steps.get(s));
        }
        this.generated = Bytecode.generateInBackground(this);
    }

    /** Fills step {@code s}'s row of the tables, and whether the slots it writes need gradients. */
    private void lay(int s, Object step) {
        if (step instanceof DenseLayer layer) {
            code[s] = LAYER;
            kernel[s] = layer;
            layerWeightsNeedGrad[s] = any(layer.w) || any(layer.bias);
            layerInputsNeedGrad[s] = any(layer.x);
            for (int j = 0; j < layer.k; j++) {
                needsGrad[layer.z[j]] = layerWeightsNeedGrad[s] || layerInputsNeedGrad[s];
                needsGrad[layer.y[j]] = needsGrad[layer.z[j]];
            }
            return;
        }
        Compiler.Step st = (Compiler.Step) step;
        out[s] = st.out();
        if (st.op() == Op.DOT) {
            code[s] = DOT;
            kernel[s] = st;
        } else {
            code[s] = (byte) st.op().ordinal();
            a[s] = st.a()[0];
            b[s] = st.b()[0];
            binary[s] = st.op().binary();
        }
        needsGrad[st.out()] = st.op() != Op.DETACH && any(st.reads());
    }

    private boolean any(int[] slots) {
        for (int s : slots) {
            if (needsGrad[s]) {
                return true;
            }
        }
        return false;
    }

    /**
     * A new replay of this program, with its own arrays: it interprets the steps until their generated
     * code is ready, then runs that (the results are the same to the last bit either way).
     */
    public Replay newReplay() {
        return new Replay(this, true);
    }

    /** A new replay that runs the generated code from its first sample (waiting for it if need be). */
    public Replay newGeneratedReplay() {
        generated.join();
        return new Replay(this, true);
    }

    /** The generated code if it is ready, else null. */
    Bytecode.Steps generatedCode() {
        Optional<Bytecode.Steps> code = generated.getNow(Optional.empty());
        return code.orElse(null);
    }

    /** Whether the steps have straight-line code (waiting for it to be written). */
    public boolean hasGeneratedCode() {
        return generated.join().isPresent();
    }

    /**
     * A new replay that runs the program with the interpreter loop of {@link Replay}: the reference the
     * generated code is tested against, and what runs a program until its code is written.
     */
    public Replay newInterpretedReplay() {
        return new Replay(this, false);
    }

    /** The number of steps a replay runs per sample. */
    public int stepCount() {
        return steps.size();
    }

    /**
     * The program as text, one step a line: what a network compiles to. Slots are named {@code p3}
     * (parameter), {@code x0} (input), {@code y1} (target), {@code c0} (constant) and {@code s12}.
     */
    public String listing() {
        StringBuilder s = new StringBuilder();
        for (Object step : steps) {
            if (step instanceof DenseLayer layer) {
                String sum = switch (layer.biasMode) {
                    case DenseLayer.BIAS_FIRST -> "b + W·[%s]";
                    case DenseLayer.BIAS_LAST -> "W·[%s] + b";
                    default -> "W·[%s]";
                };
                s.append(String.format(Locale.ROOT, "%s = %s(dense %d×%d: " + sum + ")%n", names(layer.y),
                        layer.activation == null ? "" : layer.activation.symbol(), layer.k, layer.n, names(layer.x)));
            } else {
                Compiler.Step st = (Compiler.Step) step;
                String dot = "dot(" + names(st.a()) + " · " + names(st.b()) + ")";
                String rhs = st.op() == Op.DOT ? st.bias() < 0 ? dot
                        : st.biasFirst() ? name(st.bias()) + " + " + dot : dot + " + " + name(st.bias())
                        : st.op().binary() ? name(st.a()[0]) + " " + st.op().symbol() + " " + name(st.b()[0])
                        : st.op().symbol() + "(" + name(st.a()[0]) + ")";
                s.append(name(st.out())).append(" = ").append(rhs).append(System.lineSeparator());
            }
        }
        return s.toString();
    }

    private String names(int[] slots) {
        if (slots.length > 4) {
            return name(slots[0]) + ", " + name(slots[1]) + ", …, " + name(slots[slots.length - 1]);
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < slots.length; i++) {
            s.append(i == 0 ? "" : ", ").append(name(slots[i]));
        }
        return s.toString();
    }

    private String name(int slot) {
        int inputs = parameterCount;
        int targets = inputs + inputCount;
        int consts = targets + targetCount;
        int values = consts + constants.length;
        if (slot < inputs) {
            return "p" + slot;
        } else if (slot < targets) {
            return "x" + (slot - inputs);
        } else if (slot < consts) {
            return "y" + (slot - targets);
        } else if (slot < values) {
            return Double.toString(constants[slot - consts]);
        }
        return "s" + (slot - values);
    }
}
