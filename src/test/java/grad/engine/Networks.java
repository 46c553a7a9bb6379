package grad.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test networks written the ways people write a dense layer, each with its parameters in the layout that
 * way implies: grad's own ({@code w·x} summed, bias last, each neuron's weights then its bias), micrograd's
 * (bias first), operands swapped ({@code x·w}), microgpt's {@code linear} (no bias), Python's {@code sum}
 * (a constant 0 first), PyTorch's {@code Linear} ({@code [out][in]} weights, then the biases), PyTorch's
 * {@code x·W + b} ({@code [in][out]} weights) and a mix (per layer a bias place, per product an order).
 */
final class Networks {
    /**
     * How a neuron is written: a chain of products and additions (the bias last, first, absent, …), or one
     * {@link Value#dot} with the bias added after it ({@code VALUE_DOT}), before it ({@code BIAS_PLUS_DOT}) or not
     * at all ({@code DOT_NO_BIAS}).
     */
    enum Shape { GRAD, BIAS_FIRST, SWAPPED, NO_BIAS, PYTHON_SUM, LINEAR, X_W, MIXED, VALUE_DOT, BIAS_PLUS_DOT, DOT_NO_BIAS }

    private static final int NONE = 0;
    private static final int FIRST = 1;
    private static final int LAST = 2;

    final Shape shape;
    /** Layer sizes, the inputs first. */
    final int[] sizes;
    final Op activation;
    final List<Value> parameters = new ArrayList<>();
    private final Value[][][] w;
    private final Value[][] b;
    private final int[] biasPlace;
    private final boolean[][][] swapped;

    Networks(Shape shape, int[] sizes, Op activation, SplittableRandom rng) {
        this.shape = shape;
        this.sizes = sizes.clone();
        this.activation = activation;
        int layers = sizes.length - 1;
        w = new Value[layers][][];
        b = new Value[layers][];
        biasPlace = new int[layers];
        swapped = new boolean[layers][][];
        for (int l = 0; l < layers; l++) {
            biasPlace[l] = switch (shape) {
                case BIAS_FIRST, PYTHON_SUM -> FIRST;
                case NO_BIAS, DOT_NO_BIAS -> NONE;
                case MIXED -> rng.nextInt(3);
                default -> LAST;
            };
            layer(l, sizes[l], sizes[l + 1], rng);
        }
    }

    private void layer(int l, int n, int k, SplittableRandom rng) {
        w[l] = new Value[k][n];
        b[l] = new Value[k];
        swapped[l] = new boolean[k][n];
        boolean bias = biasPlace[l] != NONE && shape != Shape.PYTHON_SUM;
        if (shape == Shape.X_W) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    w[l][j][i] = parameter(rng);
                }
            }
        } else {
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < n; i++) {
                    w[l][j][i] = parameter(rng);
                }
                if (bias && shape != Shape.LINEAR) {
                    b[l][j] = parameter(rng);
                }
            }
        }
        for (int j = 0; j < k; j++) {
            if (bias && (shape == Shape.LINEAR || shape == Shape.X_W)) {
                b[l][j] = parameter(rng);
            }
            for (int i = 0; i < n; i++) {
                swapped[l][j][i] = shape == Shape.SWAPPED || shape == Shape.X_W || shape == Shape.MIXED && rng.nextBoolean();
            }
            if (shape == Shape.PYTHON_SUM) {
                b[l][j] = null;
            }
        }
    }

    private Value parameter(SplittableRandom rng) {
        Value p = Value.of(rng.nextDouble(-1, 1));
        parameters.add(p);
        return p;
    }

    /** The network's outputs for inputs {@code x}: each layer's neurons, the last layer's without activation. */
    List<Value> call(List<Value> x) {
        List<Value> h = x;
        for (int l = 0; l < w.length; l++) {
            List<Value> next = new ArrayList<>();
            for (int j = 0; j < w[l].length; j++) {
                Value z = neuron(l, j, h);
                next.add(l == w.length - 1 ? z : activate(z));
            }
            h = next;
        }
        return h;
    }

    private Value neuron(int l, int j, List<Value> x) {
        if (shape == Shape.VALUE_DOT || shape == Shape.BIAS_PLUS_DOT || shape == Shape.DOT_NO_BIAS) {
            Value dot = Value.dot(java.util.Arrays.asList(w[l][j]), x);
            return shape == Shape.DOT_NO_BIAS ? dot : shape == Shape.VALUE_DOT ? dot.add(b[l][j]) : b[l][j].add(dot);
        }
        Value sum = null;
        if (biasPlace[l] == FIRST) {
            sum = shape == Shape.PYTHON_SUM ? Value.of(0) : b[l][j];
        }
        for (int i = 0; i < x.size(); i++) {
            Value product = swapped[l][j][i] ? x.get(i).mul(w[l][j][i]) : w[l][j][i].mul(x.get(i));
            sum = sum == null ? product : sum.add(product);
        }
        return biasPlace[l] == LAST ? sum.add(b[l][j]) : sum;
    }

    private Value activate(Value z) {
        return switch (activation) {
            case RELU -> z.relu();
            case TANH -> z.tanh();
            case SIGMOID -> z.sigmoid();
            default -> throw new IllegalArgumentException(activation.name());
        };
    }

    /** Cross-entropy of logits {@code o} against one-hot targets {@code t}: log Σ exp(o − max) + max − Σ t·o. */
    static Value crossEntropy(List<Value> o, List<Value> t) {
        Value max = o.get(0);
        for (int k = 1; k < o.size(); k++) {
            max = max.max(o.get(k));
        }
        max = max.detach();
        List<Value> exps = new ArrayList<>();
        List<Value> picked = new ArrayList<>();
        for (int k = 0; k < o.size(); k++) {
            exps.add(o.get(k).sub(max).exp());
            picked.add(t.get(k).mul(o.get(k)));
        }
        return Value.sum(exps).log().add(max).sub(Value.sum(picked));
    }

    /** Leaves holding {@code values}. */
    static List<Value> leaves(double... values) {
        List<Value> list = new ArrayList<>();
        for (double v : values) {
            list.add(Value.of(v));
        }
        return list;
    }
}
