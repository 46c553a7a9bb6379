package grad.train;

import com.google.gson.JsonObject;
import grad.GradException;
import grad.data.Dataset;
import grad.data.FeatureEncoding;
import grad.data.InputFeatures;
import grad.data.Split;
import grad.data.Standardizer;
import grad.data.TargetScale;
import grad.io.AtomicFiles;
import grad.model.SavedModel;
import grad.nn.Activation;
import grad.nn.Loss;
import grad.nn.MLP;
import grad.optim.Optimizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The main job: load or generate the data, build the network, train it, and write what the user looks
 * at — the console log, {@code metrics_<name>.json}, pictures, graphs — and the model file
 * ({@code --save-model}). With {@code --load-model} it continues a saved model from its next epoch: the
 * plan's {@link ModelPlan.Loaded}, resolved by the command line.
 */
public final class TrainingRun {
    /** Salt that keeps the initializer's random numbers apart from the data's. */
    private static final long INIT_SALT = 0x9E3779B97F4A7C15L;

    private final TrainingPlan plan;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    /** Asked after each epoch whether to stop there (Ctrl-C). */
    private BooleanSupplier stopRequested = () -> false;
    /** The last epoch trained when the run was stopped by {@link #stopRequested}, or 0. */
    private int interrupted;

    /**
     * @param out takes the training log
     * @param err takes warnings, such as a picture given up on
     */
    public TrainingRun(TrainingPlan plan, PrintWriter out, PrintWriter err) {
        this(plan, out, err, System.console() != null);
    }

    /** As above; {@code terminal} tells whether {@code out} is a terminal, where a progress line is drawn. */
    public TrainingRun(TrainingPlan plan, PrintWriter out, PrintWriter err, boolean terminal) {
        this.plan = plan;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    /**
     * Has the run ask {@code stop} after each epoch whether to end there (Ctrl-C): it then ends as a completed
     * run does, with the metrics file's status {@code "interrupted"}, and {@link #interruptedAfter()} says when.
     */
    public TrainingRun stopWhen(BooleanSupplier stop) {
        this.stopRequested = stop;
        return this;
    }

    /** The last epoch trained when the run was stopped ({@link #stopWhen}), or 0 when it was not. */
    public int interruptedAfter() {
        return interrupted;
    }

    /**
     * Runs the whole job: resume (or not), prepare the data, build the network and its optimizer, then
     * train epoch by epoch, telling the listeners — console, metrics file, pictures, graph dumps, saved
     * model — what happened.
     *
     * @return the final evaluation on the training rows
     * @throws GradException for bad data, unwritable outputs, or divergence ({@link DivergedException})
     */
    @SuppressWarnings("try") // the folder is held, not used, for the length of the run
    public Scores run() {
        SavedModel saved = resumedModel();
        PreparedData p = prepare(saved);
        Loss loss = p.data().isRegression() ? Loss.MSE_REGRESSION : plan.model().loss();
        MLP model = saved != null ? saved.network() : newNetwork(p.data(), p.inputs());
        Optimizer optimizer = optimizer(model, saved);
        int firstEpoch = saved == null ? 1 : saved.training().epochsDone() + 1;
        Path dir = prepareOutputDir(plan.outputs().dir());
        if (plan.outputs().saveModel() != null) {
            AtomicFiles.checkWritable(plan.outputs().saveModel());
        }
        try (OutputFolder folder = OutputFolder.claim(dir, holder(), out);
             PictureJobs pictures = plan.outputs().plots() ? new PictureJobs(this::warn, PictureJobs.DRAWING_TIMEOUT) : null) {
            // the boundary chart first: it is the slowest thing to get ready, and needs only the data
            BoundaryPictures boundaries = pictures != null && p.isPlottable()
                    ? new BoundaryPictures(pictures, dir, p.split().train(), p.inputs(), p.standardizer()) : null;
            try (Trainer trainer = new Trainer(model, loss, optimizer, p.train(), plan.batchSize(), plan.seed(),
                    plan.threads(), plan.engine())) {
                EpochListener listeners = listeners(p, loss, model, optimizer, firstEpoch, dir, trainer, pictures, boundaries);
                return train(trainer, listeners, firstEpoch, model, loss, p, optimizer).train();
            }
        }
    }

    /** Who holds the output folder, as a second run into it is told. */
    private String holder() {
        return "process " + ProcessHandle.current().pid() + ", training on " + plan.data().dataset()
                + " for " + plan.epochs() + " epochs";
    }

    /**
     * The learning-rate range test ({@link LrFinder}) on this plan's data from its initial weights (a new
     * network: the same as {@link #run()} would train), with its optimizer settings except the rate; with
     * what its report page shows (the data, the network, the settings).
     */
    public LrFindReport lrFind() {
        PreparedData p = prepare(null);
        Loss loss = p.data().isRegression() ? Loss.MSE_REGRESSION : plan.model().loss();
        MLP model = newNetwork(p.data(), p.inputs());
        String network = ConsoleLog.architecture(model) + " MLP, " + model.parameterCount() + " parameters";
        JsonObject settings = LrFindReport.settings(MetricsJson.GSON.toJsonTree(MetricsLog.config(plan, p.split(), loss,
                p.source())).getAsJsonObject());
        MetricsJson.DatasetJson dataset = MetricsLog.dataset(p.data(), p.split());
        return new LrFindReport(LrFinder.run(model, loss, plan, p.train()), dataset, network, settings);
    }

    /**
     * Who is told what the run does, in this order: the graph dumps (before an epoch trains), the metrics
     * file, the pictures (which draw the metrics' curves), the saved model, the report page (which shows the
     * metrics file and links the pictures and graphs, so it is queued after them), and the console (whose
     * summary comes last).
     */
    private EpochListener listeners(PreparedData p, Loss loss, MLP model, Optimizer optimizer, int firstEpoch, Path dir,
                                    Trainer trainer, PictureJobs pictures, BoundaryPictures boundaries) {
        String name = p.data().name();
        MetricsLog metrics = new MetricsLog(dir.resolve("metrics_" + name + ".json"), plan, p, loss);
        List<EpochListener> listeners = new ArrayList<>();
        if (terminal) { // first: it erases its line before the others print
            ProgressLine progress = new ProgressLine(out, true, System::nanoTime, firstEpoch, plan.epochs(), p.train().size(),
                    plan::isPrintEpoch);
            trainer.onRowsDone(progress::rowsDone);
            listeners.add(progress);
        }
        if (plan.outputs().graphviz()) {
            listeners.add(new GraphDumps(plan, out, dir, name, trainer, pictures, this::warn));
        }
        Consumer<HealthChecks.Warning> sink = w -> {
            warn(w.message());
            metrics.warning(w);
        };
        listeners.add(new HealthChecks(plan, model, p.train(), sink));
        if (p.validation() != null) {
            listeners.add(new OverfittingCheck(EpochMetrics::validation, "validation", sink));
        } else if (p.hasTest()) {
            listeners.add(new OverfittingCheck(EpochMetrics::test, "test", sink));
        }
        listeners.add(metrics);
        if (pictures != null) {
            listeners.add(new PictureUpdates(plan, pictures, boundaries, model, metrics, dir, name, firstEpoch));
            listeners.add(new ModelPictures(plan, pictures, model, p, dir));
        }
        if (plan.outputs().saveModel() != null) {
            listeners.add(new ModelSaver(plan, p, loss, model, optimizer, out));
        }
        if (plan.outputs().report()) {
            listeners.add(new ReportPage(plan, dir, p, model, metrics, pictures));
        }
        listeners.add(new ConsoleLog(plan, out, p, model, loss, firstEpoch, dir));
        return new Listeners(listeners);
    }

    /**
     * Trains epochs {@code firstEpoch} to the last, telling the listeners; evaluates the final network. With
     * early stopping, stops after its patience without a better validation loss and goes back to the best
     * epoch's weights (and velocities) before the final evaluation.
     */
    private RunEnd.Completed train(Trainer trainer, EpochListener listeners, int firstEpoch, MLP model, Loss loss,
                                   PreparedData p, Optimizer optimizer) {
        listeners.runStarted();
        EarlyStopper early = plan.earlyStopping() == null ? null
                : new EarlyStopper(plan.earlyStopping().patience(), model, optimizer);
        int lastEpoch = firstEpoch - 1;
        String reason = "epochs";
        try {
            for (int epoch = firstEpoch; epoch <= plan.epochs(); epoch++) {
                listeners.epochStarting(epoch);
                EpochMetrics m = withEvaluations(trainer.epoch(epoch), model, loss, p);
                listeners.epochEnded(m);
                lastEpoch = epoch;
                if (early != null && early.exhausted(m)) {
                    reason = "patience";
                    break;
                }
                if (epoch < plan.epochs() && stopRequested.getAsBoolean()) {
                    interrupted = epoch;
                    reason = "interrupted";
                    break;
                }
            }
        } catch (DivergedException e) {
            listeners.runEnded(new RunEnd.Diverged(e));
            throw e;
        }
        EarlyStopping.Result result = early == null ? null : early.restoreBest(lastEpoch, reason);
        RunEnd.Completed done = new RunEnd.Completed(Scores.of(model, loss, p.train(), p.scale()),
                p.hasTest() ? Scores.of(model, loss, p.test(), p.scale()) : null, result, interrupted);
        listeners.runEnded(done);
        return done;
    }

    /**
     * The epoch's training figures with the network evaluated once on the test rows (when there are some)
     * and on the validation rows (with early stopping), before the listeners are told of the epoch.
     */
    private static EpochMetrics withEvaluations(EpochMetrics m, MLP model, Loss loss, PreparedData p) {
        return m.evaluated(p.hasTest() ? Scores.of(model, loss, p.test(), p.scale()) : null,
                p.validation() != null ? Scores.of(model, loss, p.validation(), p.scale()) : null);
    }

    private void warn(String message) {
        err.println("grad: warning: " + message);
        err.flush();
    }

    /** The saved model to continue (read when the plan was made), or null. */
    private SavedModel resumedModel() {
        return plan.model() instanceof ModelPlan.Loaded loaded ? loaded.saved() : null;
    }

    /**
     * The plan's optimizer over the network's store, with a saved model's state when continuing one (and
     * the saved model was trained by the same kind of optimizer; else it starts afresh).
     */
    Optimizer optimizer(MLP model, SavedModel saved) {
        Optimizer optimizer = plan.optimizer().create(model.store());
        if (saved != null && saved.optimizer().kind() == plan.optimizer().kind()) {
            optimizer.loadState(saved.optimizer().buffers());
        }
        return optimizer;
    }

    PreparedData prepare(SavedModel saved) {
        LoadedData loaded = LoadedData.load(plan, plan.model() instanceof ModelPlan.Loaded l ? l : null);
        Dataset data = loaded.data();
        Split split = loaded.split();
        Split inner = loaded.inner();
        InputFeatures inputs = inputFeatures(data);
        Dataset trainInputs = features(inputs, inner == null ? split.train() : inner.train());
        Dataset testInputs = features(inputs, split.test());
        Standardizer standardizer = saved != null ? saved.standardizer()
                : plan.data().standardizes() ? Standardizer.fit(trainInputs, oneHot(loaded, trainInputs)) : null;
        Dataset train = standardizer != null ? standardizer.transform(trainInputs) : trainInputs;
        Dataset test = standardizer != null ? standardizer.transform(testInputs) : testInputs;
        Dataset validation = null;
        if (inner != null) {
            Dataset validationInputs = features(inputs, inner.test());
            validation = standardizer != null ? standardizer.transform(validationInputs) : validationInputs;
        }
        TargetScale scale = saved != null ? saved.target()
                : data.isRegression() ? TargetScale.fit(train) : TargetScale.NONE;
        return new PreparedData(data, loaded.source(), split, plan.data().testFraction(), standardizer, scale,
                scale.apply(train), scale.apply(test), inputs, validation == null ? null : scale.apply(validation));
    }

    /** Which of the network's inputs are one-hot, left as they are by standardization. */
    private static boolean[] oneHot(LoadedData loaded, Dataset inputs) {
        FeatureEncoding encoding = loaded.source().encoding();
        return encoding != null && encoding.width() == inputs.featureCount() ? encoding.oneHotInputs()
                : new boolean[inputs.featureCount()];
    }

    private static Dataset features(InputFeatures inputs, Dataset rows) {
        return inputs == null || inputs.isDefault() ? rows : inputs.apply(rows);
    }

    /**
     * The input features of the run: the plan's (or {@code x,y}) for 2-D data, null for other data.
     *
     * @throws GradException with exit code 2, naming {@code --input-features}, if they are asked for on
     *                       data that does not have 2 features
     */
    private InputFeatures inputFeatures(Dataset data) {
        InputFeatures asked = plan.model().inputFeatures();
        if (data.featureCount() == 2) {
            return asked == null ? InputFeatures.DEFAULT : asked;
        }
        if (asked != null) {
            throw new GradException("--input-features " + asked + " needs data with 2 features, but "
                    + data.name() + " has " + data.featureCount(), 2, null);
        }
        return null;
    }

    /** inputs → the hidden layers → one output per class (or one value), initialized from the seed. */
    MLP newNetwork(Dataset data, InputFeatures inputs) {
        int[] sizes = new int[plan.model().hidden().size() + 1];
        for (int i = 0; i < plan.model().hidden().size(); i++) {
            sizes[i] = plan.model().hidden().get(i);
        }
        sizes[sizes.length - 1] = data.isRegression() ? 1 : data.classCount();
        return MLP.create(inputs == null ? data.featureCount() : inputs.size(), sizes, plan.model().activation(),
                Activation.LINEAR, plan.model().init(), new SplittableRandom(plan.seed() ^ INIT_SALT));
    }

    private static Path prepareOutputDir(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new GradException("output directory " + dir + " is a file");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new GradException("cannot create output directory " + dir + ": " + AtomicFiles.reason(e), e);
        }
        if (!Files.isWritable(dir)) {
            throw new GradException("output directory " + dir + " is not writable");
        }
        return dir;
    }
}
