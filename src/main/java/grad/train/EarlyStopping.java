package grad.train;

/**
 * Early stopping ({@code --early-stopping}): a validation part of the training rows is held out, training
 * stops after {@code patience} epochs without a better validation loss, and the best epoch's weights are kept.
 *
 * @param patience        epochs without a better validation loss before stopping (at least 1)
 * @param validationSplit the fraction of the training rows held out for validation, in (0, 1)
 */
public record EarlyStopping(int patience, double validationSplit) {

    /** The fraction held out when {@code --validation-split} is not given. */
    public static final double DEFAULT_VALIDATION_SPLIT = 0.1;

    /**
     * How an early-stopped run ended.
     *
     * @param bestEpoch          the epoch whose weights were kept
     * @param bestValidationLoss its validation loss
     * @param lastEpoch          the last epoch trained
     * @param reason             why it stopped: {@code patience} or {@code epochs} (every epoch trained)
     * @param validationLosses   the validation loss of each epoch trained, from the first
     */
    public record Result(int bestEpoch, double bestValidationLoss, int lastEpoch, String reason,
                         double[] validationLosses) {
        /** Whether it stopped before the last epoch asked for, its patience run out. */
        public boolean stoppedEarly() {
            return "patience".equals(reason);
        }
    }
}
