package grad.nn;

import grad.engine.Value;
import java.util.Locale;

/** A neuron's activation function. */
public enum Activation {
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
