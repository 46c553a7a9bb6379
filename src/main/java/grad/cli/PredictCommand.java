package grad.cli;

import grad.model.ModelFile;
import grad.model.Predictions;
import grad.model.SavedModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code grad predict --model FILE.json --input points.csv [--output preds.csv] [--plot FILE.png]}:
 * applies a saved model to the rows of a CSV file (see {@link Predictions} for the output's columns).
 *
 * <p>The predictions go to {@code --output}, written atomically, or to standard output; the summary line
 * (with the accuracy when the input has the label column) goes to standard output after a file, to
 * standard error after CSV on standard output. Exit status: 0, 1 for a bad model or input file, 2 for
 * bad usage.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Applies a model saved by grad --save-model to the rows of a CSV file: writes the rows with "
                + "the predicted class (or value) and one p_<class> probability column per class.", ""},
        footer = {"", "Example:",
            "  java -jar grad.jar --dataset moons --save-model moons.json",
            "  java -jar grad.jar predict --model moons.json --input points.csv --output predictions.csv"
                    + " --plot predictions.png"})
public final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE.json", description = "the model, saved by grad --save-model")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "FILE.csv",
            description = "rows with the model's feature columns (found by name; other columns are copied through)")
    Path input;

    @Option(names = "--output", paramLabel = "FILE.csv", description = "where to write the predictions (default: standard output)")
    Path output;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "also draw the model's decision boundary with the input's points (2 features, classes)")
    Path plot;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "the input's field delimiter: , ; or tab; the output uses it too (default: the training data's)")
    String delimiter;

    /** The predictions as CSV to {@code --output}, or to standard output with the summary on standard error. */
    private void write(Predictions predictions, PrintWriter out, PrintWriter err) {
        if (output != null) {
            predictions.write(output);
            out.println(predictions.summary() + "; wrote " + output);
            return;
        }
        try {
            predictions.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
        err.println("grad predict: " + predictions.summary());
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Character given = delimiter == null ? null : Converters.delimiter(spec, delimiter);
        SavedModel saved = ModelFile.read(model);
        char sep = given != null ? given : saved.training().delimiter();
        if (plot != null && !saved.isPlottable()) {
            throw new ParameterException(spec.commandLine(), "--plot draws a decision boundary, which needs a model of 2 number features"
                    + " and classes; " + model + " has " + saved.features().size() + " features"
                    + (saved.encoding().width() != saved.features().size() ? " (" + saved.encoding().width() + " inputs)" : "")
                    + (saved.isRegression() ? " and does regression" : ""));
        }
        Predictions predictions = Predictions.of(saved, model, input, sep);
        if (predictions.unseenWarning() != null) {
            err.println("grad predict: warning: " + predictions.unseenWarning());
        }
        if (predictions.note() != null) {
            err.println("grad predict: note: " + predictions.note());
        }
        write(predictions, out, err);
        if (plot != null) {
            PredictionPicture.write(predictions, plot);
            if (output == null) {
                err.println("grad predict: drew the decision boundary in " + plot);
            } else {
                out.println("drew the decision boundary in " + plot);
            }
        }
        out.flush();
        err.flush();
        return 0;
    }
}
