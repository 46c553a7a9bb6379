package grad.train;

/** How a training run ended, as {@link EpochListener#runEnded} is told. */
sealed interface RunEnd {

    /**
     * Every epoch trained.
     *
     * @param train the network's final evaluation on the training rows
     * @param test  its final evaluation on the held-out rows, or null when there are none
     * @param early how early stopping ended the run, or null without it
     */
    record Completed(Scores train, Scores test, EarlyStopping.Result early) implements RunEnd {
        Completed(Scores train, Scores test) {
            this(train, test, null);
        }
    }

    /** An epoch diverged; the run throws {@code cause} once the listeners are told. */
    record Diverged(DivergedException cause) implements RunEnd {
    }
}
