package grad.train;

import grad.data.DataLoader;
import grad.data.Dataset;
import grad.engine.Value;
import grad.nn.Loss;
import grad.nn.MLP;
import grad.optim.SGD;
import java.util.ArrayList;
import java.util.List;

/**
 * The learning-rate range test (Leslie Smith; fastai's {@code lr_find}): from the run's initial weights,
 * one minibatch per step with the learning rate raised exponentially from {@value #LR_MIN} to
 * {@value #LR_MAX} over {@value #STEPS} steps, stopping once the smoothed loss exceeds {@value #EXPLODED}
 * times its best (or stops being finite). The loss is smoothed with an exponential moving average
 * (β = {@value #BETA}, bias-corrected), and the suggestion is where the smoothed loss falls fastest
 * before its minimum (see {@link #steepest}), divided by {@value #SAFETY}: xor, for one, gets stuck at
 * about 74% in 50 epochs at the steepest point itself on some seeds.
 */
public final class LrFinder {
    static final double LR_MIN = 1e-6;
    static final double LR_MAX = 10;
    static final int STEPS = 300;
    static final double BETA = 0.9;
    static final double EXPLODED = 4;
    static final int WINDOW = 14;
    static final double SAFETY = 3;

    /**
     * What the test measured, step by step, and its suggestion.
     *
     * @param name      the data's name, as the files of a run name it
     * @param lrs       the learning rate of each step
     * @param losses    each step's minibatch loss per sample
     * @param smoothed  the smoothed losses
     * @param suggested the suggested learning rate
     */
    public record Result(String name, double[] lrs, double[] losses, double[] smoothed, double suggested) {
    }

    private LrFinder() {
    }

    /** Runs the test on {@code model} (whose parameters it changes) with the plan's optimizer settings. */
    static Result run(MLP model, Loss loss, TrainingPlan plan, Dataset train) {
        OptimizerPlan o = plan.optimizer();
        SGD sgd = new SGD(model.store(), LR_MIN, o.momentum(), o.weightDecay(), o.l1(), o.nesterov());
        DataLoader loader = new DataLoader(train.size(), plan.batchSize(), plan.seed());
        List<double[]> steps = new ArrayList<>();
        try (BatchGradients gradients = new BatchGradients(model, loss, train, plan.threads(),
                Math.min(plan.batchSize(), train.size()))) {
            Sweep sweep = new Sweep(model, sgd, gradients, steps);
            int step = 0;
            outer:
            for (int epoch = 1; step < STEPS; epoch++) {
                for (DataLoader.Batch batch : loader.epoch(epoch)) {
                    if (step == STEPS || !sweep.take(step, batch.rows())) {
                        break outer;
                    }
                    step++;
                }
            }
        }
        return result(train.name(), steps);
    }

    /** The measured steps ({lr, loss, smoothed} each) as a result, with the suggestion. */
    private static Result result(String name, List<double[]> steps) {
        int n = steps.size();
        double[] lrs = new double[n];
        double[] losses = new double[n];
        double[] smoothed = new double[n];
        int min = 0;
        for (int i = 0; i < n; i++) {
            lrs[i] = steps.get(i)[0];
            losses[i] = steps.get(i)[1];
            smoothed[i] = steps.get(i)[2];
            if (smoothed[i] < smoothed[min]) {
                min = i;
            }
        }
        double suggested = n == 0 ? LR_MIN : Math.max(LR_MIN, lrs[steepest(smoothed, min)] / SAFETY);
        return new Result(name, lrs, losses, smoothed, suggested);
    }

    /** One step after another of the test, with the loss's moving average. */
    private static final class Sweep {
        private final MLP model;
        private final SGD sgd;
        private final BatchGradients gradients;
        private final List<double[]> steps;
        private double average;
        private double best = Double.POSITIVE_INFINITY;

        Sweep(MLP model, SGD sgd, BatchGradients gradients, List<double[]> steps) {
            this.model = model;
            this.sgd = sgd;
            this.gradients = gradients;
            this.steps = steps;
        }

        /** Measures step {@code step} on {@code rows} and takes it; false once the test should stop. */
        boolean take(int step, int[] rows) {
            double lr = LR_MIN * Math.pow(LR_MAX / LR_MIN, (double) step / (STEPS - 1));
            double l = gradients.accumulate(rows) / rows.length;
            if (!Double.isFinite(l)) {
                return false;
            }
            average = BETA * average + (1 - BETA) * l;
            double smooth = average / (1 - Math.pow(BETA, step + 1));
            steps.add(new double[] {lr, l, smooth});
            best = Math.min(best, smooth);
            if (smooth > EXPLODED * best) {
                return false;
            }
            sgd.setLr(lr);
            sgd.step();
            return finite(model.parameters());
        }
    }

    /**
     * The step before {@code min} where the smoothed loss falls fastest: the largest drop over a window of
     * {@value #WINDOW} steps either side (a third of a decade); the first step if there is none.
     */
    static int steepest(double[] smoothed, int min) {
        int best = 0;
        double drop = 0;
        for (int i = WINDOW; i + WINDOW <= min; i++) {
            double d = smoothed[i - WINDOW] - smoothed[i + WINDOW];
            if (d > drop) {
                drop = d;
                best = i;
            }
        }
        return best;
    }

    private static boolean finite(List<Value> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            if (!Double.isFinite(parameters.get(i).data())) {
                return false;
            }
        }
        return true;
    }
}
