package grad.train;

/** How a training run ended, as {@link EpochListener#runEnded} is told. */
sealed interface RunEnd {

    /**
     * Every epoch trained.
     *
     * @param train the network's final evaluation on the training rows
     * @param test  its final evaluation on the held-out rows, or null when there are none
     */
    record Completed(Scores train, Scores test) implements RunEnd {
    }

    /** An epoch diverged; the run throws {@code cause} once the listeners are told. */
    record Diverged(DivergedException cause) implements RunEnd {
    }
}
