package grad.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A compiled {@link Value} graph (see {@link Compiler}): {@link Step}s over numbered slots, immutable,
 * shared by any number of {@link Replay}s, each of which runs it on its own arrays.
 *
 * <p>Slots: the parameters first, then the inputs, the targets, the constants, and one slot per
 * computed value. Its outputs come in named groups ({@code loss}, {@code probs}, a layer's
 * activations…), read after a run with {@link Replay#output(String, int)}; {@link Replay#output(int)}
 * numbers them all in order.
 */
public final class Program {
    /** The code of a step that is not one {@link Op} (whose code is its ordinal): a kernel's. */
    static final byte KERNEL = (byte) Op.values().length;

    final int parameterCount;
    final int inputCount;
    final int targetCount;
    final double[] constants;
    final int slotCount;
    final int[] roots;
    /** Each group's name → its first root and its size. */
    private final Map<String, int[]> groups;
    /** Per step: its op's ordinal for a {@link Step.Scalar}, else {@link #KERNEL}. */
    final byte[] code;
    final int[] out;
    final int[] a;
    final int[] b;
    final boolean[] binary;
    /** Every step, each ready for the gradients its slots need ({@link Step#needing}). */
    final Step[] kernel;
    /** Whether a slot depends on a parameter through ops that pass gradients back. */
    final boolean[] needsGrad;
    /**
     * The steps as straight-line code, written on a background thread while the first samples run in
     * the interpreter (a JIT's tiers, in small); empty for a program with more slots than a class can
     * name (see {@link Bytecode}). Started by the first replay that may run it, so that a program only
     * ever interpreted ({@link #newInterpretedReplay}) costs no code generation.
     */
    private CompletableFuture<Optional<Bytecode.Steps>> generated;

    Program(List<Step> steps, Compiler.Trace trace) {
        this.parameterCount = trace.parameterCount;
        this.inputCount = trace.inputCount;
        this.targetCount = trace.targetCount;
        this.constants = trace.constants;
        this.slotCount = trace.slotCount;
        this.roots = trace.roots;
        this.groups = trace.groups;
        int n = steps.size();
        code = new byte[n];
        out = new int[n];
        a = new int[n];
        b = new int[n];
        binary = new boolean[n];
        kernel = new Step[n];
        needsGrad = new boolean[slotCount];
        for (int p = 0; p < parameterCount; p++) {
            needsGrad[p] = true;
        }
        for (int s = 0; s < n; s++) {
            lay(s, steps.get(s));
        }
    }

    /** Each output group's name → its first root and its size, in order. */
    Map<String, int[]> groups() {
        return groups;
    }

    private synchronized CompletableFuture<Optional<Bytecode.Steps>> generated() {
        if (generated == null) {
            generated = Bytecode.generateInBackground(this);
        }
        return generated;
    }

    /** Fills step {@code s}'s row of the tables, and whether the slots it writes need gradients. */
    private void lay(int s, Step step) {
        kernel[s] = step.needing(needsGrad, parameterCount);
        code[s] = KERNEL;
        if (step instanceof Step.Scalar scalar) {
            code[s] = (byte) scalar.op().ordinal();
            out[s] = scalar.out();
            a[s] = scalar.a();
            b[s] = scalar.b();
            binary[s] = scalar.op().binary();
        }
        boolean needs = false;
        for (int r : step.reads()) {
            needs |= needsGrad[r];
        }
        for (int w : step.writes()) {
            needsGrad[w] = needs && step.passesGradients();
        }
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
        generated().join();
        return new Replay(this, true);
    }

    /** The generated code if it is ready, else null. */
    Bytecode.Steps generatedCode() {
        Optional<Bytecode.Steps> code = generated().getNow(Optional.empty());
        return code.orElse(null);
    }

    /** Whether the steps have straight-line code (waiting for it to be written). */
    public boolean hasGeneratedCode() {
        return generated().join().isPresent();
    }

    /**
     * A new replay that runs the program with the interpreter loop of {@link Replay}: the reference the
     * generated code is tested against, and what runs a program until its code is written.
     */
    public Replay newInterpretedReplay() {
        return new Replay(this, false);
    }

    /**
     * For a sequence padded to this program's length {@code N} whose target {@code mask[t]} is position
     * t's 0/1 weight (0 past the sequence's end): the steps that outputs {@code outputs} (numbered as in
     * {@link Replay#output(int)}) need for a sequence of each length n = 1 … N, element n − 1 — the steps
     * whose results reach those outputs other than through a product with a mask's 0. Replayed with
     * {@link Replay#forward(StepSet)} and {@link Replay#backward(StepSet)}, they give those outputs and
     * (with output 0 among them) the parameters' gradients that the whole program gives, a zero's sign
     * aside.
     */
    public List<StepSet> stepsByLength(int[] outputs, int[] mask) {
        int[] maskSlots = new int[mask.length];
        for (int t = 0; t < mask.length; t++) {
            maskSlots[t] = parameterCount + inputCount + Objects.checkIndex(mask[t], targetCount);
        }
        for (int o : outputs) {
            Objects.checkIndex(o, roots.length);
        }
        return StepSet.byLength(this, outputs, maskSlots);
    }

    /** The number of steps a replay runs per sample. */
    public int stepCount() {
        return kernel.length;
    }

    /** The number of outputs, all groups together. */
    public int outputCount() {
        return roots.length;
    }

    /** The names of the output groups, in order. */
    public List<String> outputNames() {
        return List.copyOf(groups.keySet());
    }

    /** The number of outputs in group {@code name}. */
    public int outputSize(String name) {
        return group(name)[1];
    }

    /** The position among all outputs ({@link Replay#output(int)}) of output {@code i} of group {@code name}. */
    public int outputIndex(String name, int i) {
        int[] g = group(name);
        if (i < 0 || i >= g[1]) {
            throw new IndexOutOfBoundsException("output " + name + " has " + g[1] + " values, not " + (i + 1));
        }
        return g[0] + i;
    }

    private int[] group(String name) {
        int[] g = groups.get(name);
        if (g == null) {
            throw new IllegalArgumentException("no output called " + name + "; there are " + groups.keySet());
        }
        return g;
    }

    /**
     * The program as text, one step a line, then its outputs: what a network compiles to. Slots are named
     * {@code p3} (parameter), {@code x0} (input), {@code y1} (target), a constant's value, and {@code s12}.
     */
    public String listing() {
        StringBuilder s = new StringBuilder();
        for (Step step : kernel) {
            s.append(step.text(this)).append(System.lineSeparator());
        }
        for (Map.Entry<String, int[]> g : groups.entrySet()) {
            int[] slots = java.util.Arrays.copyOfRange(roots, g.getValue()[0], g.getValue()[0] + g.getValue()[1]);
            s.append(g.getKey()).append(": ").append(names(slots)).append(System.lineSeparator());
        }
        return s.toString();
    }

    /** The slots' names, the middle ones elided past four. */
    String names(int[] slots) {
        if (slots.length > 4) {
            return name(slots[0]) + ", " + name(slots[1]) + ", …, " + name(slots[slots.length - 1]);
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < slots.length; i++) {
            s.append(i == 0 ? "" : ", ").append(name(slots[i]));
        }
        return s.toString();
    }

    /** A slot's name in {@link #listing()}. */
    String name(int slot) {
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

    /** Group sizes as {@link Compiler.Trace} records them: name → {first root, size}, in order. */
    static Map<String, int[]> groups(Map<String, List<Value>> outputs) {
        Map<String, int[]> groups = new LinkedHashMap<>();
        int first = 0;
        for (Map.Entry<String, List<Value>> e : outputs.entrySet()) {
            groups.put(e.getKey(), new int[] {first, e.getValue().size()});
            first += e.getValue().size();
        }
        return Collections.unmodifiableMap(groups);
    }
}
