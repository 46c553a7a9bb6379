package grad.train;

/**
 * Acts on what a training run reports: the console log, the metrics file, the pictures, the graph dumps,
 * the saved model. The trainer only reports; listeners decide what to write.
 *
 * <p>Lifecycle, on the run's thread and in this order:
 * <ol>
 *   <li>{@link #runStarted()} once, before the first epoch (the network is built, the data prepared);</li>
 *   <li>for each epoch, {@link #epochStarting(int)} before it trains, then {@link #epochEnded(EpochMetrics)}
 *       with what it measured (and the held-out rows' evaluation, when there are any);</li>
 *   <li>{@link #runEnded(RunEnd)} once: {@link RunEnd.Completed} with the final evaluations after the last
 *       epoch, or {@link RunEnd.Diverged} when an epoch diverged (the run then throws its exception).</li>
 * </ol>
 * Listeners are told in the order they were registered. One that throws stops the run: the listeners
 * after it are not told, and {@code runEnded} is not called.
 */
interface EpochListener {

    default void runStarted() {
    }

    default void epochStarting(int epoch) {
    }

    default void epochEnded(EpochMetrics metrics) {
    }

    default void runEnded(RunEnd end) {
    }
}
