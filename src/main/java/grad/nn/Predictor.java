package grad.nn;

/**
 * Runs a snapshot of a network on new inputs, without recording a graph (PyTorch's {@code no_grad}):
 * plain arithmetic over arrays, in the same order as the tape's forward pass, so the results are the
 * same to the last bit. The parameters are copied when the predictor is made, so training can go on
 * while another thread draws or evaluates with it. One predictor per thread.
 */
public final class Predictor {
    private final MLP network;
    private final double[] parameters;
    /** One buffer per layer for its outputs. */
    private final double[][] activations;

    /** A predictor for the network's parameters as they are now. */
    public Predictor(MLP network) {
        this.network = network.copy();
        this.parameters = this.network.parameters();
        this.activations = new double[network.layers().size()][];
        for (Layer layer : network.layers()) {
            activations[layer.index()] = new double[layer.outputs()];
        }
    }

    /** The network's raw outputs (logits, or the regression value) for input {@code x}. */
    public void outputs(double[] x, double[] out) {
        System.arraycopy(forward(x), 0, out, 0, out.length);
    }

    /** The softmax of the network's outputs for input {@code x}: one probability per class. */
    public void probabilities(double[] x, double[] out) {
        double[] z = forward(x);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            out[i] = Math.exp(z[i] - max);
            sum = i == 0 ? out[0] : sum + out[i];
        }
        for (int i = 0; i < z.length; i++) {
            out[i] = out[i] / sum;
        }
    }

    /** The class with the highest output for input {@code x} (the first one on ties). */
    public int predictClass(double[] x) {
        double[] z = forward(x);
        int best = 0;
        for (int i = 1; i < z.length; i++) {
            if (z[i] > z[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Layer by layer: each neuron's {@code Σ wᵢ·xᵢ}, plus its bias, through the activation. */
    private double[] forward(double[] x) {
        if (x.length != network.inputs()) {
            throw new IllegalArgumentException("expected " + network.inputs() + " inputs, got " + x.length);
        }
        double[] in = x;
        for (Layer layer : network.layers()) {
            double[] out = activations[layer.index()];
            int n = layer.inputs();
            for (int j = 0; j < layer.outputs(); j++) {
                int w = layer.offset() + j * (n + 1);
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += parameters[w + i] * in[i];
                }
                out[j] = layer.activation().apply(sum + parameters[w + n]);
            }
            in = out;
        }
        return in;
    }
}
