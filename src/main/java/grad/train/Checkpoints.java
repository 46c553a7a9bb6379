package grad.train;

import grad.io.Text;
import grad.GradException;
import grad.data.CsvOptions;
import grad.data.Dataset;
import grad.data.Standardizer;
import grad.data.TargetScale;
import grad.data.Task;
import grad.nn.Loss;
import grad.nn.MLP;
import grad.optim.SGD;
import grad.model.SavedModel;
import grad.model.TrainingSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Saving a model at the end of training and continuing training from one.
 *
 * <p><b>Continuing</b> ({@code --load-model}) goes on exactly where the saved run stopped: the weights,
 * the optimizer's velocities, the standardization and the epoch count come from the file, and the
 * shuffle of each epoch depends only on (seed, epoch). So training 50 epochs, saving, and training to
 * 100 from the file gives the very same parameters as 100 epochs in one go.
 *
 * <p>{@code --epochs} is the total: {@code --load-model m.json --epochs 100} on a model of 50 epochs
 * trains epochs 51 to 100; asking for no more epochs than the model has is a usage error. What defines
 * the model and its data split — the seed, {@code --hidden-units}, {@code --activation}, {@code --loss},
 * {@code --init}, {@code --test-split}, {@code --standardize} — comes from the file; giving one of them
 * with another value is a usage error. The other settings — the data ({@code --dataset},
 * {@code --class-size}, the CSV options) and the training ({@code --batch-size}, {@code --lr},
 * {@code --momentum}, {@code --weight-decay}, {@code --nesterov}) — default to the file's and may be
 * changed on the command line. The data must have the model's features and classes, by name and in order.
 */
public final class Checkpoints {
    /** The label column of generated datasets (as {@code grad export} writes them). */
    public static final String GENERATED_LABEL = "label";

    private Checkpoints() {
    }

    /**
     * The configuration of a run that continues {@code model}: the command line's, with every setting the
     * user did not give taken from the model.
     *
     * @param given whether an option (by its long name, e.g. {@code --lr}) was on the command line
     * @throws GradException with exit code 2, if a given option contradicts the model or
     *                       {@code --epochs} is not more than the model's epochs
     */
    public static TrainingConfig configure(TrainingConfig cli, SavedModel model, Path file, Predicate<String> given) {
        TrainingSettings t = model.training();
        String at = " (" + file + ")";
        if (given.test("--seed") && cli.seed() != t.seed()) {
            throw conflict("--seed " + cli.seed() + " differs from the model's seed " + t.seed() + at);
        }
        if (given.test("--hidden-units") && !cli.hidden().equals(model.hidden())) {
            throw conflict("--hidden-units " + join(cli.hidden()) + " differs from the model's " + join(model.hidden()) + at);
        }
        if (given.test("--activation") && cli.activation() != model.activation()) {
            throw conflict("--activation " + cli.activation().id() + " differs from the model's "
                    + model.activation().id() + at);
        }
        if (given.test("--loss") && !model.isRegression() && cli.loss() != model.loss()) {
            throw conflict("--loss " + cli.loss().id() + " differs from the model's " + model.loss().id() + at);
        }
        if (given.test("--init") && !cli.init().id().equals(t.init().id())) {
            throw conflict("--init " + cli.init().id() + " differs from the model's " + t.init().id() + at);
        }
        if (cli.testSplit() != null && cli.testSplit() != t.testSplit()) {
            throw conflict("--test-split " + cli.testSplit() + " differs from the model's " + t.testSplit() + at);
        }
        boolean standardized = model.standardizer() != null;
        if (cli.standardize() != null && cli.standardize() != standardized) {
            throw conflict((cli.standardize() ? "--standardize" : "--no-standardize") + " differs from the model, which "
                    + (standardized ? "standardizes" : "does not standardize") + " its features" + at);
        }
        if (cli.epochs() <= t.epochsDone()) {
            throw usage("the model has trained " + t.epochsDone() + " epochs already" + at
                    + "; --epochs counts them too, so ask for more, e.g. --epochs " + (t.epochsDone() + cli.epochs()));
        }
        CsvOptions csv = cli.csv();
        if (!given.test("--label")) {
            csv = csv.withLabel(model.label());
        }
        if (!given.test("--features")) {
            csv = csv.withFeatures(model.features());
        }
        if (!given.test("--delimiter")) {
            csv = csv.withDelimiter(t.delimiter());
        }
        if (!given.test("--task")) {
            csv = csv.withTask(model.isRegression() ? Task.REGRESSION : Task.CLASSIFY);
        }
        return new TrainingConfig(
                given.test("--dataset") ? cli.dataset() : t.dataset(), csv,
                given.test("--class-size") ? cli.classSize() : t.classSize(),
                given.test("--batch-size") ? cli.batchSize() : t.batchSize(), cli.epochs(),
                given.test("--lr") ? cli.lr() : t.lr(),
                given.test("--momentum") ? cli.momentum() : t.momentum(),
                given.test("--weight-decay") ? cli.weightDecay() : t.weightDecay(),
                given.test("--nesterov") ? cli.nesterov() : t.nesterov(),
                cli.printEvery(), cli.outputDir(), model.hidden(), cli.graphviz(), cli.graphvizMaxNodes(), t.seed(),
                model.isRegression() ? cli.loss() : model.loss(), model.activation(), t.init(), cli.plots(),
                cli.gifEvery(), cli.threads(), t.testSplit(), standardized, cli.saveModel(), cli.loadModel());
    }

    /**
     * Checks that a run's configuration agrees with the model it continues (as {@link #configure} makes it).
     *
     * @throws GradException as {@link #configure}
     */
    public static void verify(TrainingConfig config, SavedModel model, Path file) {
        configure(config, model, file, option -> true);
    }

    /**
     * Checks that {@code data} has the model's task, features and classes, by name and in order.
     *
     * @throws GradException (exit code 1) saying what differs
     */
    public static void checkData(SavedModel model, Dataset data, Path file) {
        String prefix = file + ": the model ";
        if (model.isRegression() != data.isRegression()) {
            throw new GradException(prefix + (model.isRegression() ? "does regression" : "classifies")
                    + " but the data " + data.name() + (data.isRegression() ? " is regression" : " has classes")
                    + "; use --task to read the labels as the model does");
        }
        if (!model.features().equals(data.featureNames())) {
            throw new GradException(prefix + "reads features " + Text.list(model.features()) + " but the data "
                    + data.name() + " has " + Text.list(data.featureNames()));
        }
        if (!model.classes().equals(data.classNames())) {
            throw new GradException(prefix + "has classes " + Text.list(model.classes()) + " but the data "
                    + data.name() + " has " + Text.list(data.classNames()));
        }
    }

    /**
     * The model of a run after {@code epochsDone} epochs.
     *
     * @param testSplit    the fraction of rows the run held out
     * @param standardizer the run's standardization, or null
     * @param target       the run's regression target scale
     */
    public static SavedModel capture(TrainingConfig config, Dataset data, Loss loss, MLP network, SGD optimizer,
                                     Standardizer standardizer, TargetScale target, int epochsDone,
                                     double testSplit, String label) {
        TrainingSettings training = new TrainingSettings(epochsDone, config.seed(), config.dataset(), config.classSize(),
                config.csv() == null ? ',' : config.csv().delimiter(), testSplit, config.batchSize(), config.lr(), config.momentum(),
                config.weightDecay(), config.nesterov(), config.init());
        return new SavedModel(data.featureNames(), label, data.classNames(), network, loss, standardizer, target, training,
                optimizer.velocity());
    }

    /**
     * The name of the label column: for a CSV file, the column {@code options.label()} names (a name, a
     * 0-based index, or the last column), read from the header row; for generated data, {@code label}.
     */
    public static String labelName(Path csvFile, CsvOptions options) {
        if (csvFile == null || options == null) {
            return GENERATED_LABEL;
        }
        List<String> header;
        try (BufferedReader reader = Files.newBufferedReader(csvFile, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader,
                     CSVFormat.DEFAULT.builder().setDelimiter(options.delimiter()).setIgnoreEmptyLines(true).get())) {
            Iterator<CSVRecord> records = parser.iterator();
            header = records.hasNext() ? records.next().toList() : List.of();
        } catch (IOException | RuntimeException e) {
            throw new GradException("cannot read the header of " + csvFile, e);
        }
        header = header.stream().map(s -> s.replace("\uFEFF", "").strip()).toList();
        if (header.isEmpty()) {
            throw new GradException(csvFile + ": no header row");
        }
        String label = options.label() == null ? null : options.label().strip();
        if (label == null) {
            return header.get(header.size() - 1);
        }
        if (!header.contains(label) && label.matches("[0-9]{1,9}") && Integer.parseInt(label) < header.size()) {
            return header.get(Integer.parseInt(label));
        }
        return label;
    }

    private static String join(List<Integer> sizes) {
        return String.join(",", sizes.stream().map(Objects::toString).toList());
    }

    private static GradException conflict(String message) {
        return usage(message + "; a continued model keeps its architecture, seed, split and standardization"
                + " (leave the option out)");
    }

    private static GradException usage(String message) {
        return new GradException(message, 2, null);
    }
}
