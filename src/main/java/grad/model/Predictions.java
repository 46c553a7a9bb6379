package grad.model;

import grad.io.Text;
import grad.GradException;
import grad.io.AtomicFiles;
import grad.nn.Predictor;
import grad.nn.Softmax;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

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
    private final double[][] features;
    private final int[] predictedClass;
    private final double[] predictedValue;
    private final double[][] probabilities;
    private final int labelColumn;
    private final int[] labels;
    private final double[] targets;
    private final String note;
    /** Per feature column, the cells whose category the model did not see in training. */
    private final int[] unseen;

    private Predictions(SavedModel model, String modelName, InputCsv input) {
        this.model = model;
        this.modelName = modelName;
        this.input = input;
        int n = input.rows().size();
        int k = model.classes().size();
        int[] columns = featureColumns(model, modelName, input);
        unseen = new int[columns.length];
        features = model.encoding().encode(input.rows(), columns, (i, j) -> input.at(i, columns[j]), unseen);
        predictedClass = new int[n];
        predictedValue = new double[n];
        probabilities = new double[n][k];
        predict();
        labelColumn = input.column(model.label());
        Truth truth = labelColumn < 0 ? new Truth(null, null, null)
                : model.isRegression() ? targets(model, input, labelColumn) : labels(model, input, labelColumn);
        labels = truth.labels();
        targets = truth.targets();
        note = truth.note();
    }

    /** Fills the predictions of every row: a value (regression), or a class and its probabilities. */
    private void predict() {
        Predictor predictor = new Predictor(model.network());
        double[] x = new double[model.network().inputs()];
        double[] outputs = new double[Math.max(1, model.classes().size())];
        for (int i = 0; i < features.length; i++) {
            model.networkInput(features[i], x);
            predictor.outputs(x, outputs);
            if (model.isRegression()) {
                predictedValue[i] = model.target().unscale(outputs[0]);
            } else {
                predictedClass[i] = Softmax.argmax(outputs);   // as training's accuracy counts
                predictor.probabilities(x, probabilities[i]);
            }
        }
    }

    /**
     * What the input's label column says: classes or numbers, or why it could not be used.
     *
     * @param labels  each row's class index, or null
     * @param targets each row's number, or null
     * @param note    why the label column could not be used, or null
     */
    private record Truth(int[] labels, double[] targets, String note) {
    }

    private static Truth targets(SavedModel model, InputCsv input, int labelColumn) {
        double[] t = new double[input.rows().size()];
        for (int i = 0; i < t.length; i++) {
            try {
                t[i] = input.number(i, labelColumn);
            } catch (GradException e) {
                return new Truth(null, null,
                        "column " + Text.quote(model.label()) + " has values that are not numbers: no rmse");
            }
        }
        return new Truth(null, t, null);
    }

    private static Truth labels(SavedModel model, InputCsv input, int labelColumn) {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < model.classes().size(); c++) {
            index.put(model.classes().get(c), c);
        }
        int[] l = new int[input.rows().size()];
        for (int i = 0; i < l.length; i++) {
            String label = input.rows().get(i)[labelColumn].strip();
            Integer c = index.get(label);
            if (c == null) {
                return new Truth(null, null, "column " + Text.quote(model.label()) + " has a value that is not one of"
                        + " the model's classes, " + Text.quote(label) + " (line " + input.lines()[i]
                        + "): no accuracy; points coloured by predicted class");
            }
            l[i] = c;
        }
        return new Truth(l, null, null);
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

    private static int[] featureColumns(SavedModel model, String modelName, InputCsv input) {
        int[] columns = new int[model.features().size()];
        for (int j = 0; j < columns.length; j++) {
            String name = model.features().get(j);
            columns[j] = input.column(name);
            if (columns[j] < 0) {
                throw new GradException(input.where() + ": no column " + Text.quote(name) + ", a feature of the model "
                        + modelName + " (features " + Text.list(model.features()) + "; columns "
                        + Text.list(input.names()) + ")");
            }
        }
        return columns;
    }

    /** The number of rows predicted. */
    private int size() {
        return features.length;
    }

    private int correct() {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += labels[i] == predictedClass[i] ? 1 : 0;
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
            column[i] = features[i][j];
        }
        return column;
    }

    /** The predicted class of every row (all 0 for regression). */
    public int[] predictedClasses() {
        return predictedClass.clone();
    }

    /** Each row's class by the input's label column, or {@code null} when it has none or it could not be used. */
    public int[] labels() {
        return labels == null ? null : labels.clone();
    }

    /** The fraction of rows predicted as {@link #labels()} says. */
    public double accuracy() {
        return (double) correct() / size();
    }

    /** Why the label column could not be used, or {@code null}. */
    public String note() {
        return note;
    }

    /**
     * One line counting the cells whose category the model did not see in training (their inputs are all 0),
     * column by column: {@code 3 cells with a category not seen in training, read as all zeros: "port" 2,
     * "sex" 1}; null when there are none.
     */
    public String unseenWarning() {
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
        if (labels != null) {
            s.append(String.format(Locale.ROOT, "; accuracy %.1f%% (%d of %d) against column %s",
                    100.0 * correct() / size(), correct(), size(), Text.quote(model.label())));
        } else if (targets != null) {
            double sse = 0;
            for (int i = 0; i < targets.length; i++) {
                sse += (predictedValue[i] - targets[i]) * (predictedValue[i] - targets[i]);
            }
            s.append(String.format(Locale.ROOT, "; rmse %.4g against column %s", Math.sqrt(sse / size()),
                    Text.quote(model.label())));
        }
        return s.toString();
    }

    /** The output's column names: the input's, {@code predicted}, then {@code p_<class>} per class. */
    private List<String> header() {
        List<String> header = new ArrayList<>(input.header());
        Set<String> taken = new HashSet<>(input.names());
        header.add(unique("predicted", taken));
        for (String c : model.classes()) {
            header.add(unique("p_" + c, taken));
        }
        return header;
    }

    private static String unique(String name, Set<String> taken) {
        String n = name;
        while (!taken.add(n)) {
            n += "_";
        }
        return n;
    }

    /** Writes the predictions as CSV to {@code out} (lines end with {@code \n}). */
    public void write(Appendable out) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(input.delimiter()).setRecordSeparator('\n').get();
        CSVPrinter printer = new CSVPrinter(out, format);
        printer.printRecord(header());
        List<String> record = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            record.clear();
            record.addAll(List.of(input.rows().get(i)));
            if (model.isRegression()) {
                record.add(Double.toString(predictedValue[i]));
            } else {
                record.add(model.classes().get(predictedClass[i]));
                for (double p : probabilities[i]) {
                    record.add(Double.toString(p));
                }
            }
            printer.printRecord(record);
        }
        printer.flush();
    }

    /**
     * Writes the predictions as a CSV file, atomically.
     *
     * @throws GradException naming the file, if it cannot be written
     */
    public void write(Path file) {
        AtomicFiles.write(file, stream -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            write(writer);
            writer.flush();
        });
    }
}
