package grad.train;

import grad.nn.MLP;
import grad.plot.CurvesPlot;
import grad.plot.TrainingCurves;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a run draws as it trains, and from what: when it starts, the dataset; at each print epoch the
 * decision boundary of the network as it is then (PNG and animation frame; at frame epochs the frame
 * only) and the training curves so far; when the run ends however it ends, the animation, and when it
 * diverged, stopped early or was interrupted, the curves up to the last epoch that finished, saying why
 * they end. The pictures of the trained network are {@link ModelPictures}'. {@link PictureJobs} draws them.
 */
final class PictureUpdates implements EpochListener {
    private final TrainingPlan plan;
    private final PictureJobs jobs;
    /** null: the data has no decision boundary (not 2 features and classes). */
    private final BoundaryPictures boundaries;
    private final MLP model;
    private final MetricsLog metrics;
    private final Path dir;
    private final String name;
    private final int firstEpoch;
    /** Only the newest curves are drawn when the writer falls behind: each replaces the last. */
    private final AtomicInteger curvesVersion = new AtomicInteger();

    PictureUpdates(TrainingPlan plan, PictureJobs jobs, BoundaryPictures boundaries, MLP model, MetricsLog metrics,
                   Path dir, String name, int firstEpoch) {
        this.plan = plan;
        this.jobs = jobs;
        this.boundaries = boundaries;
        this.model = model;
        this.metrics = metrics;
        this.dir = dir;
        this.name = name;
        this.firstEpoch = firstEpoch;
    }

    @Override
    public void runStarted() {
        if (boundaries != null) {
            boundaries.dataset();
        }
    }

    @Override
    public void epochEnded(EpochMetrics m) {
        boolean print = plan.isPrintEpoch(m.epoch());
        boundary(m.epoch(), print, plan.isFrameEpoch(m.epoch()));
        if (print) {
            curves(metrics.curves(name));
        }
    }

    @Override
    public void runEnded(RunEnd end) {
        // the curves are drawn at print epochs: bring them up to the last epoch that finished
        if (end instanceof RunEnd.Completed c && c.interrupted() > 0) {
            if (!plan.isPrintEpoch(c.interrupted())) {
                boundary(c.interrupted(), true, true);
            }
            curves(metrics.curves(name + " — interrupted in epoch " + c.interrupted()));
        } else if (end instanceof RunEnd.Diverged d && d.cause().epoch() > firstEpoch) {
            curves(metrics.curves(name + " — diverged in epoch " + d.cause().epoch()));
        } else if (end instanceof RunEnd.Completed c && c.early() != null) {
            // up to the epoch it stopped in (the validation loss of the epochs of patience is what to see),
            // saying which epoch's network was kept
            curves(metrics.curves(stoppedTitle(name, c.early())));
        }
        if (boundaries != null) {
            boundaries.finishAnimation();
        }
    }

    private void boundary(int epoch, boolean png, boolean frame) {
        if (boundaries != null) {
            boundaries.boundary(model, epoch, png, frame);
        }
    }

    /** Redraws the training curves with the epochs so far (skipped if newer curves are already waiting). */
    private void curves(TrainingCurves curves) {
        int version = curvesVersion.incrementAndGet();
        jobs.file(dir.resolve("curves_" + name + ".png"), () -> version == curvesVersion.get() ? CurvesPlot.png(curves) : null);
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
