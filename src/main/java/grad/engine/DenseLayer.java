package grad.engine;

import java.util.List;

/**
 * A fused layer: {@code K} dot steps over the same {@code n} inputs, neuron {@code j} computing
 * {@code z[j] = Σᵢ w[j][i]·x[i] + bias[j]} and then {@code y[j] = activation(z[j])}. The loops are what
 * a hand-written layer does; the arithmetic, and the order of every sum, is that of the {@link Value}
 * operations it replaces (the backward pass visits the neurons last to first, as {@link Value#backward()}
 * does).
 */
final class DenseLayer {
    final int n;
    final int k;
    final int[] x;
    /** {@code w[j·n + i]}: the slot of neuron j's weight for input i. */
    final int[] w;
    final int[] bias;
    final int[] z;
    /** The activation's output slots ({@link #z} itself without an activation). */
    final int[] y;
    /** RELU, TANH, SIGMOID, or null for none. */
    final Op activation;
    /** Whether the weights start at a slot and follow each other neuron by neuron, each neuron's bias after its weights. */
    private final int packed;

    DenseLayer(List<Compiler.Step> dots, List<Compiler.Step> activations, Op activation) {
        this.k = dots.size();
        this.n = dots.get(0).b().length;
        this.x = dots.get(0).b();
        this.w = new int[k * n];
        this.bias = new int[k];
        this.z = new int[k];
        this.y = new int[k];
        this.activation = activation;
        for (int j = 0; j < k; j++) {
            Compiler.Step dot = dots.get(j);
            System.arraycopy(dot.a(), 0, w, j * n, n);
            bias[j] = dot.bias();
            z[j] = dot.out();
            y[j] = activation == null ? dot.out() : activations.get(j).out();
        }
        this.packed = packedStart();
    }

    /** The first weight's slot if neuron j's weights are slots {@code p + j(n+1) ..} and its bias follows, else -1. */
    private int packedStart() {
        int p = w[0];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                if (w[j * n + i] != p + j * (n + 1) + i) {
                    return -1;
                }
            }
            if (bias[j] != p + j * (n + 1) + n) {
                return -1;
            }
        }
        return p;
    }


    void forward(double[] data) {
        for (int j = 0; j < k; j++) {
            double s = dot(data, j);
            data[z[j]] = s;
            if (activation != null) {
                data[y[j]] = Value.forward(activation, s, 0);
            }
        }
    }

    private double dot(double[] data, int j) {
        if (packed >= 0) {
            int p = packed + j * (n + 1);
            double s = data[p] * data[x[0]];
            for (int i = 1; i < n; i++) {
                s += data[p + i] * data[x[i]];
            }
            return s + data[p + n];
        }
        int row = j * n;
        double s = data[w[row]] * data[x[0]];
        for (int i = 1; i < n; i++) {
            s += data[w[row + i]] * data[x[i]];
        }
        return s + data[bias[j]];
    }

    /**
     * Sends each neuron's gradient to its weights, bias and inputs, neurons last to first.
     *
     * @param weights whether the weights and biases need gradients
     * @param inputs  whether the inputs do
     */
    void backward(double[] data, double[] grad, boolean weights, boolean inputs) {
        for (int j = k - 1; j >= 0; j--) {
            double g = grad[y[j]];
            if (activation != null) {
                g = Value.gradToA(activation, g, data[z[j]], 0, data[y[j]]);
            }
            if (packed >= 0) {
                int p = packed + j * (n + 1);
                if (weights) {
                    for (int i = 0; i < n; i++) {
                        grad[p + i] += g * data[x[i]];
                    }
                    grad[p + n] += g;
                }
                if (inputs) {
                    for (int i = 0; i < n; i++) {
                        grad[x[i]] += g * data[p + i];
                    }
                }
            } else {
                int row = j * n;
                if (weights) {
                    for (int i = 0; i < n; i++) {
                        grad[w[row + i]] += g * data[x[i]];
                    }
                    grad[bias[j]] += g;
                }
                if (inputs) {
                    for (int i = 0; i < n; i++) {
                        grad[x[i]] += g * data[w[row + i]];
                    }
                }
            }
        }
    }
}
