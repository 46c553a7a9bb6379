package grad.model;

import grad.io.Text;
import grad.GradException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A saved model applied to every row of a CSV file: what {@code grad predict} computes and writes.
 *
 * <p>The model's feature columns are found by name, in any order (surrounding spaces ignored; other
 * columns are passed through; a missing one is an error), encoded as in training (see
 * {@link grad.data.FeatureEncoding}: a missing cell gets the training fill value or missing category, a
 * category not seen in training all zeros, counted in {@link #unseenWarning()}), standardized with the
 * model's statistics, and run through the network. The output is the input's columns, then {@code predicted} (the class name, or the value for
 * regression) and for classification one {@code p_<class>} probability column per class, in the model's
 * class order. A name already taken by an input column gets {@code _} appended. Numbers are written in
 * Java's shortest round-trip form.
 *
 * <p>When the input has the model's label column, the predictions are compared with it: the accuracy
 * (or, for regression, the root mean squared error) is in {@link #summary()}, and {@link #labels()}
 * gives each row's true class.
 */
public final class Predictions {
    private final SavedModel model;
    private final String modelName;
    private final InputCsv input;
    private final PredictionRows rows;
    private final PredictedOutputs outputs;

    private Predictions(SavedModel model, String modelName, InputCsv input) {
        this.model = model;
        this.modelName = modelName;
        this.input = input;
        this.rows = PredictionRows.read(model, modelName, input);
        this.outputs = PredictedOutputs.of(model, rows.features());
    }

    /**
     * Applies {@code model} (read from {@code modelFile}) to the rows of the CSV file {@code input}.
     *
     * @param delimiter the input's field delimiter (the output uses the same)
     * @throws GradException naming the file, if the input cannot be read, lacks one of the model's
     *                       features, or has a feature value that is not a number
     */
    public static Predictions of(SavedModel model, Path modelFile, Path input, char delimiter) {
        return new Predictions(model, modelFile.toString(), InputCsv.read(input, delimiter));
    }

    /** The number of rows predicted. */
    private int size() {
        return rows.features().length;
    }

    private int correct() {
        int correct = 0;
        int[] labels = rows.labels();
        for (int i = 0; i < labels.length; i++) {
            correct += labels[i] == outputs.classes()[i] ? 1 : 0;
        }
        return correct;
    }

    /** The model applied. */
    public SavedModel model() {
        return model;
    }

    /** The model file, as given. */
    public String modelName() {
        return modelName;
    }

    /** The input file, as given. */
    public String inputName() {
        return input.where();
    }

    /** Network input {@code j} (before standardization) of every row: feature {@code j}, in the input's units, for number columns. */
    public double[] feature(int j) {
        double[] column = new double[size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = rows.features()[i][j];
        }
        return column;
    }

    /** The predicted class of every row (all 0 for regression). */
    public int[] predictedClasses() {
        return outputs.classes().clone();
    }

    /** Each row's class by the input's label column, or {@code null} when it has none or it could not be used. */
    public int[] labels() {
        return rows.labels() == null ? null : rows.labels().clone();
    }

    /** The fraction of rows predicted as {@link #labels()} says. */
    public double accuracy() {
        return (double) correct() / size();
    }

    /** Why the label column could not be used, or {@code null}. */
    public String note() {
        return rows.note();
    }

    /**
     * One line counting the cells whose category the model did not see in training (their inputs are all 0),
     * column by column: {@code 3 cells with a category not seen in training, read as all zeros: "port" 2,
     * "sex" 1}; null when there are none.
     */
    public String unseenWarning() {
        int[] unseen = rows.unseen();
        int total = java.util.Arrays.stream(unseen).sum();
        if (total == 0) {
            return null;
        }
        List<String> counts = new ArrayList<>();
        for (int j = 0; j < unseen.length; j++) {
            if (unseen[j] > 0) {
                counts.add(Text.quote(model.features().get(j)) + " " + unseen[j]);
            }
        }
        return total + (total == 1 ? " cell" : " cells") + " with a category not seen in training, read as all zeros: "
                + String.join(", ", counts);
    }

    /** One line: how many rows, and how well they were predicted when the input has labels. */
    public String summary() {
        StringBuilder s = new StringBuilder("predicted " + size() + " rows of " + input.where() + " with " + modelName);
        int[] labels = rows.labels();
        double[] targets = rows.targets();
        if (labels != null) {
            s.append(String.format(Locale.ROOT, "; accuracy %.1f%% (%d of %d) against column %s",
                    100.0 * correct() / size(), correct(), size(), Text.quote(model.label())));
        } else if (targets != null) {
            double sse = 0;
            for (int i = 0; i < targets.length; i++) {
                double e = outputs.values()[i] - targets[i];
                sse += e * e;
            }
            s.append(String.format(Locale.ROOT, "; rmse %.4g against column %s", Math.sqrt(sse / size()),
                    Text.quote(model.label())));
        }
        return s.toString();
    }

    /** Writes the predictions as CSV to {@code out} (lines end with {@code \n}). */
    public void write(Appendable out) throws IOException {
        new PredictionsCsv(model, input, outputs).write(out);
    }

    /**
     * Writes the predictions as a CSV file, atomically.
     *
     * @throws GradException naming the file, if it cannot be written
     */
    public void write(Path file) {
        new PredictionsCsv(model, input, outputs).write(file);
    }
}
