package grad.train;

import grad.data.CsvOptions;
import grad.data.Dataset;
import grad.data.Split;
import grad.io.AtomicFiles;
import grad.nn.Loss;
import grad.plot.TrainingCurves;
import grad.optim.OptimizerKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The metrics of a run, epoch by epoch, and their file {@code metrics_<name>.json}: the configuration
 * (every option, with the seed), the data, every epoch's loss and accuracy, the final evaluation and the
 * run's status, as {@link MetricsJson} records. Non-finite numbers are written as {@code null}. No
 * wall-clock times, so one seed gives one file.
 */
final class MetricsLog implements EpochListener {
    private final Path file;
    private final TrainingPlan plan;
    private final Dataset data;
    private final Split split;
    private final DataSource source;
    private final Loss loss;
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private final List<HealthChecks.Warning> warnings = new ArrayList<>();
    /** What the file holds once written, or null. */
    private MetricsJson written;

    MetricsLog(Path file, TrainingPlan plan, PreparedData p, Loss loss) {
        this.file = file;
        this.plan = plan;
        this.data = p.data();
        this.split = p.split();
        this.source = p.source();
        this.loss = loss;
    }

    @Override
    public void epochEnded(EpochMetrics m) {
        epochs.add(m);
    }

    /** Writes the file: the final evaluation, or where the run diverged. */
    @Override
    public void runEnded(RunEnd end) {
        if (end instanceof RunEnd.Completed done) {
            writeFinal(done.train(), done.test(), done.early(), done.interrupted());
        } else if (end instanceof RunEnd.Diverged diverged) {
            writeDiverged(diverged.cause());
        }
    }

    /** Records a health check's warning: the file lists it, the curves mark its epoch. */
    void warning(HealthChecks.Warning w) {
        warnings.add(w);
    }

    /** The health checks' warnings so far, as shown. */
    List<String> warningMessages() {
        return warnings.stream().map(HealthChecks.Warning::message).toList();
    }

    /** What {@link #runEnded} wrote to the file (the report shows it), or null before then. */
    MetricsJson written() {
        return written;
    }

    /** The curves of the epochs so far, for the curves picture. */
    TrainingCurves curves(String title) {
        int n = epochs.size();
        int[] e = new int[n];
        double[] trainLoss = new double[n];
        double[] trainMetric = new double[n];
        for (int i = 0; i < n; i++) {
            EpochMetrics m = epochs.get(i);
            e[i] = m.epoch();
            trainLoss[i] = m.loss();
            trainMetric[i] = data.isRegression() ? Double.NaN : m.accuracy();
        }
        double[][] test = heldOutCurves(EpochMetrics::test);
        double[][] validation = heldOutCurves(EpochMetrics::validation);
        int[] marked = warnings.stream().mapToInt(HealthChecks.Warning::epoch).distinct().toArray();
        return new TrainingCurves(title, e, trainLoss, trainMetric, test[0], test[1], validation[0], validation[1],
                data.isRegression() ? "R²" : "accuracy", marked);
    }

    /**
     * The loss and the metric (accuracy, or R² for regression) of one evaluation per epoch, or two nulls when
     * the first epoch has none.
     */
    private double[][] heldOutCurves(Function<EpochMetrics, Scores> which) {
        int n = epochs.size();
        if (n == 0 || which.apply(epochs.get(0)) == null) {
            return new double[2][];
        }
        double[][] curves = new double[2][n];
        for (int i = 0; i < n; i++) {
            Scores s = which.apply(epochs.get(i));
            curves[0][i] = s.loss();
            curves[1][i] = data.isRegression() ? s.r2() : s.accuracy();
        }
        return curves;
    }

    private void writeFinal(Scores train, Scores test, EarlyStopping.Result early, int interrupted) {
        MetricsJson.Interruption interruption = interrupted == 0 ? null : new MetricsJson.Interruption(interrupted,
                "interrupted (Ctrl-C) in epoch " + interrupted + " of " + plan.epochs()
                        + "; that epoch was finished, and the final metrics are its network's");
        boolean regression = data.isRegression();
        int[][] confusion = regression ? null : (test != null ? test : train).confusion();
        MetricsJson.Final fin = new MetricsJson.Final(train.loss(), regression ? null : train.accuracy(),
                regression ? train.rmse() : null, regression ? train.r2() : null, testScores(test),
                test == null ? confusion : null, test != null ? confusion : null);
        write(new MetricsJson(interrupted > 0 ? "interrupted" : "completed", config(plan, split, loss, source),
                dataset(data, split), epochList(), warningList(), interruption, early == null ? null : earlyJson(early),
                fin, null));
    }

    /** Which epoch's weights were kept, and why the run stopped. */
    private MetricsJson.EarlyStop earlyJson(EarlyStopping.Result r) {
        String message = r.reason().equals("patience")
                ? "no better validation loss for " + plan.earlyStopping().patience() + " epochs after epoch " + r.bestEpoch()
                : r.reason().equals("interrupted") ? "interrupted after epoch " + r.lastEpoch()
                        + "; the best validation loss was at epoch " + r.bestEpoch()
                : "trained every epoch; the best validation loss was at epoch " + r.bestEpoch();
        return new MetricsJson.EarlyStop(r.bestEpoch(), r.bestValidationLoss(), r.lastEpoch(), r.reason(), message,
                Arrays.stream(r.validationLosses()).boxed().toList());
    }

    private void writeDiverged(DivergedException e) {
        write(new MetricsJson("diverged", config(plan, split, loss, source), dataset(data, split), epochList(),
                warningList(), null, null, null, new MetricsJson.Divergence(e.epoch(), e.getMessage())));
    }

    private List<MetricsJson.Epoch> epochList() {
        return epochs.stream().map(m -> new MetricsJson.Epoch(m.epoch(), m.loss(),
                data.isRegression() ? null : m.accuracy(), testScores(m.test()), validationScores(m.validation()))).toList();
    }

    private List<MetricsJson.Warning> warningList() {
        return warnings.stream().map(w -> new MetricsJson.Warning(w.epoch(), w.kind(), w.message())).toList();
    }

    /** What the metrics file says of the data. */
    static MetricsJson.DatasetJson dataset(Dataset data, Split split) {
        return new MetricsJson.DatasetJson(data.name(), data.size(), split.train().size(), split.test().size(),
                data.featureNames(), data.isRegression() ? "regression" : "classification",
                data.isRegression() ? null : data.classNames());
    }

    /** An evaluation on the test rows: loss and accuracy, or loss, RMSE and R² for regression; null stays null. */
    private MetricsJson.TestScores testScores(Scores s) {
        if (s == null) {
            return null;
        }
        boolean r = data.isRegression();
        return new MetricsJson.TestScores(s.loss(), r ? null : s.accuracy(), r ? s.rmse() : null, r ? s.r2() : null);
    }

    /** As {@link #testScores}, on the validation rows. */
    private MetricsJson.ValidationScores validationScores(Scores s) {
        MetricsJson.TestScores t = testScores(s);
        return t == null ? null : new MetricsJson.ValidationScores(t.testLoss(), t.testAccuracy(), t.testRmse(), t.testR2());
    }

    /** The run's configuration, as the metrics file holds it, with what was done to a CSV file's columns and rows. */
    static MetricsJson.Config config(TrainingPlan plan, Split split, Loss loss, DataSource source) {
        var d = plan.data();
        var m = plan.model();
        var early = plan.earlyStopping();
        return new MetricsJson.Config(d.dataset(),
                source.encoding() == null ? d.classSize() : null, // generated data: a CSV file has no class size
                d.noise(), plan.batchSize(), plan.epochs(), optimizer(plan.optimizer()), plan.outputs().printEvery(),
                early == null ? null : early.patience(), early == null ? null : early.validationSplit(),
                m.hidden(), m.activation().id(),
                m.inputFeatures() != null && !m.inputFeatures().isDefault() ? m.inputFeatures().toString() : null,
                loss.id(), m.init().id(), plan.seed(), plan.outputs().graphviz(), plan.outputs().plots(),
                split.test().size() == 0 && d.testSplit() == null ? 0.0 : d.testFraction(),
                d.csv() == null ? null : csv(plan, source));
    }

    /**
     * How a CSV file's features were read: its label and delimiter, {@code categorical} (auto or none, and the
     * columns forced), {@code missing}, the {@code encoding} column by column, and notes on the cells filled and
     * rows dropped (the last four only when it was encoded).
     */
    private static MetricsJson.CsvJson csv(TrainingPlan plan, DataSource source) {
        CsvOptions csv = plan.data().csv();
        String delimiter = String.valueOf(csv.delimiter());
        if (source.encoding() == null) {
            return new MetricsJson.CsvJson(csv.label(), delimiter, null, null, null, null, null);
        }
        List<String> notes = DataNotes.lines(plan, source);
        return new MetricsJson.CsvJson(csv.label(), delimiter, csv.categoricalAuto() ? "auto" : "none",
                csv.categoricalColumns().isEmpty() ? null : csv.categoricalColumns(), csv.missing().id(),
                source.encoding().summary(), notes.isEmpty() ? null : notes);
    }

    /**
     * The optimizer's settings: SGD's as they always were (no {@code optimizer} field, so that an SGD run's
     * file is what it was before there was a choice); Adam's and AdamW's with {@code optimizer} and their own.
     */
    private static MetricsJson.OptimizerJson optimizer(OptimizerPlan o) {
        Boolean auto = o.lrAuto() ? true : null;
        if (o.kind() == OptimizerKind.SGD) {
            return new MetricsJson.OptimizerJson(null, o.lr(), auto, o.momentum(), null, null, null, o.weightDecay(),
                    o.l1(), o.nesterov());
        }
        return new MetricsJson.OptimizerJson(o.kind().id(), o.lr(), auto, null, o.beta1(), o.beta2(), o.eps(),
                o.weightDecay(), null, null);
    }

    private void write(MetricsJson metrics) {
        written = metrics;
        AtomicFiles.writeString(file, metrics.toJson());
    }
}
