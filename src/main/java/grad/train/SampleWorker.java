package grad.train;

import grad.data.Dataset;
import grad.engine.Graph;
import grad.engine.Tape;
import grad.nn.Loss;
import grad.nn.MLP;

/**
 * Runs one sample at a time through its own tape: forward, loss, backward, gradients out. Each thread
 * has its own worker; the network's parameters are copied onto the worker's tape before each minibatch.
 */
final class SampleWorker {
    private final MLP model;
    private final Loss loss;
    private final Dataset data;
    private final Tape tape = new Tape(4096);
    private final int parameters;
    private final int mark;
    private final double[] x;
    private final double[] y;
    private int inputNode;
    private int targetNode;
    private int outputNode;

    SampleWorker(MLP model, Loss loss, Dataset data) {
        this.model = model;
        this.loss = loss;
        this.data = data;
        this.parameters = model.load(tape);
        this.mark = tape.size();
        this.x = new double[model.inputs()];
        this.y = new double[model.outputs()];
    }

    /** Copies the network's current parameters onto the tape. */
    void loadParameters() {
        tape.loadData(parameters, model.parameters());
    }

    /** Forward and backward for one row; adds its parameter gradients into {@code gradients}; returns its loss. */
    double sample(int row, double[] gradients) {
        int lossNode = record(row);
        tape.backward(lossNode);
        tape.drainGradients(parameters, gradients);
        return tape.data(lossNode);
    }

    /**
     * Forward and backward for one row; writes its parameter gradients to {@code gradients}, overwriting
     * them; returns its loss. The same numbers as {@link #sample} into zeros, without the zeroing.
     */
    double sampleInto(int row, double[] gradients) {
        int lossNode = record(row);
        tape.backward(lossNode);
        tape.takeGradients(parameters, gradients);
        return tape.data(lossNode);
    }

    /** Forward only: the loss of one row under the parameters last loaded; see {@link #lastOutput}. */
    double evaluate(int row) {
        return tape.data(record(row));
    }

    /** The last sample's {@code i}-th output (a logit, or the regression value). */
    double lastOutput(int i) {
        return tape.data(outputNode + i);
    }

    /** The class with the largest output in the last sample. */
    int lastPrediction() {
        int best = 0;
        for (int i = 1; i < y.length; i++) {
            if (tape.data(outputNode + i) > tape.data(outputNode + best)) {
                best = i;
            }
        }
        return best;
    }

    /** Whether the last sample's largest output is its label (always false for regression). */
    boolean lastWasCorrect(int row) {
        return !data.isRegression() && lastPrediction() == data.label(row);
    }

    /**
     * The graph of one row's loss after its backward pass, labelled for drawing: parameters by role,
     * inputs {@code x0, x1, …}, targets {@code y0, y1, …}. The parameters' gradients are left at 0.
     */
    Graph graph(int row) {
        int lossNode = record(row);
        tape.backward(lossNode);
        Graph graph = Graph.of(tape, lossNode, this::label);
        tape.zeroGrad(parameters, model.parameterCount());
        return graph;
    }

    private String label(int node) {
        if (node >= parameters && node < parameters + model.parameterCount()) {
            return model.parameterName(node - parameters);
        }
        if (node >= inputNode && node < inputNode + x.length) {
            return "x" + (node - inputNode);
        }
        if (node >= targetNode && node < targetNode + y.length) {
            return "y" + (node - targetNode);
        }
        return null;
    }

    private int record(int row) {
        tape.truncate(mark);
        data.copyRow(row, x);
        if (data.isRegression()) {
            y[0] = data.target(row);
        } else {
            data.oneHot(row, y);
        }
        inputNode = tape.leaves(x);
        targetNode = tape.leaves(y);
        outputNode = model.forward(tape, parameters, inputNode);
        return loss.record(tape, outputNode, targetNode, y.length);
    }
}
