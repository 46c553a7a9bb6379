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
    /**
     * {@code w[j·n + i]}: the slot of neuron j's weight for input i; null in a program's final layer on
     * the grid, whose weights' slots the grid gives ({@link #weight}): a table of 4 bytes a weight that
     * a big network's program would otherwise keep.
     */
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
    /**
     * Whether the weights, the biases, the inputs are parameters (in a replay's parameter array), each
     * part being all parameters or none when the layer is {@link #strided}.
     */
    final boolean weightsAreParameters;
    final boolean biasesAreParameters;
    final boolean inputsAreParameters;

    DenseLayer(int[] x, int[] w, int[] bias, int biasMode, int[] z, int[] y, Op activation) {
        this(x, w, bias, biasMode, z, y, activation, true, true, 0, false);
    }

    private DenseLayer(int[] x, int[] w, int[] bias, int biasMode, int[] z, int[] y, Op activation,
                       boolean weightsNeedGrad, boolean inputsNeedGrad, int parameters, boolean compact) {
        this.weightsNeedGrad = weightsNeedGrad;
        this.inputsNeedGrad = inputsNeedGrad;
        this.weightsAreParameters = all(w, parameters);
        this.biasesAreParameters = all(bias, parameters);
        this.inputsAreParameters = all(x, parameters);
        this.k = z.length;
        this.n = x.length;
        this.x = x;
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
        this.strided = grid(w) && consecutive(x) && consecutive(z) && consecutive(y)
                && (weightsAreParameters || none(w, parameters)) && (biasesAreParameters || none(bias, parameters))
                && (inputsAreParameters || none(x, parameters)) && none(z, parameters);
        this.w = compact && strided ? null : w;
    }

    /** The slot of neuron j's weight for input i. */
    int weight(int j, int i) {
        return w == null ? w0 + j * wj + i * wi : w[j * n + i];
    }

    /** The weights' slots, {@code [j·n + i]}. */
    int[] weights() {
        if (w != null) {
            return w;
        }
        int[] all = new int[k * n];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                all[j * n + i] = weight(j, i);
            }
        }
        return all;
    }

    private static boolean all(int[] slots, int parameters) {
        for (int s : slots) {
            if (s >= parameters) {
                return false;
            }
        }
        return slots.length > 0;
    }

    private static boolean none(int[] slots, int parameters) {
        for (int s : slots) {
            if (s < parameters) {
                return false;
            }
        }
        return true;
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
        return new DenseLayer(Compiler.renumber(x, map), Compiler.renumber(weights(), map), Compiler.renumber(bias, map),
                biasMode, Compiler.renumber(z, map), Compiler.renumber(y, map), activation);
    }

    /** The biases, the weights, the inputs (the biases first, so that constant ones are numbered side by side). */
    @Override
    public int[] reads() {
        int[] weights = weights();
        int[] reads = new int[bias.length + weights.length + x.length];
        System.arraycopy(bias, 0, reads, 0, bias.length);
        System.arraycopy(weights, 0, reads, bias.length, weights.length);
        System.arraycopy(x, 0, reads, bias.length + weights.length, x.length);
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

    /**
     * The same layer, knowing whether its weights and biases, and whether its inputs, need gradients: a
     * program's final step, without its weights' table when the grid gives their slots.
     */
    @Override
    public DenseLayer needing(boolean[] needs, int parameters) {
        int[] weights = weights();
        return new DenseLayer(x, weights, bias, biasMode, z, y, activation, any(needs, weights) || any(needs, bias),
                any(needs, x), parameters, true);
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

    private boolean grid(int[] w) {
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
    public void forward(Slots s) {
        if (strided) {
            forward(weightsAreParameters ? s.p : s.d, biasesAreParameters ? s.p : s.d, inputsAreParameters ? s.p : s.d,
                    s.d, w0, wj, wi, b0, bj, biasMode, x[0], n, k, z[0], y[0], activation);
        } else {
            tableForward(s);
        }
    }

    /** The forward pass through the slot tables (each loop a method of its own, for the JIT's sake). */
    private void tableForward(Slots s) {
        for (int j = 0; j < k; j++) {
            int row = j * n;
            double sum = s.get(w[row]) * s.get(x[0]);
            if (biasMode == BIAS_FIRST) {
                sum = s.get(bias[j]) + sum;
            }
            for (int i = 1; i < n; i++) {
                sum += s.get(w[row + i]) * s.get(x[i]);
            }
            if (biasMode == BIAS_LAST) {
                sum += s.get(bias[j]);
            }
            s.set(z[j], sum);
            if (activation != null) {
                s.set(y[j], Value.forward(activation, sum, 0));
            }
        }
    }

    /**
     * The forward pass of a strided layer: weights in {@code wd} on the grid {@code w0 + j·wj + i·wi},
     * biases in {@code bd} at {@code b0 + j·bj}, inputs in {@code xd} from {@code x0}, pre-activations to
     * {@code d} from {@code z0} and outputs from {@code y0} (each array a replay's parameters or its other
     * slots). Static, so that generated code can call it with constants that the JIT folds into the loops.
     */
    static void forward(double[] wd, double[] bd, double[] xd, double[] d, int w0, int wj, int wi, int b0, int bj,
                        int biasMode, int x0, int n, int k, int z0, int y0, Op activation) {
        for (int j = 0; j < k; j++) {
            int w = w0 + j * wj;
            double s = wd[w] * xd[x0];
            if (biasMode == BIAS_FIRST) {
                s = bd[b0 + j * bj] + s;
            }
            for (int i = 1; i < n; i++) {
                s += wd[w + i * wi] * xd[x0 + i];
            }
            if (biasMode == BIAS_LAST) {
                s += bd[b0 + j * bj];
            }
            d[z0 + j] = s;
            if (activation != null) {
                d[y0 + j] = Value.forward(activation, s, 0);
            }
        }
    }

    /** Sends each neuron's gradient to its weights, bias and inputs, neurons last to first, as needed. */
    @Override
    public void backward(Slots s) {
        if (!s.needs[z[0]]) {
            return;
        }
        if (strided) {
            double[] wd = weightsAreParameters ? s.p : s.d;
            double[] wg = weightsAreParameters ? s.pg : s.g;
            double[] bg = biasesAreParameters ? s.pg : s.g;
            double[] xd = inputsAreParameters ? s.p : s.d;
            double[] xg = inputsAreParameters ? s.pg : s.g;
            backward(wd, wg, bg, xd, xg, s.d, s.g, w0, wj, wi, b0, bj, biasMode, x[0], n, k, z[0], y[0], activation,
                    weightsNeedGrad, inputsNeedGrad);
        } else {
            tableBackward(s);
        }
    }

    /** The backward pass through the slot tables, neurons last to first. */
    private void tableBackward(Slots s) {
        for (int j = k - 1; j >= 0; j--) {
            double g = s.grad(y[j]);
            if (activation != null) {
                g = Value.gradToA(activation, g, s.get(z[j]), 0, s.get(y[j]));
            }
            neuronBackward(s, g, j);
        }
    }

    /**
     * The backward pass of a strided layer (see {@link #forward(double[], double[], double[], double[], int,
     * int, int, int, int, int, int, int, int, int, int, Op)}), gradients in the arrays beside the values'.
     */
    static void backward(double[] wd, double[] wg, double[] bg, double[] xd, double[] xg, double[] d, double[] g,
                         int w0, int wj, int wi, int b0, int bj, int biasMode, int x0, int n, int k, int z0, int y0,
                         Op activation, boolean weights, boolean inputs) {
        for (int j = k - 1; j >= 0; j--) {
            double gz = g[y0 + j];
            if (activation != null) {
                gz = Value.gradToA(activation, gz, d[z0 + j], 0, d[y0 + j]);
            }
            int w = w0 + j * wj;
            if (weights) {
                for (int i = 0; i < n; i++) {
                    wg[w + i * wi] += gz * xd[x0 + i];
                }
                if (biasMode != NO_BIAS) {
                    bg[b0 + j * bj] += gz;
                }
            }
            if (inputs) {
                for (int i = 0; i < n; i++) {
                    xg[x0 + i] += gz * wd[w + i * wi];
                }
            }
        }
    }

    /** Neuron {@code j}'s gradient {@code g} to its weights, bias and inputs, through the slot tables. */
    private void neuronBackward(Slots s, double g, int j) {
        int row = j * n;
        if (weightsNeedGrad) {
            for (int i = 0; i < n; i++) {
                s.addGrad(w[row + i], g * s.get(x[i]));
            }
            if (biasMode != NO_BIAS) {
                s.addGrad(bias[j], g);
            }
        }
        if (inputsNeedGrad) {
            for (int i = 0; i < n; i++) {
                s.addGrad(x[i], g * s.get(w[row + i]));
            }
        }
    }
}
