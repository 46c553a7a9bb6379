package grad.train;

import grad.nn.MLP;

/**
 * Asks for the pictures of each epoch — the decision boundary (PNG and animation frame) and the
 * training curves so far — and, when the run ends however it ends, for the animation.
 */
final class PictureUpdates implements EpochListener {
    private final TrainingPlan plan;
    private final Pictures pictures;
    private final MLP model;
    private final MetricsLog metrics;
    private final String name;

    PictureUpdates(TrainingPlan plan, Pictures pictures, MLP model, MetricsLog metrics, String name) {
        this.plan = plan;
        this.pictures = pictures;
        this.model = model;
        this.metrics = metrics;
        this.name = name;
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
        pictures.finishAnimation();
    }
}
