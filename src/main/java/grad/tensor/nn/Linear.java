package grad.tensor.nn;

import grad.engine.ParameterStore;
import grad.nn.Module;
import grad.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * {@code torch.nn.Linear}: {@code y = x·Wᵀ + b} over the last dimension of {@code x}, the weight of shape
 * {@code [out, in]} as PyTorch stores it. Each output element is one dot {@code Σ W[j][t]·x[t]} plus the
 * bias, a neuron, which the compiler fuses into dense layers.
 */
public final class Linear implements Module {
    private final Tensor weight;
    private final Tensor bias;

    /**
     * A layer initialised as PyTorch's: weight and bias uniform in ±1/√in, drawn from {@code random}
     * (weight first, row-major).
     *
     * @param bias whether the layer adds a bias
     */
    public Linear(int in, int out, boolean bias, Random random) {
        this(uniform(random, 1 / Math.sqrt(in), out, in), bias ? uniform(random, 1 / Math.sqrt(in), out) : null);
    }

    /** A layer with the given weight {@code [out, in]} and bias {@code [out]} (or none: {@code null}), whose leaves become its parameters. */
    public Linear(Tensor weight, Tensor bias) {
        if (weight.dim() != 2 || bias != null && (bias.dim() != 1 || bias.size(0) != weight.size(0))) {
            throw new IllegalArgumentException("Linear: weight of shape " + Arrays.toString(weight.shape())
                    + " and bias of shape " + (bias == null ? "none" : Arrays.toString(bias.shape()))
                    + " (expected [out, in] and [out])");
        }
        this.weight = weight;
        this.bias = bias;
    }

    static Tensor uniform(Random random, double bound, int... shape) {
        double[] data = new double[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (2 * random.nextDouble() - 1) * bound;
        }
        return Tensor.of(data, shape);
    }

    /** {@code x·Wᵀ + b} for {@code x} of shape {@code [..., in]}: shape {@code [..., out]}. */
    public Tensor forward(Tensor x) {
        Tensor y = x.matmul(weight.transpose(0, 1));
        return bias == null ? y : y.add(bias);
    }

    /** The weight, {@code [out, in]}. */
    public Tensor weight() {
        return weight;
    }

    /** The bias, {@code [out]}, or {@code null} for a layer without one. */
    public Tensor bias() {
        return bias;
    }

    /** {@code weight}, then {@code bias} if there is one. */
    @Override
    public Map<String, ParameterStore.Shaped> namedParameters() {
        Map<String, ParameterStore.Shaped> named = new LinkedHashMap<>();
        named.put("weight", Parameters.shaped(weight));
        if (bias != null) {
            named.put("bias", Parameters.shaped(bias));
        }
        return named;
    }
}
