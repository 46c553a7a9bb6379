package grad.nn;

import grad.engine.Op;
import grad.engine.Tape;
import java.util.Locale;

/** A neuron's activation function. */
public enum Activation {
    RELU, TANH, SIGMOID,
    /** No activation: the identity, for output layers. */
    LINEAR;

    /**
     * Records the activation of the {@code n} nodes from {@code first}; returns the first of the {@code n}
     * activated nodes ({@code first} itself for {@link #LINEAR}).
     */
    int apply(Tape tape, int first, int n) {
        int out = tape.size();
        switch (this) {
            case RELU -> {
                for (int j = 0; j < n; j++) {
                    tape.relu(first + j);
                }
            }
            case TANH -> {
                for (int j = 0; j < n; j++) {
                    tape.tanh(first + j);
                }
            }
            case SIGMOID -> {
                for (int j = 0; j < n; j++) {
                    tape.sigmoid(first + j);
                }
            }
            case LINEAR -> out = first;
        }
        return out;
    }

    /** The activation of one number, exactly as {@link #apply(Tape, int, int)} computes it on a tape. */
    double apply(double x) {
        return switch (this) {
            case RELU -> Op.apply(Op.RELU, x, 0);
            case TANH -> Op.apply(Op.TANH, x, 0);
            case SIGMOID -> Op.apply(Op.SIGMOID, x, 0);
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
