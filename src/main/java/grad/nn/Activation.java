package grad.nn;

import grad.engine.Tape;
import java.util.Locale;

/** A neuron's activation function. */
public enum Activation {
    RELU, TANH, SIGMOID,
    /** No activation: the identity, for output layers. */
    LINEAR;

    /** Records the activation of node {@code x} on the tape; returns {@code x} itself for {@link #LINEAR}. */
    int apply(Tape tape, int x) {
        return switch (this) {
            case RELU -> tape.relu(x);
            case TANH -> tape.tanh(x);
            case SIGMOID -> tape.sigmoid(x);
            case LINEAR -> x;
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
