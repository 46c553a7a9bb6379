package grad.engine;

import java.util.List;

/**
 * A fused layer: {@code k} dot steps over the same {@code n} inputs, neuron {@code j} computing
 * {@code z[j] = Σᵢ w[j][i]·x[i] + bias[j]} and then {@code y[j] = activation(z[j])}. The loops are what
 * a hand-written layer does; the arithmetic, and the order of every sum, is that of the {@link Value}
 * operations it replaces (the backward pass visits the neurons last to first, as {@link Value#backward()}
 * does).
 *
 * <p>When the slots are laid out as a network lays them out (each neuron's weights then its bias, neuron
 * after neuron; the inputs side by side), the loops index the slots directly, as a hand-written layer
 * indexes its arrays; otherwise they go through the slot tables.
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
    /** The first weight's slot when neuron j's weights are slots {@code packed + j(n+1) ..} with its bias after them, else -1. */
    final int packed;
    /** The first input's slot when the inputs are consecutive slots, else -1. */
    final int inputs;

    DenseLayer(int[] x, int[] w, int[] bias, int[] z, int[] y, Op activation) {
        this.k = bias.length;
        this.n = x.length;
        this.x = x;
        this.w = w;
        this.bias = bias;
        this.z = z;
        this.y = y;
        this.activation = activation;
        this.packed = packedStart();
        this.inputs = consecutive(x) ? x[0] : -1;
    }

    static DenseLayer of(List<Compiler.Step> dots, List<Compiler.Step> activations, Op activation) {
        int k = dots.size();
        int n = dots.get(0).b().length;
        int[] w = new int[k * n];
        int[] bias = new int[k];
        int[] z = new int[k];
        int[] y = new int[k];
        for (int j = 0; j < k; j++) {
            Compiler.Step dot = dots.get(j);
            System.arraycopy(dot.a(), 0, w, j * n, n);
            bias[j] = dot.bias();
            z[j] = dot.out();
            y[j] = activation == null ? dot.out() : activations.get(j).out();
        }
        return new DenseLayer(dots.get(0).b(), w, bias, z, y, activation);
    }

    /** The same layer with every slot {@code s} renumbered {@code map[s]}. */
    DenseLayer renumbered(int[] map) {
        return new DenseLayer(Compiler.renumber(x, map), Compiler.renumber(w, map), Compiler.renumber(bias, map),
                Compiler.renumber(z, map), Compiler.renumber(y, map), activation);
    }

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

    private static boolean consecutive(int[] slots) {
        for (int i = 1; i < slots.length; i++) {
            if (slots[i] != slots[0] + i) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the slots are laid out as a network lays them out: each neuron's weights then its bias,
     * neuron after neuron; the inputs, the pre-activations and the outputs each side by side.
     */
    boolean laidOut() {
        return packed >= 0 && inputs >= 0 && consecutive(z) && consecutive(y);
    }

    void forward(double[] data) {
        if (laidOut()) {
            forward(data, packed, inputs, n, k, z[0], y[0], activation);
            return;
        }
        for (int j = 0; j < k; j++) {
            double s = dot(data, j);
            data[z[j]] = s;
            if (activation != null) {
                data[y[j]] = Value.forward(activation, s, 0);
            }
        }
    }

    /**
     * The forward pass of a laid-out layer: weights from slot {@code p}, inputs from {@code x0},
     * pre-activations to {@code z0} and outputs to {@code y0}. Static, so that generated code can call it
     * with constants that the JIT folds into the loops.
     */
    static void forward(double[] d, int p, int x0, int n, int k, int z0, int y0, Op activation) {
        for (int j = 0; j < k; j++) {
            int w = p + j * (n + 1);
            double s = d[w] * d[x0];
            for (int i = 1; i < n; i++) {
                s += d[w + i] * d[x0 + i];
            }
            s += d[w + n];
            d[z0 + j] = s;
            if (activation != null) {
                d[y0 + j] = Value.forward(activation, s, 0);
            }
        }
    }

    private double dot(double[] data, int j) {
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
        if (laidOut()) {
            backward(data, grad, packed, this.inputs, n, k, z[0], y[0], activation, weights, inputs);
            return;
        }
        for (int j = k - 1; j >= 0; j--) {
            double g = grad[y[j]];
            if (activation != null) {
                g = Value.gradToA(activation, g, data[z[j]], 0, data[y[j]]);
            }
            tableBackward(data, grad, g, j, weights, inputs);
        }
    }

    /** The backward pass of a laid-out layer (see {@link #forward(double[], int, int, int, int, int, int, Op)}). */
    static void backward(double[] d, double[] g, int p, int x0, int n, int k, int z0, int y0, Op activation,
                         boolean weights, boolean inputs) {
        for (int j = k - 1; j >= 0; j--) {
            double gz = g[y0 + j];
            if (activation != null) {
                gz = Value.gradToA(activation, gz, d[z0 + j], 0, d[y0 + j]);
            }
            int w = p + j * (n + 1);
            if (weights) {
                for (int i = 0; i < n; i++) {
                    g[w + i] += gz * d[x0 + i];
                }
                g[w + n] += gz;
            }
            if (inputs) {
                for (int i = 0; i < n; i++) {
                    g[x0 + i] += gz * d[w + i];
                }
            }
        }
    }

    private void tableBackward(double[] data, double[] grad, double g, int j, boolean weights, boolean inputs) {
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
