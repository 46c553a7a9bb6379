package grad.bench;

/**
 * The speed limit: one sample's forward and backward pass of an inputs-hidden-outputs ReLU network with
 * softmax and MSE, written by hand over double arrays with no allocation. Same parameter layout as
 * {@link grad.nn.MLP}: per neuron, its weights then its bias.
 */
final class HandWrittenNetwork {
    private final int in;
    private final int hidden;
    private final int out;
    private final double[] pre;
    private final double[] act;
    private final double[] logits;
    private final double[] probs;
    private final double[] dLogits;
    private final double[] dAct;

    HandWrittenNetwork(int in, int hidden, int out) {
        this.in = in;
        this.hidden = hidden;
        this.out = out;
        pre = new double[hidden];
        act = new double[hidden];
        logits = new double[out];
        probs = new double[out];
        dLogits = new double[out];
        dAct = new double[hidden];
    }

    /** Adds this sample's gradient to {@code grad}; returns its loss. */
    double sample(double[] p, double[] grad, double[] x, double[] y) {
        int o2 = hidden * (in + 1);
        for (int j = 0; j < hidden; j++) {
            int w = j * (in + 1);
            double s = 0;
            for (int i = 0; i < in; i++) {
                s += p[w + i] * x[i];
            }
            pre[j] = s + p[w + in];
            act[j] = pre[j] > 0 ? pre[j] : 0;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < out; k++) {
            int w = o2 + k * (hidden + 1);
            double s = 0;
            for (int j = 0; j < hidden; j++) {
                s += p[w + j] * act[j];
            }
            logits[k] = s + p[w + hidden];
            max = Math.max(max, logits[k]);
        }
        double sum = 0;
        for (int k = 0; k < out; k++) {
            probs[k] = Math.exp(logits[k] - max);
            sum += probs[k];
        }
        double loss = 0;
        double dot = 0;
        for (int k = 0; k < out; k++) {
            probs[k] /= sum;
            double d = probs[k] - y[k];
            loss += d * d;
            dLogits[k] = 2 * d / out;   // dL/dp
            dot += dLogits[k] * probs[k];
        }
        for (int k = 0; k < out; k++) {
            dLogits[k] = probs[k] * (dLogits[k] - dot);   // through softmax
        }
        java.util.Arrays.fill(dAct, 0);
        for (int k = 0; k < out; k++) {
            int w = o2 + k * (hidden + 1);
            double g = dLogits[k];
            for (int j = 0; j < hidden; j++) {
                grad[w + j] += g * act[j];
                dAct[j] += g * p[w + j];
            }
            grad[w + hidden] += g;
        }
        for (int j = 0; j < hidden; j++) {
            double g = pre[j] > 0 ? dAct[j] : 0;
            int w = j * (in + 1);
            for (int i = 0; i < in; i++) {
                grad[w + i] += g * x[i];
            }
            grad[w + in] += g;
        }
        return loss / out;
    }
}
