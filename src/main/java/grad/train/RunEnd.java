package grad.train;

/** How a training run ended, as {@link EpochListener#runEnded} is told. */
sealed interface RunEnd {

    /**
     * Every epoch trained, or every epoch up to the one that was training when the run was interrupted.
     *
     * @param train       the network's final evaluation on the training rows
     * @param test        its final evaluation on the held-out rows, or null when there are none
     * @param early       how early stopping ended the run, or null without it
     * @param interrupted the last epoch trained when the run was interrupted (Ctrl-C), or 0
     */
    record Completed(Scores train, Scores test, EarlyStopping.Result early, int interrupted) implements RunEnd {
        Completed(Scores train, Scores test) {
            this(train, test, null);
        }

        Completed(Scores train, Scores test, EarlyStopping.Result early) {
            this(train, test, early, 0);
        }
    }

    /** An epoch diverged; the run throws {@code cause} once the listeners are told. */
    record Diverged(DivergedException cause) implements RunEnd {
    }
}
