package grad.train;

import grad.nn.MLP;

/**
 * Asks for the pictures of each epoch — the decision boundary (PNG and animation frame) and the
 * training curves so far — and, when the run ends however it ends, for the animation (and, when it
 * diverged or stopped early, for the curves up to the last epoch that finished, saying why they end).
 */
final class PictureUpdates implements EpochListener {
    private final TrainingPlan plan;
    private final PictureScheduler pictures;
    private final MLP model;
    private final MetricsLog metrics;
    private final String name;
    private final int firstEpoch;

    PictureUpdates(TrainingPlan plan, PictureScheduler pictures, MLP model, MetricsLog metrics, String name, int firstEpoch) {
        this.plan = plan;
        this.pictures = pictures;
        this.model = model;
        this.metrics = metrics;
        this.name = name;
        this.firstEpoch = firstEpoch;
    }

    @Override
    public void epochEnded(EpochMetrics m) {
        boolean print = plan.isPrintEpoch(m.epoch());
        pictures.boundary(model, m.epoch(), print, plan.isFrameEpoch(m.epoch()));
        if (print) {
            pictures.curves(metrics.curves(name));
        }
    }

    @Override
    public void runEnded(RunEnd end) {
        // the curves are drawn at print epochs: bring them up to the last epoch that finished
        if (end instanceof RunEnd.Completed c && c.interrupted() > 0) {
            if (!plan.isPrintEpoch(c.interrupted())) {
                pictures.boundary(model, c.interrupted(), true, true);
            }
            pictures.curves(metrics.curves(name + " — interrupted in epoch " + c.interrupted()));
        } else if (end instanceof RunEnd.Diverged d && d.cause().epoch() > firstEpoch) {
            pictures.curves(metrics.curves(name + " — diverged in epoch " + d.cause().epoch()));
        } else if (end instanceof RunEnd.Completed c && c.early() != null) {
            // up to the epoch it stopped in (the validation loss of the epochs of patience is what to see),
            // saying which epoch's network was kept
            pictures.curves(metrics.curves(stoppedTitle(name, c.early())));
        }
        pictures.finishAnimation();
    }

    /**
     * The curves' title with early stopping: where it stopped and which epoch it kept, e.g. {@code "moons —
     * stopped in epoch 24, kept epoch 14"}, or {@code "moons — kept epoch 187, the best of 200"} when it
     * trained every epoch; just the name when the last epoch was the best.
     */
    static String stoppedTitle(String name, EarlyStopping.Result early) {
        if (early.bestEpoch() == early.lastEpoch()) {
            return name;
        }
        return name + (early.stoppedEarly()
                ? " — stopped in epoch " + early.lastEpoch() + ", kept epoch " + early.bestEpoch()
                : " — kept epoch " + early.bestEpoch() + ", the best of " + early.lastEpoch());
    }
}
