package grad.nn;

import grad.engine.Program;
import grad.engine.Replay;

/**
 * Runs a snapshot of a network on new inputs with its compiled forward pass, {@link MLP#predictionProgram()}
 * (PyTorch's {@code no_grad}): the same arithmetic as training, so the same numbers to the last bit. The
 * parameters are copied once, when the predictor is made, so training can go on while another thread
 * draws or evaluates with it. One predictor per thread.
 */
public final class Predictor {
    private final MLP network;
    private final Replay replay;
    /** Where the network's outputs, and then their softmax, start among the program's outputs. */
    private final int outputs;
    private final int probabilities;

    /** A predictor for the network's parameters as they are now. */
    public Predictor(MLP network) {
        this(network, network.store().data());
    }

    /** A predictor for the network with parameter values {@code parameters} (in its store's order), copied. */
    public Predictor(MLP network, double[] parameters) {
        Program program = network.predictionProgram();
        this.network = network;
        this.replay = program.newReplay();
        replay.setParameters(parameters);   // a copy: the program takes them in the store's order
        int layerOutputs = 0;
        for (Layer layer : network.layers()) {
            layerOutputs += layer.outputs();
        }
        this.probabilities = layerOutputs;
        this.outputs = layerOutputs - network.outputs();
    }

    /** Runs the network on input {@code x}; the results are then read with the methods below. */
    public void run(double[] x) {
        replay.setInputs(x);
        replay.forward();
    }

    /** Output {@code i} of the last run (a logit, or the regression value). */
    public double output(int i) {
        return replay.output(outputs + i);
    }

    /** The output of neuron {@code neuron} of layer {@code layer} in the last run. */
    public double neuronOutput(int layer, int neuron) {
        int offset = 0;
        for (int l = 0; l < layer; l++) {
            offset += network.layers().get(l).outputs();
        }
        return replay.output(offset + neuron);
    }

    /** The network's raw outputs (logits, or the regression value) for input {@code x}. */
    public void outputs(double[] x, double[] out) {
        run(x);
        for (int i = 0; i < out.length; i++) {
            out[i] = output(i);
        }
    }

    /** The softmax of the network's outputs for input {@code x}: one probability per class. */
    public void probabilities(double[] x, double[] out) {
        run(x);
        if (network.outputs() == 1) {
            out[0] = 1.0;
            return;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = replay.output(probabilities + i);
        }
    }
}
