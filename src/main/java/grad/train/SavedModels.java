package grad.train;

import grad.io.Text;
import grad.GradException;
import grad.data.CsvOptions;
import grad.data.Dataset;
import grad.data.Standardizer;
import grad.data.TargetScale;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A run's model as a {@link SavedModel}, and a saved model against the data it continues on. (How the
 * settings of a continued run are resolved is the command line's job: {@code grad.cli.Resume}.)
 */
public final class SavedModels {
    /** The label column of generated datasets (as {@code grad export} writes them). */
    public static final String GENERATED_LABEL = "label";

    private SavedModels() {
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
    public static SavedModel capture(TrainingPlan plan, Dataset data, Loss loss, MLP network, SGD optimizer,
                                     Standardizer standardizer, TargetScale target, int epochsDone,
                                     double testSplit, String label) {
        DataPlan d = plan.data();
        OptimizerPlan o = plan.optimizer();
        TrainingSettings training = new TrainingSettings(epochsDone, plan.seed(), d.dataset(), d.classSize(),
                d.csv() == null ? ',' : d.csv().delimiter(), testSplit, plan.batchSize(), o.lr(), o.momentum(),
                o.weightDecay(), o.nesterov(), plan.model().init());
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
}
