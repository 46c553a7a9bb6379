package grad.gpt2;

import grad.engine.ParameterStore;
import grad.nn.Module;
import grad.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GPT-2's {@code Conv1D}: a linear layer whose weight is stored {@code [in, out]} (the transpose of
 * {@code torch.nn.Linear}'s), so {@code y = x·W + b} with no transpose.
 */
final class Conv1D implements Module {
    private final Tensor weight;
    private final Tensor bias;

    Conv1D(Tensor weight, Tensor bias) {
        this.weight = weight;
        this.bias = bias;
    }

    /** {@code x·W + b} for {@code x} of shape {@code [n, in]}: shape {@code [n, out]}. */
    Tensor forward(Tensor x) {
        return x.matmul(weight).add(bias);
    }

    /** {@code weight} {@code [in, out]}, then {@code bias} {@code [out]}. */
    @Override
    public Map<String, ParameterStore.Shaped> namedParameters() {
        Map<String, ParameterStore.Shaped> named = new LinkedHashMap<>();
        named.put("weight", shaped(weight));
        named.put("bias", shaped(bias));
        return named;
    }

    static ParameterStore.Shaped shaped(Tensor t) {
        return new ParameterStore.Shaped(t.shape(), t.values());
    }
}
