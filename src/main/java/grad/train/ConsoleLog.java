package grad.train;

import grad.data.Dataset;
import grad.data.Split;
import grad.io.Text;
import grad.nn.Loss;
import grad.nn.MLP;
import grad.optim.OptimizerKind;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** What a run prints: a header, a line per print epoch, and a summary with the confusion matrix. */
final class ConsoleLog implements EpochListener {
    private final TrainingPlan plan;
    private final PrintWriter out;
    private final PreparedData p;
    private final MLP model;
    private final Loss loss;
    private final int firstEpoch;
    private final Path dir;
    /** The last epoch's figures, printed at the end of an interrupted run if its epoch was not a print epoch. */
    private EpochMetrics last;

    ConsoleLog(TrainingPlan plan, PrintWriter out, PreparedData p, MLP model, Loss loss, int firstEpoch, Path dir) {
        this.plan = plan;
        this.out = out;
        this.p = p;
        this.model = model;
        this.loss = loss;
        this.firstEpoch = firstEpoch;
        this.dir = dir;
    }

    @Override
    public void runStarted() {
        printHeader(p.data(), p.split());
        if (plan.model() instanceof ModelPlan.Loaded loaded) {
            out.println("  continuing " + loaded.file() + " from epoch " + firstEpoch);
        }
        if (plan.outputs().plots() && !p.isPlottable()) {
            out.println("note: no decision-boundary pictures: they need " + p.whatBoundariesNeed());
        }
    }

    @Override
    public void epochEnded(EpochMetrics m) {
        last = m;
        if (plan.isPrintEpoch(m.epoch())) {
            out.println(describe(m, p.data().isRegression()));
            out.flush();
        }
    }

    @Override
    public void runEnded(RunEnd end) {
        if (end instanceof RunEnd.Completed done) {
            if (done.interrupted() > 0 && last != null && !plan.isPrintEpoch(last.epoch())) {
                out.println(describe(last, p.data().isRegression()));
            }
            if (done.early() != null) {
                EarlyStopping.Result r = done.early();
                out.printf(Locale.ROOT, "early stopping: %s after epoch %d; kept epoch %d (validation loss %s)%n",
                        r.reason().equals("patience") ? "stopped, no better validation loss for "
                                + plan.earlyStopping().patience() + " epochs,"
                                : r.reason().equals("interrupted") ? "interrupted" : "every epoch trained",
                        r.lastEpoch(), r.bestEpoch(), fmt(r.bestValidationLoss()));
            }
            printSummary(p.data(), done.train(), done.test());
        }
    }

    /** {@code momentum 0.9} for SGD (as before there was a choice); {@code adam (betas 0.9, 0.999, eps 1.0E-8)}. */
    private static String optimizer(OptimizerPlan o) {
        if (o.kind() == OptimizerKind.SGD) {
            return "momentum " + fmt(o.momentum());
        }
        return o.kind().id() + " (betas " + fmt(o.beta1()) + ", " + fmt(o.beta2()) + ", eps " + fmt(o.eps())
                + (o.weightDecay() > 0 ? ", weight decay " + fmt(o.weightDecay()) : "") + ")";
    }

    private void printHeader(Dataset data, Split split) {
        String arch = architecture(model);
        out.printf(Locale.ROOT, "grad: training a %s MLP (%d parameters) on %s: %d rows, %d features, %s%n",
                arch, model.parameterCount(), data.name(), data.size(), data.featureCount(),
                data.isRegression() ? "regression" : data.classCount() + " classes "
                        + data.classNames().stream().map(Text::label).toList());
        out.printf(Locale.ROOT, "  lr %s, %s, batch %d, %d epochs, loss %s, activation %s, init %s, seed %d%s%n",
                fmt(plan.optimizer().lr()), optimizer(plan.optimizer()), plan.batchSize(), plan.epochs(), loss.id(),
                plan.model().activation().id(), plan.model().init().id(), plan.seed(),
                split.test().size() > 0 ? ", test split " + split.test().size() + " rows" : "");
        if (p.inputs() != null && !p.inputs().isDefault()) {
            out.println("  input features " + p.inputs());
        }
        for (String note : DataNotes.lines(plan, p.source())) {
            out.println("  " + note);
        }
    }

    /** The layer sizes, inputs first: {@code 2-10-2}. */
    static String architecture(MLP model) {
        return model.inputs() + "-" + String.join("-", Arrays.stream(model.sizes()).mapToObj(Integer::toString).toList());
    }

    private static String fmt(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private String describe(EpochMetrics m, boolean regression) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "epoch %" + digits() + "d/%d  loss %s",
                m.epoch(), plan.epochs(), lossText(m.loss())));
        if (!regression) {
            s.append(String.format(Locale.ROOT, "  accuracy %.1f%%", 100 * m.accuracy()));
        }
        if (m.test() != null) {
            s.append(regression
                    ? String.format(Locale.ROOT, "  test rmse %.4f  test R² %.4f", m.test().rmse(), m.test().r2())
                    : String.format(Locale.ROOT, "  test accuracy %.1f%%", 100 * m.test().accuracy()));
        }
        if (m.validation() != null) {
            s.append("  validation loss ").append(lossText(m.validation().loss()));
            if (!regression) {
                s.append(String.format(Locale.ROOT, "  validation accuracy %.1f%%", 100 * m.validation().accuracy()));
            }
        }
        return s.toString();
    }

    /** A loss with four decimals; one on its way to diverging as 6.8312e+212, not as 213 digits. */
    private static String lossText(double loss) {
        return String.format(Locale.ROOT, Math.abs(loss) < 1e6 ? "%.4f" : "%.4e", loss);
    }

    private int digits() {
        return Integer.toString(plan.epochs()).length();
    }

    private void printSummary(Dataset data, Scores train, Scores test) {
        if (data.isRegression()) {
            out.printf(Locale.ROOT, "done: train loss %.4f, rmse %.4f, R² %.4f%s%n", train.loss(), train.rmse(), train.r2(),
                    test == null ? "" : String.format(Locale.ROOT, "; test rmse %.4f, R² %.4f", test.rmse(), test.r2()));
        } else {
            out.printf(Locale.ROOT, "done: train loss %.4f, accuracy %.1f%%%s%n", train.loss(), 100 * train.accuracy(),
                    test == null ? "" : String.format(Locale.ROOT, "; test accuracy %.1f%%", 100 * test.accuracy()));
            Scores shown = test != null ? test : train;
            out.println("confusion matrix (" + (test != null ? "test" : "train") + " rows: actual × predicted):");
            out.print(ConfusionMatrix.format(shown.confusion(), data.classNames()));
        }
        out.println("outputs in " + dir + "/");
        out.flush();
    }
}
