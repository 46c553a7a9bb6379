package grad.train;

/**
 * What one epoch of training measured.
 *
 * @param epoch      the epoch, counting from 1
 * @param loss       the mean loss per sample over the epoch, as the network trained through it
 * @param accuracy   the fraction of the epoch's samples whose largest output was their class, as the
 *                   network trained through it (NaN for regression)
 * @param test       the evaluation on the held-out rows at the end of this epoch, or null when there are
 *                   none or it was not measured this epoch
 * @param validation the evaluation on the validation rows at the end of this epoch, or null without
 *                   early stopping
 */
public record EpochMetrics(int epoch, double loss, double accuracy, Scores test, Scores validation) {

    /** What training measured, before any evaluation on held-out rows. */
    public EpochMetrics(int epoch, double loss, double accuracy) {
        this(epoch, loss, accuracy, null, null);
    }

    /** These training figures with the evaluations at the end of the epoch (either may be null). */
    public EpochMetrics evaluated(Scores test, Scores validation) {
        return new EpochMetrics(epoch, loss, accuracy, test, validation);
    }
}
