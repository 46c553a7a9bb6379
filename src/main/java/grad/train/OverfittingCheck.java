package grad.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Warns once ({@code overfitting}) when the held-out loss — the validation rows' with early stopping, else the
 * test rows' — has been rising for {@code 2 ×} {@value #WINDOW} epochs while the training loss fell over
 * them: the network is learning the training rows' noise. A health check, told through the same sink. It reads
 * the held-out loss from each epoch's metrics, measured once by the training loop.
 */
final class OverfittingCheck implements EpochListener {
    /**
     * The held-out loss is rising when its mean over the last {@value #WINDOW} epochs is {@value #RISE} above
     * (relatively) the mean of the {@value #WINDOW} before, and above its best, which is at least
     * {@value #WINDOW} epochs old, while the training loss's mean fell.
     */
    static final int WINDOW = 5;
    private static final double RISE = 0.05;

    private final Function<EpochMetrics, Scores> heldOut;
    private final String what;
    private final Consumer<HealthChecks.Warning> sink;
    private final List<Double> trainLosses = new ArrayList<>();
    private final List<Double> heldOutLosses = new ArrayList<>();
    private final List<Integer> epochs = new ArrayList<>();
    private boolean said;

    /**
     * @param heldOut an epoch's evaluation on the held-out rows ({@link EpochMetrics#validation()} or
     *                {@link EpochMetrics#test()})
     * @param what    what they are called in the warning ("validation", "test")
     */
    OverfittingCheck(Function<EpochMetrics, Scores> heldOut, String what, Consumer<HealthChecks.Warning> sink) {
        this.heldOut = heldOut;
        this.what = what;
        this.sink = sink;
    }

    @Override
    public void epochEnded(EpochMetrics m) {
        Scores scores = heldOut.apply(m);
        if (said || scores == null) {
            return;
        }
        trainLosses.add(m.loss());
        heldOutLosses.add(scores.loss());
        epochs.add(m.epoch());
        int n = heldOutLosses.size();
        if (n < 2 * WINDOW || !rising(n)) {
            return;
        }
        said = true;
        // the means the check compares, so that the numbers always show the rise (single epochs can dip)
        int from = n - 2 * WINDOW;
        int mid = n - WINDOW;
        sink.accept(new HealthChecks.Warning(m.epoch(), "overfitting", String.format(Locale.ROOT,
                "overfitting: the %s loss is rising: %s on average over epochs %d-%d, up from %s over epochs %d-%d,"
                        + " while the training loss fell from %s to %s; %s",
                what, fmt(mean(heldOutLosses, mid, n)), epochs.get(mid), m.epoch(), fmt(mean(heldOutLosses, from, mid)),
                epochs.get(from), epochs.get(mid - 1), fmt(mean(trainLosses, from, mid)), fmt(mean(trainLosses, mid, n)), advice())));
    }

    /** What to try: with early stopping (held-out rows are its validation rows) the best weights are kept already. */
    private String advice() {
        return "validation".equals(what)
                ? "early stopping keeps the best epoch's weights; to overfit less, try --weight-decay or smaller --hidden-units"
                : "try --early-stopping PATIENCE, fewer --epochs, or --weight-decay";
    }

    private boolean rising(int n) {
        double before = mean(heldOutLosses, n - 2 * WINDOW, n - WINDOW);
        double last = mean(heldOutLosses, n - WINDOW, n);
        double best = heldOutLosses.stream().mapToDouble(Double::doubleValue).min().orElse(last);
        boolean bestIsOld = heldOutLosses.subList(n - WINDOW, n).stream().allMatch(v -> v > best);
        return last > before * (1 + RISE) && bestIsOld
                && mean(trainLosses, n - WINDOW, n) < mean(trainLosses, n - 2 * WINDOW, n - WINDOW);
    }

    private static double mean(List<Double> values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values.get(i);
        }
        return sum / (to - from);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
