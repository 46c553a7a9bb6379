package grad.train;

import grad.GradException;

/** Training produced a non-finite loss or parameter: the run stops with exit code {@value #EXIT_CODE}. */
public final class DivergedException extends GradException {
    private static final long serialVersionUID = 1L;
    /** The exit status of a diverged run, distinct from usage (2) and data (1) errors. */
    public static final int EXIT_CODE = 3;
    private final int epoch;

    DivergedException(String message, int epoch) {
        super(message, EXIT_CODE, null);
        this.epoch = epoch;
    }

    /** The epoch in which training diverged. */
    public int epoch() {
        return epoch;
    }
}
