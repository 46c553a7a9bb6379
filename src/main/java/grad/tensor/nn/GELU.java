package grad.tensor.nn;

import grad.engine.ParameterStore;
import grad.nn.Module;
import grad.tensor.Tensor;
import java.util.Map;

/**
 * The GELU activation in its tanh approximation, {@code torch.nn.GELU(approximate="tanh")}:
 * {@code ½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))}. No parameters.
 */
public final class GELU implements Module {
    private static final double C = Math.sqrt(2 / Math.PI);

    /** {@code gelu(x)} elementwise. */
    public Tensor forward(Tensor x) {
        Tensor inner = x.add(x.pow(3).mul(0.044715)).mul(C);
        return x.mul(0.5).mul(inner.tanh().add(1));
    }

    /** None. */
    @Override
    public Map<String, ParameterStore.Shaped> namedParameters() {
        return Map.of();
    }
}
