package grad.train;

import grad.GradException;
import grad.data.CsvDataset;
import grad.data.Dataset;
import grad.data.Split;
import grad.data.Standardizer;
import grad.data.SyntheticDataset;
import grad.data.TargetScale;
import grad.engine.Graph;
import grad.graphviz.DotRenderer;
import grad.graphviz.DotWriter;
import grad.graphviz.GraphReducer;
import grad.graphviz.GraphSummary;
import grad.io.AtomicFiles;
import grad.model.ModelFile;
import grad.model.SavedModel;
import grad.nn.Activation;
import grad.nn.Loss;
import grad.nn.MLP;
import grad.optim.SGD;
import grad.plot.TrainingCurves;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The main job: load or generate the data, build the network, train it, and write what the user looks
 * at — the console log, {@code metrics_<name>.json}, pictures, graphs — and the model file
 * ({@code --save-model}). With {@code --load-model} it continues a saved model from its next epoch (see
 * {@link Checkpoints}).
 */
public final class TrainingRun {
    /** Salt that keeps the initializer's random numbers apart from the data's. */
    private static final long INIT_SALT = 0x9E3779B97F4A7C15L;

    private final TrainingConfig config;
    private final PrintWriter out;
    private final PrintWriter err;

    /**
     * @param out takes the training log
     * @param err takes warnings, such as a picture given up on
     */
    public TrainingRun(TrainingConfig config, PrintWriter out, PrintWriter err) {
        this.config = config;
        this.out = out;
        this.err = err;
    }

    /** Loads the dataset the configuration names: a generated one, or a CSV file. */
    public static Dataset loadDataset(TrainingConfig config) {
        if (isCsv(config.dataset())) {
            return CsvDataset.read(Path.of(config.dataset()), config.csv());
        }
        return SyntheticDataset.fromName(config.dataset()).generate(config.classSize(), config.seed());
    }

    /** Whether a dataset argument names a file rather than a generated dataset. */
    public static boolean isCsv(String dataset) {
        return dataset.toLowerCase(Locale.ROOT).endsWith(".csv") || Files.isRegularFile(Path.of(dataset));
    }

    /**
     * Runs the whole job.
     *
     * @return the final metrics
     * @throws GradException for bad data, unwritable outputs, or divergence ({@link DivergedException})
     */
    public Evaluation run() {
        SavedModel saved = config.loadModel() == null ? null : ModelFile.read(config.loadModel());
        if (saved != null) {
            Checkpoints.verify(config, saved, config.loadModel());
        }
        Prepared p = prepare(saved);
        Loss loss = p.data().isRegression() ? Loss.MSE_REGRESSION : config.loss();
        MLP model = saved != null ? saved.network() : newNetwork(p.data());
        SGD sgd = new SGD(model.parameters(), config.lr(), config.momentum(),
                config.weightDecay(), config.nesterov());
        int firstEpoch = 1;
        if (saved != null) {
            sgd.setVelocity(saved.velocity());
            firstEpoch = saved.training().epochsDone() + 1;
        }

        Path dir = prepareOutputDir(config.outputDir());
        String name = p.data().name();
        Path metricsFile = dir.resolve("metrics_" + name + ".json");
        MetricsLog metrics = new MetricsLog(config, p.data(), p.split(), loss);
        printHeader(p.data(), p.split(), model, loss);
        if (saved != null) {
            out.println("  continuing " + config.loadModel() + " from epoch " + firstEpoch);
        }
        boolean boundaries = p.data().featureCount() == 2 && !p.data().isRegression();
        if (config.plots() && !boundaries) {
            out.println("note: no decision-boundary pictures: they need 2 features"
                    + (p.data().isRegression() ? " and classes" : "") + " (this data has " + p.data().featureCount() + ")");
        }
        DotRenderer dot = config.graphviz() ? new DotRenderer() : null;
        try (Trainer trainer = new Trainer(model, loss, sgd, config.lr(), p.train(), config.batchSize(), config.seed(),
                config.threads());
             Pictures pictures = config.plots()
                     ? new Pictures(dir, p.split().train(), p.standardizer(), boundaries, this::warn) : null) {
            try {
                for (int epoch = firstEpoch; epoch <= config.epochs(); epoch++) {
                    boolean print = config.isPrintEpoch(epoch);
                    if (print && dot != null) {
                        writeGraph(trainer.sampleGraph(epoch), dir, epoch, name, dot, pictures);
                    }
                    EpochMetrics m = trainer.epoch(epoch);
                    if (p.test().size() > 0) {
                        m = new EpochMetrics(m.epoch(), m.loss(), m.accuracy(), Evaluation.of(model, loss, p.test(), p.scale()));
                    }
                    metrics.add(m);
                    if (print) {
                        out.println(describe(m, p.data().isRegression()));
                        out.flush();
                    }
                    if (pictures != null) {
                        pictures.boundary(model, epoch, print, config.isFrameEpoch(epoch));
                        if (print) {
                            pictures.curves(metrics.curves(name));
                        }
                    }
                }
            } catch (DivergedException e) {
                metrics.writeDiverged(metricsFile, e);
                if (pictures != null) {
                    // the curves are drawn at print epochs: bring them up to the last epoch that finished
                    if (e.epoch() > firstEpoch) {
                        pictures.curves(metrics.curves(name + " — diverged in epoch " + e.epoch()));
                    }
                    pictures.finishAnimation();
                }
                throw e;
            }
            Evaluation finalTrain = Evaluation.of(model, loss, p.train(), p.scale());
            Evaluation finalTest = p.test().size() > 0 ? Evaluation.of(model, loss, p.test(), p.scale()) : null;
            metrics.writeFinal(metricsFile, finalTrain, finalTest);
            if (config.saveModel() != null) {
                ModelFile.write(config.saveModel(), Checkpoints.capture(config, p.data(), loss, model, sgd,
                        p.standardizer(), p.scale(), config.epochs(), p.testFraction(),
                        Checkpoints.labelName(isCsv(config.dataset()) ? Path.of(config.dataset()) : null, config.csv())));
                out.println("saved the model to " + config.saveModel());
            }
            if (pictures != null) {
                pictures.finishAnimation();
            }
            printSummary(p.data(), finalTrain, finalTest, dir);
            return finalTrain;
        }
    }

    private void warn(String message) {
        err.println("grad: warning: " + message);
        err.flush();
    }

    /**
     * The data as the network sees it: split, standardized with the training rows' statistics (or a
     * saved model's), a regression target z-scored.
     *
     * @param data         all rows, in the data's units
     * @param split        the hold-out, in the data's units (pictures use it)
     * @param train        the training rows the network trains on
     * @param test         the held-out rows, transformed as {@code train}
     */
    private record Prepared(Dataset data, Split split, double testFraction, Standardizer standardizer,
                            TargetScale scale, Dataset train, Dataset test) {
    }

    private Prepared prepare(SavedModel saved) {
        Dataset data = loadDataset(config);
        if (saved != null) {
            Checkpoints.checkData(saved, data, config.loadModel());
        }
        boolean csv = isCsv(config.dataset());
        double testFraction = config.testSplit() != null ? config.testSplit() : csv ? 0.2 : 0.0;
        Split split = Split.stratified(data, testFraction, config.seed());
        boolean standardize = config.standardize() != null ? config.standardize() : csv;
        Standardizer standardizer = saved != null ? saved.standardizer()
                : standardize ? Standardizer.fit(split.train()) : null;
        Dataset train = standardizer != null ? standardizer.transform(split.train()) : split.train();
        Dataset test = standardizer != null ? standardizer.transform(split.test()) : split.test();
        TargetScale scale = saved != null ? saved.target()
                : data.isRegression() ? TargetScale.fit(train) : TargetScale.NONE;
        return new Prepared(data, split, testFraction, standardizer, scale, scale.apply(train), scale.apply(test));
    }

    /** inputs → the hidden layers → one output per class (or one value), initialized from the seed. */
    private MLP newNetwork(Dataset data) {
        int[] sizes = new int[config.hidden().size() + 1];
        for (int i = 0; i < config.hidden().size(); i++) {
            sizes[i] = config.hidden().get(i);
        }
        sizes[sizes.length - 1] = data.isRegression() ? 1 : data.classCount();
        return MLP.create(data.featureCount(), sizes, config.activation(), Activation.LINEAR, config.init(),
                new SplittableRandom(config.seed() ^ INIT_SALT));
    }

    private void writeGraph(Graph graph, Path dir, int epoch, String name, DotRenderer dot, Pictures pictures) {
        GraphReducer.Reduction reduction = GraphReducer.reduce(graph, config.graphvizMaxNodes());
        Path file = dir.resolve("weights_epoch_" + epoch + "_" + name + ".dot");
        String title = reduction.title("one " + name + " sample's loss at the start of epoch " + epoch
                + ", after backward, before the optimizer step");
        DotWriter.write(file, reduction.graph(), title);
        out.println("  graph " + file + ": " + GraphSummary.of(graph)
                + (reduction.reduced() ? " — drawn reduced: " + String.join("; ", reduction.notes()) : ""));
        int nodes = reduction.graph().nodes().size();
        if (!dot.available()) {
            out.println("  (no `dot` on the PATH: render it with  dot -Tsvg " + file + " -o "
                    + file.toString().replaceFirst("\\.dot$", ".svg") + ")");
        } else if (pictures != null) {
            pictures.then("rendering " + file, () -> dot.render(file, nodes));
        } else {
            dot.render(file, nodes);
        }
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

    private void printHeader(Dataset data, Split split, MLP model, Loss loss) {
        String arch = model.inputs() + "-" + String.join("-",
                java.util.Arrays.stream(model.sizes()).mapToObj(Integer::toString).toList());
        out.printf(Locale.ROOT, "grad: training a %s MLP (%d parameters) on %s: %d rows, %d features, %s%n",
                arch, model.parameterCount(), data.name(), data.size(), data.featureCount(),
                data.isRegression() ? "regression" : data.classCount() + " classes " + data.classNames());
        out.printf(Locale.ROOT, "  lr %s, momentum %s, batch %d, %d epochs, loss %s, activation %s, init %s, seed %d%s%n",
                fmt(config.lr()), fmt(config.momentum()), config.batchSize(), config.epochs(), loss.id(),
                config.activation().id(), config.init().id(), config.seed(),
                split.test().size() > 0 ? ", test split " + split.test().size() + " rows" : "");
    }

    private static String fmt(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private String describe(EpochMetrics m, boolean regression) {
        // a loss on its way to diverging is shown as 6.8312e+212, not as 213 digits
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "epoch %" + digits() + "d/%d  loss "
                + (Math.abs(m.loss()) < 1e6 ? "%.4f" : "%.4e"), m.epoch(), config.epochs(), m.loss()));
        if (!regression) {
            s.append(String.format(Locale.ROOT, "  accuracy %.1f%%", 100 * m.accuracy()));
        }
        if (m.test() != null) {
            s.append(regression
                    ? String.format(Locale.ROOT, "  test rmse %.4f  test R² %.4f", m.test().rmse(), m.test().r2())
                    : String.format(Locale.ROOT, "  test accuracy %.1f%%", 100 * m.test().accuracy()));
        }
        return s.toString();
    }

    private int digits() {
        return Integer.toString(config.epochs()).length();
    }

    private void printSummary(Dataset data, Evaluation train, Evaluation test, Path dir) {
        if (data.isRegression()) {
            out.printf(Locale.ROOT, "done: train loss %.4f, rmse %.4f, R² %.4f%s%n", train.loss(), train.rmse(), train.r2(),
                    test == null ? "" : String.format(Locale.ROOT, "; test rmse %.4f, R² %.4f", test.rmse(), test.r2()));
        } else {
            out.printf(Locale.ROOT, "done: train loss %.4f, accuracy %.1f%%%s%n", train.loss(), 100 * train.accuracy(),
                    test == null ? "" : String.format(Locale.ROOT, "; test accuracy %.1f%%", 100 * test.accuracy()));
            Evaluation shown = test != null ? test : train;
            out.println("confusion matrix (" + (test != null ? "test" : "train") + " rows: actual × predicted):");
            out.print(ConfusionMatrix.format(shown.confusion(), data.classNames()));
        }
        out.println("outputs in " + dir + "/");
        out.flush();
    }
}
