package grad.optim;

import java.util.Locale;

/** Which optimizer trains ({@code --optimizer}). */
public enum OptimizerKind {
    /** {@link SGD}: momentum, Nesterov, weight decay and L1. */
    SGD,
    /** {@link Adam}, weight decay as L2 on the gradient. */
    ADAM,
    /** {@link AdamW}, weight decay decoupled. */
    ADAMW;

    /** The lower-case name used on the command line and in files: {@code sgd}, {@code adam}, {@code adamw}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind called {@code id} (any case), or null. */
    public static OptimizerKind of(String id) {
        for (OptimizerKind k : values()) {
            if (k.id().equalsIgnoreCase(id)) {
                return k;
            }
        }
        return null;
    }
}
