package grad.train;

import grad.data.DataException;
import grad.data.Dataset;
import grad.data.SyntheticDataset;
import grad.nn.Activation;
import grad.nn.Layer;
import grad.nn.MLP;
import grad.nn.Predictor;
import grad.optim.OptimizerKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Says why a run is not learning: at each print epoch it looks inside the network on the training rows
 * and at the last minibatch's gradients, and warns once per kind and place (a layer) of
 *
 * <ul>
 *   <li>{@code dead_relu}: half or more of a hidden ReLU layer's units output 0 on every training row;</li>
 *   <li>{@code saturated_output}: the softmax is pinned at 0/1 on nearly every row while the accuracy is low,
 *       so its gradient vanishes;</li>
 *   <li>{@code vanishing_gradient} / {@code exploding_gradient}: a layer's gradient norm (per sample, of the
 *       last minibatch, whose gradients are still set when the epoch ends) tiny or huge against its weights'
 *       norm, while the network has not yet learned the training rows;</li>
 *   <li>{@code stalled_loss}: no improvement of the loss for {@value #STALL_EPOCHS} epochs while the
 *       accuracy stays at chance.</li>
 * </ul>
 * On classification data too small to learn from (fewer than {@value #TOO_FEW_ROWS} training rows, or a
 * class without any) there is instead one warning, {@code too_small}, at the first epoch: the checks above
 * measure over rows and classes, and "at chance" means nothing when every row is of one class.
 *
 * <p>Only print epochs are checked, with one forward pass of the compiled network per training row, so the
 * checks cost a fraction of an epoch's training each time. The thresholds are loose on purpose: the
 * default runs of every dataset raise none.
 */
final class HealthChecks implements EpochListener {
    /** A unit is dead when its output is at most this on every row. */
    private static final double DEAD = 0.0;
    /** Half a layer's units or more must be dead to warn. */
    private static final double DEAD_FRACTION = 0.5;
    /** A row's softmax is pinned when its largest probability is this close to 1. */
    private static final double PINNED = 1e-6;
    /** The fraction of rows pinned to warn of a saturated output… */
    private static final double PINNED_FRACTION = 0.9;
    /** …while the accuracy is below this. */
    private static final double SATURATED_ACCURACY = 0.9;
    /** A layer's gradient norm per sample against its weights' norm: below this it vanished… */
    private static final double VANISHING = 1e-8;
    /** A regression loss below this has learned. */
    private static final double LEARNED_LOSS = 0.01;
    /** …above this it exploded. */
    private static final double EXPLODING = 1e3;
    /** Epochs without a better loss (by {@value #STALL_IMPROVEMENT} relative) that make a stall. */
    static final int STALL_EPOCHS = 20;
    private static final double STALL_IMPROVEMENT = 1e-3;
    /** Fewer classification training rows than this are too few to learn from. */
    static final int TOO_FEW_ROWS = 10;
    /** How far above chance the accuracy of a stalled run may be. */
    private static final double CHANCE_MARGIN = 0.03;

    /** A warning: the epoch it was seen in, its kind, and the line shown. */
    record Warning(int epoch, String kind, String message) {
    }

    private final TrainingPlan plan;
    private final MLP model;
    private final Dataset train;
    private final Consumer<Warning> sink;
    private final Set<String> said = new HashSet<>();
    private final List<Double> losses = new ArrayList<>();

    /**
     * @param train the training rows, as the network sees them
     * @param sink  told each warning once
     */
    HealthChecks(TrainingPlan plan, MLP model, Dataset train, Consumer<Warning> sink) {
        this.plan = plan;
        this.model = model;
        this.train = train;
        this.sink = sink;
    }

    @Override
    public void epochEnded(EpochMetrics m) {
        losses.add(m.loss());
        if (tooSmall()) {
            warn(m.epoch(), "too_small", "data", tooSmallMessage());
            return;
        }
        if (!plan.isPrintEpoch(m.epoch()) || train.size() == 0) {
            return;
        }
        look(m);
        if (!learned(m)) {
            gradients(m.epoch());
        }
        stall(m);
    }

    /** Classification training rows too few, or missing a class, to learn anything from. */
    private boolean tooSmall() {
        return !train.isRegression() && (train.size() < TOO_FEW_ROWS
                || Arrays.stream(train.classCounts()).anyMatch(c -> c == 0));
    }

    private String tooSmallMessage() {
        long present = Arrays.stream(train.classCounts()).filter(c -> c > 0).count();
        String hint;
        try {
            SyntheticDataset.fromName(plan.data().dataset());
            hint = "use a larger --class-size (now " + plan.data().classSize() + ")";
        } catch (DataException e) { // a CSV file
            hint = "use a file with more rows" + (plan.data().testFraction() > 0 ? ", or a smaller --test-split" : "");
        }
        return "the training data is too small to learn from: " + train.size()
                + (train.size() == 1 ? " row" : " rows") + ", with " + present + " of the " + train.classCount()
                + " classes; " + hint;
    }

    /** Dead ReLUs and a pinned softmax, from one forward pass per training row. */
    private void look(EpochMetrics m) {
        List<Layer> layers = model.layers();
        boolean[][] alive = new boolean[layers.size()][];
        for (Layer layer : layers) {
            alive[layer.index()] = new boolean[layer.outputs()];
        }
        boolean softmax = !train.isRegression() && model.outputs() > 1;
        int pinned = forwardPass(alive, softmax);
        warnDeadRelus(m, layers, alive);
        if (softmax) {
            warnSaturated(m, pinned);
        }
    }

    /**
     * Runs every training row through the model, marking in {@code alive} each hidden unit that ever outputs more
     * than {@link #DEAD}; returns how many rows had a pinned softmax (0 unless {@code softmax}).
     */
    private int forwardPass(boolean[][] alive, boolean softmax) {
        double[] p = new double[model.outputs()];
        double[] x = new double[model.inputs()];
        int pinned = 0;
        Predictor predictor = new Predictor(model);
        for (int row = 0; row < train.size(); row++) {
            train.copyRow(row, x);
            if (softmax) {
                predictor.probabilities(x, p);
                if (max(p) >= 1 - PINNED) {
                    pinned++;
                }
            } else {
                predictor.run(x);
            }
            markAlive(predictor, alive);
        }
        return pinned;
    }

    private static double max(double[] p) {
        double max = 0;
        for (double v : p) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** Marks the hidden units whose output in the predictor's last run was above {@link #DEAD}. */
    private static void markAlive(Predictor predictor, boolean[][] alive) {
        for (int l = 0; l < alive.length - 1; l++) {
            boolean[] a = alive[l];
            for (int j = 0; j < a.length; j++) {
                if (!a[j] && predictor.neuronOutput(l, j) > DEAD) {
                    a[j] = true;
                }
            }
        }
    }

    private void warnDeadRelus(EpochMetrics m, List<Layer> layers, boolean[][] alive) {
        for (int l = 0; l < layers.size() - 1; l++) {
            Layer layer = layers.get(l);
            if (layer.activation() != Activation.RELU) {
                continue;
            }
            int dead = 0;
            for (boolean a : alive[l]) {
                dead += a ? 0 : 1;
            }
            if (dead > 0 && dead >= DEAD_FRACTION * layer.outputs()) {
                warn(m.epoch(), "dead_relu", "layer " + l,
                        dead + " of " + layer.outputs() + " ReLU units of layer " + l + " (hidden)"
                                + " output 0 on every training row (dead ReLUs) since epoch " + m.epoch()
                                + "; try a lower --lr (now " + number(plan.optimizer().lr()) + ") or another --init");
            }
        }
    }

    private void warnSaturated(EpochMetrics m, int pinned) {
        double fraction = (double) pinned / train.size();
        if (fraction >= PINNED_FRACTION && m.accuracy() < SATURATED_ACCURACY) {
            warn(m.epoch(), "saturated_output", "output",
                    "the softmax output is saturated: its probabilities are pinned at 0 and 1 on "
                            + percent(fraction) + " of the training rows at " + percent(m.accuracy())
                            + " accuracy in epoch " + m.epoch() + ", so its gradient vanishes; try another --init or a lower --lr (now "
                            + number(plan.optimizer().lr()) + ")");
        }
    }

    /** Each layer's last-minibatch gradient norm per sample against its weights' norm. */
    private void gradients(int epoch) {
        double[] data = model.store().data();
        double[] grad = model.store().grad();
        double rows = Math.min(plan.batchSize(), train.size());
        for (Layer layer : model.layers()) {
            double g2 = 0;
            double w2 = 0;
            for (int i = layer.offset(); i < layer.offset() + layer.parameterCount(); i++) {
                g2 += grad[i] * grad[i];
                w2 += data[i] * data[i];
            }
            if (w2 == 0 || !Double.isFinite(w2) || !Double.isFinite(g2)) {
                continue;
            }
            double ratio = Math.sqrt(g2) / rows / Math.sqrt(w2);
            String where = "layer " + layer.index() + (layer.index() == model.layers().size() - 1 ? " (output)" : " (hidden)");
            if (ratio < VANISHING) {
                warn(epoch, "vanishing_gradient", "layer " + layer.index(),
                        "vanishing gradient in " + where + " in epoch " + epoch + ": its gradient norm is "
                                + String.format(Locale.ROOT, "%.1e", ratio) + " of its weights' norm, so it no longer learns; "
                                + "try another --init, another --activation, or another --lr (now " + number(plan.optimizer().lr()) + ")");
            } else if (ratio > EXPLODING) {
                warn(epoch, "exploding_gradient", "layer " + layer.index(),
                        "exploding gradient in " + where + " in epoch " + epoch + ": its gradient norm is "
                                + String.format(Locale.ROOT, "%.1e", ratio) + " times its weights' norm; "
                                + "try a lower --lr (now " + number(plan.optimizer().lr()) + ")"
                                + (plan.optimizer().kind() == OptimizerKind.SGD ? ", a lower --momentum," : "")
                                + " or another --init");
            }
        }
    }

    /**
     * Whether the network fits the training rows already (then small gradients are no sign of trouble):
     * {@value #SATURATED_ACCURACY} accuracy, or for regression a loss below {@value #LEARNED_LOSS} (of
     * targets scaled to unit variance).
     */
    private boolean learned(EpochMetrics m) {
        return train.isRegression() ? m.loss() < LEARNED_LOSS : m.accuracy() >= SATURATED_ACCURACY;
    }

    /** No better loss for {@value #STALL_EPOCHS} epochs while the accuracy is at chance. */
    private void stall(EpochMetrics m) {
        int n = losses.size();
        if (train.isRegression() || n <= STALL_EPOCHS) {
            return;
        }
        double before = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n - STALL_EPOCHS; i++) {
            before = Math.min(before, losses.get(i));
        }
        double recent = Double.POSITIVE_INFINITY;
        for (int i = n - STALL_EPOCHS; i < n; i++) {
            recent = Math.min(recent, losses.get(i));
        }
        double chance = chance();
        if (recent > before * (1 - STALL_IMPROVEMENT) && m.accuracy() <= chance + CHANCE_MARGIN) {
            warn(m.epoch(), "stalled_loss", "loss",
                    "the loss stalled: no improvement for " + STALL_EPOCHS + " epochs by epoch " + m.epoch()
                            + " while the accuracy (" + percent(m.accuracy()) + ") is at chance (" + percent(chance)
                            + "); try another --lr (now " + number(plan.optimizer().lr()) + ") or another --init");
        }
    }

    /** The accuracy of always guessing the largest class. */
    private double chance() {
        int max = 0;
        for (int c : train.classCounts()) {
            max = Math.max(max, c);
        }
        return (double) max / train.size();
    }

    private void warn(int epoch, String kind, String place, String message) {
        if (said.add(kind + " " + place)) {
            sink.accept(new Warning(epoch, kind, message));
        }
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
