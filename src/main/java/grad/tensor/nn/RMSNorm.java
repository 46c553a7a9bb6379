package grad.tensor.nn;

import grad.engine.ParameterStore;
import grad.nn.Module;
import grad.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Root-mean-square normalisation over the last dimension, with a gain: {@code x / √(mean(x²) + ε) · g}
 * ({@code torch.nn.RMSNorm}, as LLaMA and microgpt use it).
 */
public final class RMSNorm implements Module {
    private final Tensor gain;
    private final double eps;

    /** A norm over {@code dim} numbers, the gain starting at 1. */
    public RMSNorm(int dim, double eps) {
        this(Tensor.ones(dim), eps);
    }

    /** A norm with the given gain {@code [dim]}, whose leaves become its parameters. */
    public RMSNorm(Tensor gain, double eps) {
        this.gain = Parameters.vector("RMSNorm", "gain", gain, gain.numel());
        this.eps = eps;
    }

    /** {@code x} of shape {@code [..., dim]} normalised along its last dimension. */
    public Tensor forward(Tensor x) {
        Tensor rms = x.pow(2).mean(-1, true).add(eps).sqrt();
        return x.div(rms).mul(gain);
    }

    /** The gain, {@code [dim]}. */
    public Tensor gain() {
        return gain;
    }

    /** {@code weight} (the gain, PyTorch's name). */
    @Override
    public Map<String, ParameterStore.Shaped> namedParameters() {
        Map<String, ParameterStore.Shaped> named = new LinkedHashMap<>();
        named.put("weight", Parameters.shaped(gain));
        return named;
    }
}
