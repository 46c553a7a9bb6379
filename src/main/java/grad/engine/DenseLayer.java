package grad.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A fused layer: {@code k} dot steps over the same {@code n} inputs, neuron {@code j} computing
 * {@code z[j] = Σᵢ w[j][i]·x[i] + bias[j]} and then {@code y[j] = activation(z[j])}. The loops are what
 * a hand-written layer does; the arithmetic, and the order of every sum, is that of the {@link Value}
 * operations it replaces: the bias added last (grad's {@code Neuron}), first (micrograd's), or not at all
 * (microgpt's {@code linear}); the backward pass visits the neurons last to first, as
 * {@link Value#backward()} does.
 *
 * <p>When the slots form a regular grid — neuron j's weight for input i at {@code w0 + j·wj + i·wi}, its
 * bias at {@code b0 + j·bj}, the inputs, pre-activations and outputs each side by side — the loops index
 * the slots directly, as a hand-written layer indexes its arrays. That covers grad's layout (each neuron's
 * weights then its bias), PyTorch's {@code Linear} (a {@code [out][in]} weight matrix, then the biases) and
 * {@code x·W} (an {@code [in][out]} matrix). Otherwise the loops go through the slot tables.
 */
final class DenseLayer implements Step {
    /** Where the bias is added: {@link #NO_BIAS}, {@link #BIAS_FIRST} or {@link #BIAS_LAST}. */
    static final int NO_BIAS = 0;
    static final int BIAS_FIRST = 1;
    static final int BIAS_LAST = 2;

    final int n;
    final int k;
    final int[] x;
    /** {@code w[j·n + i]}: the slot of neuron j's weight for input i. */
    final int[] w;
    /** The biases' slots (none without a bias). */
    final int[] bias;
    final int biasMode;
    final int[] z;
    /** The activation's output slots ({@link #z} itself without an activation). */
    final int[] y;
    /** RELU, TANH, SIGMOID, or null for none. */
    final Op activation;
    /** The grid of the weights and biases (see the class comment), or {@code strided == false}. */
    final int w0;
    final int wj;
    final int wi;
    final int b0;
    final int bj;
    final boolean strided;
    /** Whether the weights and biases, and whether the inputs, need gradients (see {@link #needing}). */
    final boolean weightsNeedGrad;
    final boolean inputsNeedGrad;

    DenseLayer(int[] x, int[] w, int[] bias, int biasMode, int[] z, int[] y, Op activation) {
        this(x, w, bias, biasMode, z, y, activation, true, true);
    }

    private DenseLayer(int[] x, int[] w, int[] bias, int biasMode, int[] z, int[] y, Op activation,
                       boolean weightsNeedGrad, boolean inputsNeedGrad) {
        this.weightsNeedGrad = weightsNeedGrad;
        this.inputsNeedGrad = inputsNeedGrad;
        this.k = z.length;
        this.n = x.length;
        this.x = x;
        this.w = w;
        this.bias = bias;
        this.biasMode = biasMode;
        this.z = z;
        this.y = y;
        this.activation = activation;
        this.w0 = w[0];
        this.wj = k > 1 ? w[n] - w[0] : 0;
        this.wi = n > 1 ? w[1] - w[0] : 0;
        this.b0 = bias.length > 0 ? bias[0] : 0;
        this.bj = bias.length > 1 ? bias[1] - bias[0] : 0;
        this.strided = grid() && consecutive(x) && consecutive(z) && consecutive(y);
    }

    /**
     * The layer of dots over {@code inputs}: of each product, the operand that is not the input is the weight.
     *
     * @param activations the activation step of each dot, when {@code activation} is not null
     */
    static DenseLayer of(List<Step.Dot> dots, List<Step.Scalar> activations, Op activation, int[] inputs) {
        int k = dots.size();
        int n = inputs.length;
        Step.Dot first = dots.get(0);
        int[] w = new int[k * n];
        int[] bias = new int[first.bias() >= 0 ? k : 0];
        int[] z = new int[k];
        int[] y = new int[k];
        for (int j = 0; j < k; j++) {
            Step.Dot dot = dots.get(j);
            for (int i = 0; i < n; i++) {
                w[j * n + i] = dot.b()[i] == inputs[i] ? dot.a()[i] : dot.b()[i];
            }
            if (bias.length > 0) {
                bias[j] = dot.bias();
            }
            z[j] = dot.out();
            y[j] = activation == null ? dot.out() : activations.get(j).out();
        }
        int mode = bias.length == 0 ? NO_BIAS : first.biasFirst() ? BIAS_FIRST : BIAS_LAST;
        return new DenseLayer(inputs, w, bias, mode, z, y, activation);
    }

    @Override
    public DenseLayer renumbered(int[] map) {
        return new DenseLayer(Compiler.renumber(x, map), Compiler.renumber(w, map), Compiler.renumber(bias, map),
                biasMode, Compiler.renumber(z, map), Compiler.renumber(y, map), activation);
    }

    /** The biases, the weights, the inputs (the biases first, so that constant ones are numbered side by side). */
    @Override
    public int[] reads() {
        int[] reads = new int[bias.length + w.length + x.length];
        System.arraycopy(bias, 0, reads, 0, bias.length);
        System.arraycopy(w, 0, reads, bias.length, w.length);
        System.arraycopy(x, 0, reads, bias.length + w.length, x.length);
        return reads;
    }

    /** The pre-activations, then the outputs (when there is an activation). */
    @Override
    public int[] writes() {
        if (activation == null) {
            return z.clone();
        }
        int[] writes = Arrays.copyOf(z, 2 * k);
        System.arraycopy(y, 0, writes, k, k);
        return writes;
    }

    /** The same layer, knowing whether its weights and biases, and whether its inputs, need gradients. */
    @Override
    public DenseLayer needing(boolean[] needs) {
        return new DenseLayer(x, w, bias, biasMode, z, y, activation, any(needs, w) || any(needs, bias), any(needs, x));
    }

    private static boolean any(boolean[] needs, int[] slots) {
        for (int s : slots) {
            if (needs[s]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String text(Program p) {
        String sum = switch (biasMode) {
            case BIAS_FIRST -> "b + W·[%s]";
            case BIAS_LAST -> "W·[%s] + b";
            default -> "W·[%s]";
        };
        return String.format(Locale.ROOT, "%s = %s(dense %d×%d: " + sum + ")", p.names(y),
                activation == null ? "" : activation.symbol(), k, n, p.names(x));
    }

    private boolean grid() {
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                if (w[j * n + i] != w0 + j * wj + i * wi) {
                    return false;
                }
            }
            if (bias.length > 0 && bias[j] != b0 + j * bj) {
                return false;
            }
        }
        return true;
    }

    private static boolean consecutive(int[] slots) {
        for (int i = 1; i < slots.length; i++) {
            if (slots[i] != slots[0] + i) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void forward(double[] data) {
        if (strided) {
            forward(data, w0, wj, wi, b0, bj, biasMode, x[0], n, k, z[0], y[0], activation);
            return;
        }
        for (int j = 0; j < k; j++) {
            int row = j * n;
            double s = data[w[row]] * data[x[0]];
            if (biasMode == BIAS_FIRST) {
                s = data[bias[j]] + s;
            }
            for (int i = 1; i < n; i++) {
                s += data[w[row + i]] * data[x[i]];
            }
            if (biasMode == BIAS_LAST) {
                s += data[bias[j]];
            }
            data[z[j]] = s;
            if (activation != null) {
                data[y[j]] = Value.forward(activation, s, 0);
            }
        }
    }

    /**
     * The forward pass of a strided layer: weights on the grid {@code w0 + j·wj + i·wi}, biases at
     * {@code b0 + j·bj}, inputs from {@code x0}, pre-activations to {@code z0} and outputs to {@code y0}.
     * Static, so that generated code can call it with constants that the JIT folds into the loops.
     */
    static void forward(double[] d, int w0, int wj, int wi, int b0, int bj, int biasMode, int x0, int n, int k,
                        int z0, int y0, Op activation) {
        for (int j = 0; j < k; j++) {
            int w = w0 + j * wj;
            double s = d[w] * d[x0];
            if (biasMode == BIAS_FIRST) {
                s = d[b0 + j * bj] + s;
            }
            for (int i = 1; i < n; i++) {
                s += d[w + i * wi] * d[x0 + i];
            }
            if (biasMode == BIAS_LAST) {
                s += d[b0 + j * bj];
            }
            d[z0 + j] = s;
            if (activation != null) {
                d[y0 + j] = Value.forward(activation, s, 0);
            }
        }
    }

    /** Sends each neuron's gradient to its weights, bias and inputs, neurons last to first, as needed. */
    @Override
    public void backward(double[] data, double[] grad, boolean[] needs) {
        if (needs[z[0]]) {
            backward(data, grad, weightsNeedGrad, inputsNeedGrad);
        }
    }

    /**
     * Sends each neuron's gradient to its weights, bias and inputs, neurons last to first.
     *
     * @param weights whether the weights and biases need gradients
     * @param inputs  whether the inputs do
     */
    void backward(double[] data, double[] grad, boolean weights, boolean inputs) {
        if (strided) {
            backward(data, grad, w0, wj, wi, b0, bj, biasMode, x[0], n, k, z[0], y[0], activation, weights, inputs);
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

    /** The backward pass of a strided layer (see {@link #forward(double[], int, int, int, int, int, int, int, int, int, int, int, Op)}). */
    static void backward(double[] d, double[] g, int w0, int wj, int wi, int b0, int bj, int biasMode, int x0,
                         int n, int k, int z0, int y0, Op activation, boolean weights, boolean inputs) {
        for (int j = k - 1; j >= 0; j--) {
            double gz = g[y0 + j];
            if (activation != null) {
                gz = Value.gradToA(activation, gz, d[z0 + j], 0, d[y0 + j]);
            }
            int w = w0 + j * wj;
            if (weights) {
                for (int i = 0; i < n; i++) {
                    g[w + i * wi] += gz * d[x0 + i];
                }
                if (biasMode != NO_BIAS) {
                    g[b0 + j * bj] += gz;
                }
            }
            if (inputs) {
                for (int i = 0; i < n; i++) {
                    g[x0 + i] += gz * d[w + i * wi];
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
            if (biasMode != NO_BIAS) {
                grad[bias[j]] += g;
            }
        }
        if (inputs) {
            for (int i = 0; i < n; i++) {
                grad[x[i]] += g * data[w[row + i]];
            }
        }
    }
}
