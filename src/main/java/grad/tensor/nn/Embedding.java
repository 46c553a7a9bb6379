package grad.tensor.nn;

import grad.engine.ParameterStore;
import grad.nn.Module;
import grad.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** {@code torch.nn.Embedding}: a table of {@code count} rows of {@code dim} numbers, looked up by id. */
public final class Embedding implements Module {
    private final Tensor weight;

    /** A table of standard normal numbers drawn from {@code random}, as PyTorch initialises one. */
    public Embedding(int count, int dim, Random random) {
        this(Tensor.randn(random, count, dim));
    }

    /** A table with the given rows {@code [count, dim]}, whose leaves become its parameters. */
    public Embedding(Tensor weight) {
        if (weight.dim() != 2) {
            throw new IllegalArgumentException("Embedding: weight of shape " + Arrays.toString(weight.shape())
                    + " (expected [count, dim])");
        }
        this.weight = weight;
    }

    /** The rows {@code ids}: shape {@code [ids.length, dim]}. */
    public Tensor forward(int[] ids) {
        return weight.rows(ids);
    }

    /** The table, {@code [count, dim]}. */
    public Tensor weight() {
        return weight;
    }

    /** {@code weight}. */
    @Override
    public Map<String, ParameterStore.Shaped> namedParameters() {
        Map<String, ParameterStore.Shaped> named = new LinkedHashMap<>();
        named.put("weight", Parameters.shaped(weight));
        return named;
    }
}
