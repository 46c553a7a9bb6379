package grad.nn;

import grad.engine.Tape;
import java.util.Locale;

/**
 * How far a network's outputs are from the target, recorded on the tape so that backward gives its
 * gradient. Targets are tape nodes too: a one-hot vector for classification, one value for regression.
 */
public enum Loss {
    /** grad-rs's loss: the mean squared error between the softmax probabilities and the one-hot target. */
    MSE_SOFTMAX("mse"),
    /** {@code −log softmax(z)[c]} for the target class {@code c}, through a max-shifted log-softmax. */
    CROSS_ENTROPY("cross-entropy"),
    /** The squared error of a single regression output. */
    MSE_REGRESSION("mse-regression");

    private final String id;

    Loss(String id) {
        this.id = id;
    }

    /** The name used on the command line and in metrics files. */
    public String id() {
        return id;
    }

    /**
     * Records the loss of the {@code n} output nodes from {@code outputs} against the {@code n} target
     * nodes from {@code targets} (one-hot for classification); returns the loss node.
     */
    public int record(Tape tape, int outputs, int targets, int n) {
        return switch (this) {
            case MSE_SOFTMAX -> meanSquaredError(tape, Softmax.softmax(tape, outputs, n), targets, n);
            case MSE_REGRESSION -> meanSquaredError(tape, outputs, targets, n);
            case CROSS_ENTROPY -> tape.neg(Softmax.logSoftmax(tape, outputs, n) + hotIndex(tape, targets, n));
        };
    }

    private static int meanSquaredError(Tape tape, int predictions, int targets, int n) {
        int diffs = tape.size();
        for (int i = 0; i < n; i++) {
            tape.sub(predictions + i, targets + i);
        }
        int squares = tape.size();
        for (int i = 0; i < n; i++) {
            tape.pow(diffs + i, 2.0);
        }
        return tape.div(Softmax.sum(tape, squares, n), tape.leaf(n));
    }

    private static int hotIndex(Tape tape, int targets, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (tape.data(targets + i) > tape.data(targets + best)) {
                best = i;
            }
        }
        return best;
    }

    /** Parses {@code mse} or {@code cross-entropy} (also {@code ce}, {@code cross_entropy}), ignoring case. */
    public static Loss parse(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (s) {
            case "mse" -> MSE_SOFTMAX;
            case "cross-entropy", "ce", "crossentropy" -> CROSS_ENTROPY;
            default -> throw new IllegalArgumentException("unknown loss '" + name + "' (expected mse or cross-entropy)");
        };
    }
}
