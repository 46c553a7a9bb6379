package grad.tensor.nn;

import grad.engine.ParameterStore;
import grad.nn.Module;
import grad.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code torch.nn.LayerNorm} over the last dimension: {@code (x − mean) / √(var + ε) · g + b}, with the
 * biased variance (the mean of the squared deviations), as PyTorch computes it.
 */
public final class LayerNorm implements Module {
    private final Tensor gain;
    private final Tensor bias;
    private final double eps;

    /** A norm over {@code dim} numbers, the gain starting at 1 and the bias at 0. */
    public LayerNorm(int dim, double eps) {
        this(Tensor.ones(dim), Tensor.zeros(dim), eps);
    }

    /** A norm with the given gain and bias {@code [dim]}, whose leaves become its parameters. */
    public LayerNorm(Tensor gain, Tensor bias, double eps) {
        this.gain = Parameters.vector("LayerNorm", "gain", gain, gain.numel());
        this.bias = Parameters.vector("LayerNorm", "bias", bias, gain.numel());
        this.eps = eps;
    }

    /** {@code x} of shape {@code [..., dim]} normalised along its last dimension. */
    public Tensor forward(Tensor x) {
        Tensor centred = x.sub(x.mean(-1, true));
        Tensor std = centred.pow(2).mean(-1, true).add(eps).sqrt();
        return centred.div(std).mul(gain).add(bias);
    }

    /** The gain, {@code [dim]}. */
    public Tensor gain() {
        return gain;
    }

    /** The bias, {@code [dim]}. */
    public Tensor bias() {
        return bias;
    }

    /** {@code weight} (the gain) and {@code bias}, PyTorch's names. */
    @Override
    public Map<String, ParameterStore.Shaped> namedParameters() {
        Map<String, ParameterStore.Shaped> named = new LinkedHashMap<>();
        named.put("weight", Parameters.shaped(gain));
        named.put("bias", Parameters.shaped(bias));
        return named;
    }
}
