package grad.nn;

import grad.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How far a network's outputs are from the target, as a {@link Value} so that backward gives its
 * gradient. The target is a one-hot vector for classification, one value for regression.
 */
public enum Loss {
    /** grad-rs's loss: the mean squared error between the softmax probabilities and the one-hot target. */
    MSE_SOFTMAX("mse"),
    /** {@code −Σᵢ yᵢ·log softmax(z)ᵢ}: {@code −log} of the target class's probability. */
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

    /** The loss of {@code outputs} against {@code targets} (as many as outputs). */
    public Value of(List<Value> outputs, List<Value> targets) {
        return switch (this) {
            case MSE_SOFTMAX -> meanSquaredError(Softmax.softmax(outputs), targets);
            case MSE_REGRESSION -> meanSquaredError(outputs, targets);
            case CROSS_ENTROPY -> {
                List<Value> logProbs = Softmax.logSoftmax(outputs);
                List<Value> picked = new ArrayList<>(logProbs.size());
                for (int i = 0; i < logProbs.size(); i++) {
                    picked.add(targets.get(i).mul(logProbs.get(i)));
                }
                yield Value.sum(picked).neg();
            }
        };
    }

    private static Value meanSquaredError(List<Value> predictions, List<Value> targets) {
        List<Value> squares = new ArrayList<>(predictions.size());
        for (int i = 0; i < predictions.size(); i++) {
            squares.add(predictions.get(i).sub(targets.get(i)).pow(2));
        }
        return Value.sum(squares).div(predictions.size());
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
