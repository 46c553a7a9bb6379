package grad.train;

import grad.data.Dataset;
import grad.engine.Replay;
import grad.nn.Loss;
import grad.nn.Model;
import grad.nn.Softmax;

/**
 * Runs one sample at a time through its own replay of the network's compiled training program: forward,
 * loss, backward. Each thread has its own worker; every worker reads the parameters from the model's
 * {@link grad.engine.ParameterStore} by reference (the programs take them in the store's order), and adds
 * its gradients to an array it is given: the store's own, or a buffer of one sample's.
 */
final class SampleWorker {
    private final Dataset data;
    private final double[] parameters;
    private final Replay replay;
    private final double[] x;
    private final double[] y;
    private final double[] outputs;

    /** @param interpreted whether to run the interpreter even where the program has generated code */
    SampleWorker(Model model, Loss loss, Dataset data, boolean interpreted) {
        this.data = data;
        this.parameters = model.store().data();
        this.replay = interpreted ? model.trainingProgram(loss).newInterpretedReplay() : model.trainingProgram(loss).newReplay();
        this.x = new double[model.inputs()];
        this.y = new double[model.outputs()];
        this.outputs = new double[model.outputs()];
        replay.useParameters(parameters, new double[parameters.length]);   // until addGradientsTo
    }

    /**
     * Reads the parameters from the store (by reference, so an optimizer's steps are seen at once) and adds
     * the gradients of the samples from now on to {@code gradients} (store order; not zeroed here).
     */
    void addGradientsTo(double[] gradients) {
        replay.useParameters(parameters, gradients);
    }

    /**
     * Forward and backward for one row, adding its parameter gradients to the array last given to
     * {@link #addGradientsTo}; returns its loss.
     */
    double sample(int row) {
        double loss = evaluate(row);
        replay.backward();
        return loss;
    }

    /** Forward only: the loss of one row under the store's parameters now; see {@link #lastOutput}. */
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
