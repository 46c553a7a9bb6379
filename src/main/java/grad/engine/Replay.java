package grad.engine;

import java.util.Arrays;

/**
 * Runs a {@link Program} on its own arrays of slot values and gradients: load the parameters, then for
 * each sample load its inputs (and targets), run {@link #forward()}, and for training {@link #backward()}
 * and take the parameters' gradients. A warm replay allocates nothing. One replay per thread; replays of
 * the same program share nothing mutable.
 *
 * <p>The parameters either are copied in ({@link #setParameters}) and their gradients out
 * ({@link #takeParameterGradients}), or are read where they live: {@link #useParameters} makes the replay
 * read a {@link ParameterStore}'s values by reference and add the gradients to an array of the caller's
 * (a worker's own, or the store's), so that nothing is copied per minibatch.
 */
public final class Replay {
    private static final Op[] OPS = Op.values();

    private final Program program;
    /** Whether to run the program's generated code once it is ready. */
    private final boolean useGenerated;
    /** The program as straight-line code, or null to interpret it step by step (until it is ready). */
    private Bytecode.Steps generated;
    private final Slots slots;
    /** The replay's own slot values and gradients (the parameters' too, unless {@link #useParameters}). */
    private final double[] data;
    private final double[] grad;

    Replay(Program program, boolean useGenerated) {
        this.program = program;
        this.useGenerated = useGenerated;
        this.generated = useGenerated ? program.generatedCode() : null;
        this.slots = new Slots(program.parameterCount, program.slotCount, program.needsGrad);
        this.data = slots.d;
        this.grad = slots.g;
        int constants = program.parameterCount + program.inputCount + program.targetCount;
        System.arraycopy(program.constants, 0, data, constants, program.constants.length);
    }

    public Program program() {
        return program;
    }

    /**
     * Loads the parameters' values, in the order the program was compiled with, into the replay's own
     * arrays (ending any {@link #useParameters}).
     */
    public void setParameters(double[] values) {
        check(values.length, program.parameterCount, "parameters");
        slots.p = data;
        slots.pg = grad;
        System.arraycopy(values, 0, data, 0, values.length);
    }

    /**
     * Reads the parameters from {@code values} from now on, by reference (e.g. a {@link ParameterStore}'s
     * {@code data()}, which an optimizer changes in place), and adds their gradients to {@code gradients}
     * (a worker's own buffer, or the store's {@code grad()}): nothing is copied. Both are indexed in the
     * order the program was compiled with.
     */
    public void useParameters(double[] values, double[] gradients) {
        check(values.length, program.parameterCount, "parameters");
        check(gradients.length, program.parameterCount, "parameter gradients");
        slots.p = values;
        slots.pg = gradients;
    }

    /** Loads one sample's inputs. */
    public void setInputs(double[] x) {
        check(x.length, program.inputCount, "inputs");
        System.arraycopy(x, 0, data, program.parameterCount, x.length);
    }

    /** Loads one sample's targets. */
    public void setTargets(double[] y) {
        check(y.length, program.targetCount, "targets");
        System.arraycopy(y, 0, data, program.parameterCount + program.inputCount, y.length);
    }

    private static void check(int given, int expected, String what) {
        if (given != expected) {
            throw new IllegalArgumentException("expected " + expected + " " + what + ", got " + given);
        }
    }

    /**
     * Computes every step from the loaded parameters, inputs and targets: with the generated code once
     * it is ready (checked at each sample until then, so that a picture's thousands of samples do not
     * stay with the interpreter), else step by step.
     */
    public void forward() {
        if (generated == null && useGenerated) {
            generated = program.generatedCode();
        }
        if (generated != null) {
            generated.forward(slots);
        } else {
            interpretForward();
        }
    }

    /*
     * The interpreter loops are methods of their own, so that where the generated code runs, HotSpot
     * compiles its callers without them: they are large once Value's rules are inlined into them.
     */
    private void interpretForward() {
        for (int s = 0; s < program.code.length; s++) {
            forwardStep(s);
        }
    }

    private void forwardStep(int s) {
        byte c = program.code[s];
        if (c == Program.KERNEL) {
            program.kernel[s].forward(slots);
        } else {
            data[program.out[s]] = Value.forward(OPS[c], slots.get(program.a[s]), slots.get(program.b[s]));
        }
    }

    /**
     * Computes only the steps of {@code steps} (made by this replay's program's {@link Program#stepsByLength}),
     * with the interpreter: the outputs they were chosen for are what {@link #forward()} gives.
     */
    public void forward(StepSet steps) {
        for (int slot : steps.frontier) {
            data[slot] = 0;
        }
        for (int s : steps.steps) {
            forwardStep(s);
        }
    }

    /** Output {@code i} of the last {@link #forward()}, all groups numbered together in order. */
    public double output(int i) {
        return slots.get(program.roots[i]);
    }

    /** Output {@code i} of group {@code name} (e.g. {@code output("loss", 0)}) of the last {@link #forward()}. */
    public double output(String name, int i) {
        return slots.get(program.roots[program.outputIndex(name, i)]);
    }

    /** Copies group {@code name}'s outputs of the last {@link #forward()} into {@code into}; returns it. */
    public double[] outputs(String name, double[] into) {
        for (int i = 0; i < program.outputSize(name); i++) {
            into[i] = slots.get(program.roots[program.outputIndex(name, i)]);
        }
        return into;
    }

    /**
     * Back-propagates from the first root after a {@link #forward()}, adding d(root)/d(parameter) to each
     * parameter's gradient: like the leaves of {@link Value#backward()}, parameters accumulate gradients
     * over samples until {@link #takeParameterGradients} or {@link #zeroParameterGradients}.
     */
    public void backward() {
        boolean[] needs = program.needsGrad;
        if (generated != null) {
            generated.backward(slots);
        } else {
            interpretBackward(needs);
        }
    }

    private void interpretBackward(boolean[] needs) {
        Arrays.fill(grad, program.parameterCount, grad.length, 0.0);
        seedRoot();
        for (int s = program.code.length - 1; s >= 0; s--) {
            backwardStep(s, needs);
        }
    }

    /** The first root's gradient, 1 (added, for a parameter). */
    private void seedRoot() {
        int root = program.roots[0];
        if (root < program.parameterCount) {
            slots.pg[root] += 1.0;
        } else {
            grad[root] = 1.0;
        }
    }

    private void backwardStep(int s, boolean[] needs) {
        byte c = program.code[s];
        if (c == Program.KERNEL) {
            program.kernel[s].backward(slots);
        } else if (needs[program.out[s]]) {
            stepBackward(s, OPS[c], needs);
        }
    }

    /**
     * {@link #backward()} through the steps of {@code steps} only, after {@link #forward(StepSet)} of the
     * same set, which must have been chosen with output 0: the parameters' gradients are the whole
     * program's, a zero's sign aside.
     */
    public void backward(StepSet steps) {
        if (!steps.hasFirstRoot) {
            throw new IllegalArgumentException("the steps were not chosen for output 0, where the backward pass starts");
        }
        for (int slot : steps.written) {
            grad[slot] = 0;
        }
        seedRoot();
        boolean[] needs = program.needsGrad;
        for (int i = steps.steps.length - 1; i >= 0; i--) {
            backwardStep(steps.steps[i], needs);
        }
    }

    /** Step {@code s}, one operation: adds its output's gradient, through {@code op}, to its operands'. */
    private void stepBackward(int s, Op op, boolean[] needs) {
        int o = program.out[s];
        int x = program.a[s];
        int y = program.b[s];
        double g = grad[o];
        double dx = slots.get(x);
        double dy = slots.get(y);
        if (needs[x]) {
            slots.addGrad(x, Value.gradToA(op, g, dx, dy, data[o]));
        }
        if (program.binary[s] && needs[y]) {
            slots.addGrad(y, Value.gradToB(op, g, dx, dy, data[o]));
        }
    }

    /**
     * Moves the parameters' accumulated gradients into {@code out} (overwriting it), leaving them 0 (in
     * the array given to {@link #useParameters} too).
     */
    public void takeParameterGradients(double[] out) {
        System.arraycopy(slots.pg, 0, out, 0, program.parameterCount);
        zeroParameterGradients();
    }

    /** Sets the parameters' accumulated gradients to 0. */
    public void zeroParameterGradients() {
        Arrays.fill(slots.pg, 0, program.parameterCount, 0.0);
    }

    /** The value of a slot after {@link #forward()} (for diagnosis: a layer's outputs). */
    double slot(int slot) {
        return slots.get(slot);
    }
}
