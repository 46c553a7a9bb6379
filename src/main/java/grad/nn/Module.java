package grad.nn;

import grad.engine.ParameterStore;
import grad.engine.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model or a part of one, PyTorch's {@code nn.Module} in micrograd's size: it has named parameters,
 * and its forward pass is ordinary code on {@link Value}s (or tensors of them) that nothing else has to
 * understand. The trainer gathers {@link #namedParameters()} into one {@link ParameterStore}.
 */
public interface Module {
    /**
     * Every parameter group, by name, in a fixed order: PyTorch's {@code named_parameters()}, e.g.
     * {@code layers.0.weight} → shape {@code [out, in]} and its leaves row-major.
     */
    Map<String, ParameterStore.Shaped> namedParameters();

    /** Every parameter, group after group: micrograd's {@code parameters()}. */
    default List<Value> parameters() {
        List<Value> all = new ArrayList<>();
        for (ParameterStore.Shaped group : namedParameters().values()) {
            all.addAll(group.values());
        }
        return all;
    }

    /** Sets every parameter's gradient to 0. */
    default void zeroGrad() {
        for (Value p : parameters()) {
            p.setGrad(0);
        }
    }

    /** The parameters of {@code children}, each name prefixed with its child's name and a dot. */
    static Map<String, ParameterStore.Shaped> named(Map<String, ? extends Module> children) {
        Map<String, ParameterStore.Shaped> all = new LinkedHashMap<>();
        children.forEach((prefix, child) ->
                child.namedParameters().forEach((name, group) -> all.put(prefix + "." + name, group)));
        return all;
    }
}
