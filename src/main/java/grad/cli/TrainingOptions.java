package grad.cli;

import grad.data.CsvOptions;
import grad.data.InputFeatures;
import grad.data.MissingValues;
import grad.data.Task;
import grad.model.ModelFile;
import grad.nn.Activation;
import grad.nn.Initializer;
import grad.nn.Loss;
import grad.optim.AdamW;
import grad.optim.OptimizerKind;
import grad.train.Engine;
import grad.train.DataPlan;
import grad.train.EarlyStopping;
import grad.train.ModelPlan;
import grad.train.OptimizerPlan;
import grad.train.OutputPlan;
import grad.train.TrainingPlan;
import grad.train.TrainingRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The training options and the run they describe, shared by {@link TrainCommand} ({@code grad train}) and
 * {@link GradCommand}, the root command, which trains too when no command is given.
 */
abstract class TrainingOptions implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions data;

    @Option(names = {"-b", "--batch-size"}, defaultValue = "50", paramLabel = "N",
            description = "minibatch size; a last, smaller minibatch is used too (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = {"-e", "--epochs"}, defaultValue = "50", paramLabel = "N", description = "epochs to train (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = {"-l", "--lr"}, defaultValue = "0.001", paramLabel = "RATE", converter = LearningRate.Converter.class,
            description = "learning rate, or auto: run lr-find first and train with its suggestion (default: ${DEFAULT-VALUE})")
    LearningRate lr;

    @Option(names = "--optimizer", defaultValue = "sgd", paramLabel = "NAME", converter = Converters.OptimizerConverter.class,
            description = "sgd (with --momentum, --nesterov, --l1), adam or adamw (with --beta1, --beta2, --eps), as PyTorch"
                    + " computes them (default: ${DEFAULT-VALUE})")
    OptimizerKind optimizer;

    @Option(names = {"-m", "--momentum"}, defaultValue = "0.9", paramLabel = "M", description = "SGD momentum, in [0, 1) (default: ${DEFAULT-VALUE})")
    double momentum;

    @Option(names = "--weight-decay", paramLabel = "L2",
            description = "weight decay: L2 for sgd and adam, decoupled for adamw (default: 0; 0.01 for adamw)")
    Double weightDecay;

    @Option(names = "--l1", defaultValue = "0", paramLabel = "RATE", description = "L1 regularization: adds RATE·sign(w) to each gradient (default: ${DEFAULT-VALUE})")
    double l1;

    @Option(names = "--nesterov", description = "use Nesterov momentum")
    boolean nesterov;

    @Option(names = "--beta1", defaultValue = "0.9", paramLabel = "B", description = "Adam's decay of the gradient's average, in [0, 1) (default: ${DEFAULT-VALUE})")
    double beta1;

    @Option(names = "--beta2", defaultValue = "0.999", paramLabel = "B", description = "Adam's decay of the squared gradient's average, in [0, 1) (default: ${DEFAULT-VALUE})")
    double beta2;

    @Option(names = "--eps", defaultValue = "1e-8", paramLabel = "E", description = "Adam's term added to the denominator, > 0 (default: ${DEFAULT-VALUE})")
    double eps;

    @Option(names = "--engine", defaultValue = "compiled", paramLabel = "NAME", converter = Converters.EngineConverter.class,
            description = "how each sample's forward and backward pass runs: value (Value.backward() on its graph),"
                    + " interpreted or compiled (the traced program); the same numbers either way (default: ${DEFAULT-VALUE})")
    Engine engine;

    @Option(names = {"-p", "--print-epochs"}, defaultValue = "5", paramLabel = "N",
            description = "log and draw every N epochs, and at the last (default: ${DEFAULT-VALUE})")
    int printEvery;

    @Option(names = {"-o", "--output-dir"}, defaultValue = "output", paramLabel = "DIR",
            description = "where pictures, graphs and metrics go; created if missing (default: ${DEFAULT-VALUE})")
    Path outputDir;

    @Option(names = "--hidden-units", defaultValue = "10", paramLabel = "N[,N...]", converter = Converters.LayerSizesConverter.class,
            description = "hidden layer sizes: 10 for one layer of 10, 16,16 for two (default: ${DEFAULT-VALUE})")
    List<Integer> hidden;

    @Option(names = "--activation", defaultValue = "relu", paramLabel = "NAME", converter = Converters.ActivationConverter.class,
            description = "hidden activation: relu, tanh, sigmoid or linear (the identity) (default: ${DEFAULT-VALUE})")
    Activation activation;

    @Option(names = "--input-features", paramLabel = "LIST",
            description = "for 2-D data, what the network reads: some of x, y, x2, y2, xy, sinx, siny, computed before"
                    + " standardization (default: x,y)")
    String inputFeatures;

    @Option(names = "--loss", defaultValue = "mse", paramLabel = "NAME", converter = Converters.LossConverter.class,
            description = "mse (grad-rs: mean squared error of the softmax probabilities) or cross-entropy (default: ${DEFAULT-VALUE})")
    Loss loss;

    @Option(names = "--init", defaultValue = "he", paramLabel = "KIND", converter = Converters.InitializerConverter.class,
            description = "initial weights: he, xavier or uniform:A,B (default: ${DEFAULT-VALUE})")
    Initializer init;

    @Option(names = "--graphviz", description = "write the computation graph of one sample at print epochs (.dot, and .svg when dot is installed)")
    boolean graphviz;

    @Option(names = "--graphviz-max-nodes", defaultValue = "500", paramLabel = "N",
            description = "draw bigger graphs reduced: neurons' weights folded into them (default: ${DEFAULT-VALUE})")
    int graphvizMaxNodes;

    @Option(names = "--plots", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "draw pictures; --no-plots skips them (default: on)")
    boolean plots;

    @Option(names = "--report", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "write report.html, one page with the run's numbers and pictures; --no-report skips it (default: on)")
    boolean report;

    @Option(names = "--gif-every", defaultValue = "0", paramLabel = "N",
            description = "an animation frame every N epochs (default: at print epochs)")
    int gifEvery;

    @Option(names = "--threads", paramLabel = "N",
            description = "threads sharing a minibatch's samples; results do not depend on it (default: the number of processors)")
    Integer threads;

    @Option(names = "--early-stopping", paramLabel = "PATIENCE",
            description = "hold out --validation-split of the training rows, stop after PATIENCE epochs without a better"
                    + " validation loss, and keep the best epoch's weights (default: off)")
    Integer earlyStopping;

    @Option(names = "--validation-split", paramLabel = "F",
            description = "with --early-stopping, the fraction of the training rows held out for validation, stratified"
                    + " (default: ${DEFAULT-VALUE})", defaultValue = "0.1")
    double validationSplit;

    @Option(names = "--save-model", paramLabel = "FILE.json",
            description = "after training, save the model (weights, classes, standardization, settings) for predict and --load-model")
    Path saveModel;

    @Option(names = "--load-model", paramLabel = "FILE.json",
            description = "continue training a saved model: --epochs is the total; its seed, architecture and split are kept,"
                    + " other settings default to the model's")
    Path loadModel;

    @ArgGroup(exclusive = false, heading = "%nCSV data:%n")
    CsvArgs csv = new CsvArgs();

    /** {@code --categorical}: whether text feature columns are one-hot encoded or an error. */
    enum Categorical { AUTO, NONE }

    static final class CsvArgs {
        @Option(names = "--label", paramLabel = "COLUMN", description = "label column: a name or a 0-based index (default: the last)")
        String label;

        @Option(names = "--features", split = ",", paramLabel = "NAME", description = "feature columns (default: all but the label)")
        List<String> features;

        @Option(names = "--delimiter", paramLabel = "CHAR", description = "field delimiter: , ; or tab (default: ,)")
        String delimiter;

        @Option(names = "--task", paramLabel = "KIND", converter = Converters.TaskChoice.class,
                completionCandidates = Converters.TaskChoice.class, description = "${COMPLETION-CANDIDATES} (default: auto)")
        Task task;

        @Option(names = "--categorical", paramLabel = "auto|none", converter = Converters.CategoricalChoice.class,
                completionCandidates = Converters.CategoricalChoice.class,
                description = "${COMPLETION-CANDIDATES}; auto: one-hot encode every feature column with a value that is not a number (categories from the"
                        + " training rows); none: such a value is an error (default: auto)")
        Categorical categorical;

        @Option(names = "--categorical-columns", split = ",", paramLabel = "NAME",
                description = "feature columns to one-hot encode even if their values are numbers (codes such as 1, 2, 3)")
        List<String> categoricalColumns;

        @Option(names = "--missing", paramLabel = "HOW", converter = Converters.MissingChoice.class,
                completionCandidates = Converters.MissingChoice.class,
                description = "${COMPLETION-CANDIDATES}; missing feature values (empty, NA, NaN, ?) in number columns: mean or median of the training rows,"
                        + " drop the row, or error; in text columns they are a category of their own (default: mean)")
        MissingValues missing;

        @Option(names = "--test-split", paramLabel = "F", description = "fraction held out for testing, stratified (default: 0.2 for CSV, 0 for generated data)")
        Double testSplit;

        @Option(names = "--standardize", negatable = true, description = "z-score features with training statistics (default: on for CSV, off for generated data)")
        Boolean standardize;
    }

    @Override
    public Integer call() {
        TrainingPlan plan = plan();
        PrintWriter out = spec.commandLine().getOut();
        if (lr.auto()) {
            plan = LrFindCommand.withAutoLr(plan, out, spec.commandLine().getErr());
        }
        TrainingRun run = new TrainingRun(plan, out, spec.commandLine().getErr()).stopWhen(Interrupts::requested);
        Interrupts.training(true);
        try {
            run.run();
        } finally {
            Interrupts.training(false);
        }
        if (run.interruptedAfter() > 0) {
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            err.println("grad: interrupted: stopped after epoch " + run.interruptedAfter() + " of " + plan.epochs()
                    + "; its metrics (\"status\": \"interrupted\") and report are in " + plan.outputs().dir() + "/");
            err.flush();
            return Interrupts.EXIT_CODE;
        }
        return 0;
    }

    /**
     * The plan of the run, resolved once: the options, validated, and when continuing a saved model, the
     * model (read here, once) with the settings not on the command line taken from it (see {@link Resume}).
     * A value out of range is a usage error naming the option.
     */
    TrainingPlan plan() {
        validate();
        TrainingPlan plan = new TrainingPlan(
                new DataPlan(data.dataset, csvOptions(), data.classSize, data.seed, csv.testSplit, csv.standardize,
                        data.noise),
                new ModelPlan.New(hidden, activation, loss, init, inputFeatures()),
                new OptimizerPlan(optimizer, lr.value(), momentum, weightDecay(), l1, nesterov, beta1, beta2, eps, false),
                new OutputPlan(outputDir, printEvery, plots, gifEvery, graphviz, graphvizMaxNodes, saveModel, report),
                epochs, batchSize, threads == null ? Runtime.getRuntime().availableProcessors() : threads,
                earlyStopping == null ? null : new EarlyStopping(earlyStopping, validationSplit), engine);
        if (loadModel == null) {
            return plan;
        }
        return Resume.plan(plan, ModelFile.read(loadModel), loadModel,
                option -> spec.commandLine().getParseResult().hasMatchedOption(option));
    }

    private void validate() {
        data.validate(spec, true);
        OptionRanges.check(spec, "--batch-size", batchSize >= 1);
        OptionRanges.check(spec, "--epochs", epochs >= 1);
        OptionRanges.check(spec, "--print-epochs", printEvery >= 1);
        OptionRanges.check(spec, "--graphviz-max-nodes", graphvizMaxNodes >= 1);
        OptionRanges.check(spec, "--threads", threads == null || threads >= 1 && threads <= OptionRanges.MAX_THREADS);
        OptionRanges.check(spec, "--gif-every", gifEvery >= 0);
        OptionRanges.check(spec, "--lr", lr.auto() || Double.isFinite(lr.value()) && lr.value() > 0);
        if (lr.auto() && loadModel != null) {
            throw usage("--lr auto starts a new network; it cannot continue --load-model");
        }
        OptionRanges.check(spec, "--early-stopping", earlyStopping == null || earlyStopping >= 1);
        OptionRanges.check(spec, "--validation-split", validationSplit > 0 && validationSplit < 1);
        if (earlyStopping != null && loadModel != null) {
            throw usage("--early-stopping starts a new network; it cannot continue --load-model");
        }
        OptionRanges.check(spec, "--momentum", momentum >= 0 && momentum < 1);
        OptionRanges.check(spec, "--weight-decay", weightDecay == null || Double.isFinite(weightDecay) && weightDecay >= 0);
        OptionRanges.check(spec, "--l1", Double.isFinite(l1) && l1 >= 0);
        OptionRanges.check(spec, "--beta1", beta1 >= 0 && beta1 < 1);
        OptionRanges.check(spec, "--beta2", beta2 >= 0 && beta2 < 1);
        OptionRanges.check(spec, "--eps", Double.isFinite(eps) && eps > 0);
        checkOptimizerOptions();
        OptionRanges.check(spec, "--input-features", inputFeatures == null || parses(InputFeatures::parse, inputFeatures));
        if (outputDir.toString().isBlank()) {
            throw usage("--output-dir must name a directory, not ''");
        }
        OptionRanges.check(spec, "--test-split", csv.testSplit == null || csv.testSplit >= 0 && csv.testSplit < 1);
        long weights = 0;
        for (int i = 1; i < hidden.size(); i++) {
            weights += (long) hidden.get(i - 1) * hidden.get(i);
        }
        if (weights > OptionRanges.MAX_HIDDEN_WEIGHTS) {
            throw usage("--hidden-units " + hidden.stream().map(String::valueOf).collect(Collectors.joining(","))
                    + " needs " + weights + " weights between hidden layers, more than the "
                    + OptionRanges.MAX_HIDDEN_WEIGHTS + " this scalar engine can train; use smaller layers");
        }
    }

    /**
     * Each optimizer's own options only with it: {@code --momentum}, {@code --nesterov} and {@code --l1} are
     * SGD's, {@code --beta1}, {@code --beta2} and {@code --eps} Adam's (with {@code --load-model}, the
     * optimizer is the model's unless {@code --optimizer} is given).
     */
    private void checkOptimizerOptions() {
        boolean sgd = optimizer == OptimizerKind.SGD;
        if (loadModel != null && !given("--optimizer")) {
            return;
        }
        for (String option : sgd ? List.of("--beta1", "--beta2", "--eps") : List.of("--momentum", "--nesterov", "--l1")) {
            if (given(option)) {
                throw usage(option + " is " + (sgd ? "Adam's" : "SGD's") + "; it does not apply to --optimizer "
                        + optimizer.id());
            }
        }
    }

    /** {@code --weight-decay}, or its default: 0, or PyTorch's 0.01 for AdamW. */
    private double weightDecay() {
        return weightDecay != null ? weightDecay : optimizer == OptimizerKind.ADAMW ? AdamW.WEIGHT_DECAY : 0.0;
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult() != null && spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** {@code --input-features}, or null when not given. */
    private InputFeatures inputFeatures() {
        return inputFeatures == null ? null : InputFeatures.parse(inputFeatures);
    }

    private CsvOptions csvOptions() {
        CsvOptions options = CsvOptions.defaults();
        if (csv.label != null) {
            options = options.withLabel(csv.label);
        }
        if (csv.features != null) {
            options = options.withFeatures(csv.features);
        }
        if (csv.delimiter != null) {
            options = options.withDelimiter(Converters.delimiter(spec, csv.delimiter));
        }
        if (csv.missing != null) {
            options = options.withMissing(csv.missing);
        }
        if (csv.categorical != null || csv.categoricalColumns != null) {
            options = options.withCategorical(csv.categorical != Categorical.NONE,
                    csv.categoricalColumns);
        }
        if (csv.task != null) {
            options = options.withTask(csv.task);
        }
        return options;
    }

    /** Whether {@code parser} accepts {@code text} (rather than throwing an IllegalArgumentException). */
    private static boolean parses(java.util.function.Function<String, ?> parser, String text) {
        try {
            parser.apply(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
