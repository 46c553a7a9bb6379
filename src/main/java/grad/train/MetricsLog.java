package grad.train;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import grad.data.CsvOptions;
import grad.data.Dataset;
import grad.data.Split;
import grad.io.AtomicFiles;
import grad.nn.Loss;
import grad.plot.TrainingCurves;
import grad.optim.OptimizerKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The metrics of a run, epoch by epoch, and their file {@code metrics_<name>.json}: the configuration
 * (every option, with the seed), the data, every epoch's loss and accuracy, the final evaluation and the
 * run's status. Non-finite numbers are written as {@code null}. No wall-clock times, so one seed gives
 * one file.
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
    private JsonObject written;

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
    JsonObject written() {
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
        JsonObject root = common(interrupted > 0 ? "interrupted" : "completed");
        if (interrupted > 0) {
            JsonObject o = new JsonObject();
            o.addProperty("epoch", interrupted);
            o.addProperty("message", "interrupted (Ctrl-C) in epoch " + interrupted + " of " + plan.epochs()
                    + "; that epoch was finished, and the final metrics are its network's");
            root.add("interruption", o);
        }
        if (early != null) {
            root.add("early_stopping", earlyJson(early));
        }
        JsonObject fin = new JsonObject();
        fin.add("loss", num(train.loss()));
        if (data.isRegression()) {
            fin.add("rmse", num(train.rmse()));
            fin.add("r2", num(train.r2()));
        } else {
            fin.add("accuracy", num(train.accuracy()));
        }
        if (test != null) {
            addScores(fin, "test_", test);
        }
        if (!data.isRegression()) {
            JsonArray matrix = new JsonArray();
            for (int[] row : (test != null ? test : train).confusion()) {
                JsonArray r = new JsonArray();
                for (int c : row) {
                    r.add(c);
                }
                matrix.add(r);
            }
            fin.add(test != null ? "test_confusion" : "confusion", matrix);
        }
        root.add("final", fin);
        write(root);
    }

    /** Which epoch's weights were kept, and why the run stopped. */
    private JsonObject earlyJson(EarlyStopping.Result r) {
        JsonObject o = new JsonObject();
        o.addProperty("best_epoch", r.bestEpoch());
        o.add("best_validation_loss", num(r.bestValidationLoss()));
        o.addProperty("stopped_epoch", r.lastEpoch());
        o.addProperty("reason", r.reason());
        o.addProperty("message", r.reason().equals("patience")
                ? "no better validation loss for " + plan.earlyStopping().patience() + " epochs after epoch " + r.bestEpoch()
                : r.reason().equals("interrupted") ? "interrupted after epoch " + r.lastEpoch()
                        + "; the best validation loss was at epoch " + r.bestEpoch()
                : "trained every epoch; the best validation loss was at epoch " + r.bestEpoch());
        JsonArray losses = new JsonArray();
        for (double v : r.validationLosses()) {
            losses.add(num(v));
        }
        o.add("validation_loss", losses);
        return o;
    }

    private void writeDiverged(DivergedException e) {
        JsonObject root = common("diverged");
        JsonObject div = new JsonObject();
        div.addProperty("epoch", e.epoch());
        div.addProperty("message", e.getMessage());
        root.add("divergence", div);
        write(root);
    }

    private JsonObject common(String status) {
        JsonObject root = new JsonObject();
        root.addProperty("status", status);
        root.add("config", configJson(plan, split, loss, source));
        root.add("dataset", datasetJson(data, split));
        JsonArray list = new JsonArray();
        for (EpochMetrics m : epochs) {
            list.add(epochJson(m));
        }
        root.add("epochs", list);
        JsonArray warned = new JsonArray();
        for (HealthChecks.Warning w : warnings) {
            JsonObject o = new JsonObject();
            o.addProperty("epoch", w.epoch());
            o.addProperty("kind", w.kind());
            o.addProperty("message", w.message());
            warned.add(o);
        }
        root.add("warnings", warned);
        return root;
    }

    /** What the metrics file says of the data. */
    static JsonObject datasetJson(Dataset data, Split split) {
        JsonObject d = new JsonObject();
        d.addProperty("name", data.name());
        d.addProperty("rows", data.size());
        d.addProperty("train_rows", split.train().size());
        d.addProperty("test_rows", split.test().size());
        d.add("features", strings(data.featureNames()));
        d.addProperty("task", data.isRegression() ? "regression" : "classification");
        if (!data.isRegression()) {
            d.add("classes", strings(data.classNames()));
        }
        return d;
    }

    private JsonObject epochJson(EpochMetrics m) {
        JsonObject o = new JsonObject();
        o.addProperty("epoch", m.epoch());
        o.add("loss", num(m.loss()));
        if (!data.isRegression()) {
            o.add("accuracy", num(m.accuracy()));
        }
        if (m.test() != null) {
            addScores(o, "test_", m.test());
        }
        if (m.validation() != null) {
            addScores(o, "validation_", m.validation());
        }
        return o;
    }

    /**
     * An evaluation on held-out rows, its keys named with {@code prefix}: {@code test_loss} and
     * {@code test_accuracy}, or {@code test_rmse} and {@code test_r2} for regression.
     */
    private void addScores(JsonObject o, String prefix, Scores s) {
        o.add(prefix + "loss", num(s.loss()));
        if (data.isRegression()) {
            o.add(prefix + "rmse", num(s.rmse()));
            o.add(prefix + "r2", num(s.r2()));
        } else {
            o.add(prefix + "accuracy", num(s.accuracy()));
        }
    }

    /** The run's configuration, as the metrics file holds it, with what was done to a CSV file's columns and rows. */
    static JsonObject configJson(TrainingPlan plan, Split split, Loss loss, DataSource source) {
        JsonObject c = new JsonObject();
        c.addProperty("dataset", plan.data().dataset());
        if (source.encoding() == null) { // generated data: a CSV file has no class size
            c.addProperty("class_size", plan.data().classSize());
        }
        if (plan.data().noise() != null) {
            c.add("noise", num(plan.data().noise()));
        }
        c.addProperty("batch_size", plan.batchSize());
        c.addProperty("epochs", plan.epochs());
        addOptimizer(c, plan.optimizer());
        c.addProperty("print_epochs", plan.outputs().printEvery());
        if (plan.earlyStopping() != null) {
            c.addProperty("early_stopping", plan.earlyStopping().patience());
            c.add("validation_split", num(plan.earlyStopping().validationSplit()));
        }
        JsonArray hidden = new JsonArray();
        plan.model().hidden().forEach(hidden::add);
        c.add("hidden_units", hidden);
        c.addProperty("activation", plan.model().activation().id());
        if (plan.model().inputFeatures() != null && !plan.model().inputFeatures().isDefault()) {
            c.addProperty("input_features", plan.model().inputFeatures().toString());
        }
        c.addProperty("loss", loss.id());
        c.addProperty("init", plan.model().init().id());
        c.addProperty("seed", plan.seed());
        c.addProperty("graphviz", plan.outputs().graphviz());
        c.addProperty("plots", plan.outputs().plots());
        c.addProperty("test_split", split.test().size() == 0 && plan.data().testSplit() == null ? 0.0
                : plan.data().testFraction());
        if (plan.data().csv() != null) {
            c.addProperty("label", plan.data().csv().label());
            c.addProperty("delimiter", String.valueOf(plan.data().csv().delimiter()));
        }
        if (source.encoding() != null) {
            addEncoding(c, plan, source);
        }
        return c;
    }

    /**
     * How a CSV file's features were read: {@code categorical} (auto or none, and the columns forced),
     * {@code missing}, the {@code encoding} column by column, and notes on the cells filled and rows dropped.
     */
    private static void addEncoding(JsonObject c, TrainingPlan plan, DataSource source) {
        CsvOptions csv = plan.data().csv();
        c.addProperty("categorical", csv.categoricalAuto() ? "auto" : "none");
        if (!csv.categoricalColumns().isEmpty()) {
            c.add("categorical_columns", strings(csv.categoricalColumns()));
        }
        c.addProperty("missing", csv.missing().id());
        c.add("encoding", strings(source.encoding().summary()));
        List<String> notes = DataNotes.lines(plan, source);
        if (!notes.isEmpty()) {
            c.add("data_notes", strings(notes));
        }
    }

    /** The optimizer's settings, in the metrics file's order. */
    /**
     * The optimizer's settings: SGD's as they always were (no {@code optimizer} field, so that an SGD run's
     * file is what it was before there was a choice); Adam's and AdamW's with {@code optimizer} and their own.
     */
    private static void addOptimizer(JsonObject c, OptimizerPlan o) {
        if (o.kind() != OptimizerKind.SGD) {
            c.addProperty("optimizer", o.kind().id());
        }
        c.add("lr", num(o.lr()));
        if (o.lrAuto()) {
            c.addProperty("lr_auto", true);
        }
        if (o.kind() == OptimizerKind.SGD) {
            c.add("momentum", num(o.momentum()));
            c.add("weight_decay", num(o.weightDecay()));
            c.add("l1", num(o.l1()));
            c.addProperty("nesterov", o.nesterov());
        } else {
            c.add("beta1", num(o.beta1()));
            c.add("beta2", num(o.beta2()));
            c.add("eps", num(o.eps()));
            c.add("weight_decay", num(o.weightDecay()));
        }
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static JsonElement num(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
    }

    private void write(JsonObject root) {
        written = root;
        AtomicFiles.writeString(file, new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(root) + "\n");
    }
}
