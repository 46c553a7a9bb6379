package grad.text;

import grad.engine.ParameterStore;
import grad.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** A model's parameter tensors by name, in the order they were made: its {@code named_parameters()}. */
final class Weights {
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    private final Random random;

    Weights(long seed) {
        this.random = new Random(seed);
    }

    /** Drawn from N(0, std²), row-major. */
    Tensor normal(String name, double std, int... shape) {
        return add(name, Tensor.randn(random, shape).mul(std).detach(), shape);
    }

    /** Drawn from U(−bound, bound), row-major: PyTorch's default for a Linear layer's weight and bias. */
    Tensor uniform(String name, double bound, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = (2 * random.nextDouble() - 1) * bound;
        }
        return add(name, Tensor.of(data, shape), shape);
    }

    Tensor zeros(String name, int... shape) {
        return add(name, Tensor.zeros(shape), shape);
    }

    private Tensor add(String name, Tensor t, int... shape) {
        Tensor leaves = Tensor.of(t.data(), shape);
        tensors.put(name, leaves);
        return leaves;
    }

    Map<String, ParameterStore.Shaped> named() {
        Map<String, ParameterStore.Shaped> named = new LinkedHashMap<>();
        tensors.forEach((name, t) -> named.put(name, new ParameterStore.Shaped(t.shape(), t.values())));
        return named;
    }
}
