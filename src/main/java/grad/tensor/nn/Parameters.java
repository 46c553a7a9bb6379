package grad.tensor.nn;

import grad.engine.ParameterStore;
import grad.tensor.Tensor;
import java.util.Arrays;

/** A tensor as a named parameter group, and the checks of a parameter's shape. */
final class Parameters {
    private Parameters() {
    }

    static ParameterStore.Shaped shaped(Tensor t) {
        return new ParameterStore.Shaped(t.shape(), t.values());
    }

    static Tensor vector(String module, String name, Tensor t, int size) {
        if (t.dim() != 1 || t.size(0) != size) {
            throw new IllegalArgumentException(module + ": " + name + " of shape " + Arrays.toString(t.shape())
                    + " (expected [" + size + "])");
        }
        return t;
    }
}
