package grad.tensor;

import grad.engine.Compiler;
import grad.engine.Program;
import grad.engine.Replay;
import grad.engine.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A tensor computation traced once by the {@link Compiler} and replayed for new data of the same shapes,
 * as grad's MLP is (one program per shape): build the loss once on example tensors, then call
 * {@link #step} with each batch's numbers. The replay does the same arithmetic as {@link Tensor#backward()}
 * on a graph built for that batch, to the last bit, without building the graph.
 *
 * <pre>{@code
 * import java.util.List;
 * Tensor w = Tensor.of(new double[] {2}, 1, 1);              // the parameter
 * Tensor x = Tensor.zeros(2, 1), y = Tensor.zeros(2, 1);     // slots for a batch of 2 rows
 * Tensor loss = x.matmul(w).sub(y).pow(2).mean();
 * TracedStep step = TracedStep.compile(loss, w.values(), List.of(x, y));
 * double l = step.step(new double[] {1, 3}, new double[] {1, 5});   // l == 1, w.grad()[0] == 4
 * }</pre>
 */
public final class TracedStep {
    private final Program program;
    private final Replay replay;
    private final List<Value> parameters;
    private final int[] inputSizes;
    private final double[] gradients;
    /** Each step's inputs, end to end, and the parameters' values: reused, as a training loop calls often. */
    private final double[] inputBuffer;
    private final double[] parameterBuffer;

    private TracedStep(Program program, List<Value> parameters, int[] inputSizes) {
        this.program = program;
        this.replay = program.newReplay();
        this.parameters = List.copyOf(parameters);
        this.inputSizes = inputSizes;
        this.gradients = new double[parameters.size()];
        this.inputBuffer = new double[java.util.Arrays.stream(inputSizes).sum()];
        this.parameterBuffer = new double[parameters.size()];
    }

    /**
     * Traces {@code loss} (a one-element tensor).
     *
     * @param parameters the leaves whose gradients {@link #step} computes, read afresh at every step
     * @param inputs     the tensors of leaves that {@link #step} fills with each batch's numbers, in order
     */
    public static TracedStep compile(Tensor loss, List<Value> parameters, List<Tensor> inputs) {
        if (loss.numel() != 1) {
            throw new IllegalArgumentException("TracedStep: the loss must have one element, got shape " + Shape.str(loss.shapeRef()));
        }
        List<Value> inputValues = new ArrayList<>();
        int[] sizes = new int[inputs.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = inputs.get(i).numel();
            inputValues.addAll(inputs.get(i).values());
        }
        Program program = Compiler.compile(List.of(loss.valuesRef()[0]), parameters, inputValues, List.of());
        return new TracedStep(program, parameters, sizes);
    }

    /**
     * The loss for the given inputs (row-major, one array per input tensor) at the parameters' current
     * values; adds its gradient to each parameter's, as {@link Tensor#backward()} would.
     */
    public double step(double[]... inputs) {
        load(inputs);
        replay.forward();
        replay.backward();
        replay.takeParameterGradients(gradients);
        for (int i = 0; i < gradients.length; i++) {
            Value p = parameters.get(i);
            p.setGrad(p.grad() + gradients[i]);
        }
        return replay.output(0);
    }

    /** The loss for the given inputs, forward only: no gradient changes. */
    public double forward(double[]... inputs) {
        load(inputs);
        replay.forward();
        return replay.output(0);
    }

    private void load(double[][] inputs) {
        if (inputs.length != inputSizes.length) {
            throw new IllegalArgumentException("TracedStep: " + inputs.length + " inputs given, the program takes " + inputSizes.length);
        }
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].length != inputSizes[i]) {
                throw new IllegalArgumentException("TracedStep: input " + i + " has " + inputs[i].length
                        + " numbers, the program was traced with " + inputSizes[i]);
            }
        }
        for (int i = 0, at = 0; i < inputs.length; at += inputs[i].length, i++) {
            System.arraycopy(inputs[i], 0, inputBuffer, at, inputs[i].length);
        }
        for (int i = 0; i < parameterBuffer.length; i++) {
            parameterBuffer[i] = parameters.get(i).data();
        }
        replay.setParameters(parameterBuffer);
        replay.setInputs(inputBuffer);
    }

    /** The compiled program (its {@link Program#listing()} shows the steps). */
    public Program program() {
        return program;
    }
}
