package grad.train;

import grad.data.Dataset;
import grad.engine.Replay;
import grad.nn.Loss;
import grad.nn.Model;
import grad.nn.Softmax;

/**
 * Runs one sample at a time through its own replay of the network's compiled training program: forward,
 * loss, backward, gradients out. Each thread has its own worker; the network's parameters are loaded
 * into the worker before each minibatch.
 */
final class SampleWorker {
    private final Dataset data;
    private final Replay replay;
    private final double[] x;
    private final double[] y;
    private final double[] outputs;

    /** @param interpreted whether to run the interpreter even where the program has generated code */
    SampleWorker(Model model, Loss loss, Dataset data, boolean interpreted) {
        this.data = data;
        this.replay = interpreted ? model.trainingProgram(loss).newInterpretedReplay() : model.trainingProgram(loss).newReplay();
        this.x = new double[model.inputs()];
        this.y = new double[model.outputs()];
        this.outputs = new double[model.outputs()];
    }

    /** The model's parameter values as its programs take them ({@link Model#programParameters()}). */
    static double[] programParameters(Model model) {
        int[] slots = model.store().slotsOf(model.programParameters());
        double[] values = new double[slots.length];
        for (int k = 0; k < slots.length; k++) {
            values[k] = model.store().data()[slots[k]];
        }
        return values;
    }

    /** Loads parameter values, in the program's order (see {@link #programParameters}). */
    void loadParameters(double[] parameters) {
        replay.setParameters(parameters);
    }

    /**
     * Forward and backward for one row, adding its parameter gradients to those of the rows before it
     * (see {@link #takeGradients}); returns its loss.
     */
    double sample(int row) {
        double loss = evaluate(row);
        replay.backward();
        return loss;
    }

    /** Moves the parameter gradients summed since the last call into {@code gradients}. */
    void takeGradients(double[] gradients) {
        replay.takeParameterGradients(gradients);
    }

    /** Forward only: the loss of one row under the parameters last loaded; see {@link #lastOutput}. */
    double evaluate(int row) {
        data.copyRow(row, x);
        if (data.isRegression()) {
            y[0] = data.target(row);
        } else {
            data.oneHot(row, y);
        }
        replay.setInputs(x);
        replay.setTargets(y);
        replay.forward();
        return replay.output(0);
    }

    /** The last sample's {@code i}-th output (a logit, or the regression value). */
    double lastOutput(int i) {
        return replay.output(1 + i);
    }

    /** The class with the largest output in the last sample. */
    int lastPrediction() {
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = lastOutput(i);
        }
        return Softmax.argmax(outputs);
    }

    /** Whether the last sample's largest output is its label (always false for regression). */
    boolean lastWasCorrect(int row) {
        return !data.isRegression() && lastPrediction() == data.label(row);
    }
}
