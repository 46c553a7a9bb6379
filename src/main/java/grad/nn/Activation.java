package grad.nn;

import grad.engine.ParameterStore;
import grad.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A neuron's activation function; as a {@link Module} (without parameters), applied to each of a layer's outputs. */
public enum Activation implements Module {
    RELU, TANH, SIGMOID,
    /** No activation: the identity, for output layers. */
    LINEAR;

    /** The activation of a neuron's pre-activation {@code z}. */
    public Value apply(Value z) {
        return switch (this) {
            case RELU -> z.relu();
            case TANH -> z.tanh();
            case SIGMOID -> z.sigmoid();
            case LINEAR -> z;
        };
    }

    /** The activation of each of {@code z} (the very same values for {@link #LINEAR}). */
    public List<Value> call(List<Value> z) {
        if (this == LINEAR) {
            return z;
        }
        List<Value> out = new ArrayList<>(z.size());
        for (Value v : z) {
            out.add(apply(v));
        }
        return out;
    }

    /** None: an activation has no parameters. */
    @Override
    public Map<String, ParameterStore.Shaped> namedParameters() {
        return Map.of();
    }

    /** The lower-case name used on the command line and in model files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code relu}, {@code tanh}, {@code sigmoid} or {@code linear}, ignoring case. */
    public static Activation parse(String name) {
        for (Activation a : values()) {
            if (a.id().equalsIgnoreCase(name.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "' (expected relu, tanh, sigmoid or linear)");
    }
}
