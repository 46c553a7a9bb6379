package grad.nn;

import grad.engine.Tape;

/**
 * Runs a snapshot of a network on new inputs: the parameters are copied when the predictor is made, so
 * training can go on while another thread draws or evaluates with it. One predictor per thread.
 */
public final class Predictor {
    private final MLP network;
    private final Tape tape = new Tape(256);
    private final int parameters;
    private final int mark;

    /** A predictor for the network's parameters as they are now. */
    public Predictor(MLP network) {
        this.network = network.copy();
        this.parameters = this.network.load(tape);
        this.mark = tape.size();
    }

    public MLP network() {
        return network;
    }

    /** The network's raw outputs (logits, or the regression value) for input {@code x}. */
    public void outputs(double[] x, double[] out) {
        int first = record(x);
        for (int i = 0; i < out.length; i++) {
            out[i] = tape.data(first + i);
        }
    }

    /** The softmax of the network's outputs for input {@code x}: one probability per class. */
    public void probabilities(double[] x, double[] out) {
        int first = Softmax.softmax(tape, record(x), network.outputs());
        for (int i = 0; i < out.length; i++) {
            out[i] = tape.data(first + i);
        }
    }

    /** The class with the highest output for input {@code x} (the first one on ties). */
    public int predictClass(double[] x) {
        int first = record(x);
        int best = 0;
        for (int i = 1; i < network.outputs(); i++) {
            if (tape.data(first + i) > tape.data(first + best)) {
                best = i;
            }
        }
        return best;
    }

    private int record(double[] x) {
        if (x.length != network.inputs()) {
            throw new IllegalArgumentException("expected " + network.inputs() + " inputs, got " + x.length);
        }
        tape.truncate(mark);
        return network.forward(tape, parameters, tape.leaves(x));
    }
}
