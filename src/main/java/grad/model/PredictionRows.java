package grad.model;

import grad.GradException;
import grad.io.Text;
import java.util.HashMap;
import java.util.Map;

/**
 * The reading half of {@link Predictions}: the rows of a CSV file as the model's network inputs (feature
 * columns found by name, encoded as in training) and what its label column, if any, says.
 *
 * @param features each row's encoded features, before standardization
 * @param unseen   per feature column, the cells whose category the model did not see in training
 * @param labels   each row's class index, or null
 * @param targets  each row's number, or null
 * @param note     why the label column could not be used, or null
 */
record PredictionRows(double[][] features, int[] unseen, int[] labels, double[] targets, String note) {

    /**
     * @throws GradException naming the file, if the input lacks one of the model's features or has a feature
     *                       value that is not a number
     */
    static PredictionRows read(SavedModel model, String modelName, InputCsv input) {
        int[] columns = featureColumns(model, modelName, input);
        int[] unseen = new int[columns.length];
        double[][] features = model.encoding().encode(input.rows(), columns, (i, j) -> input.at(i, columns[j]), unseen);
        int labelColumn = input.column(model.label());
        PredictionRows truth = labelColumn < 0 ? new PredictionRows(null, null, null, null, null)
                : model.isRegression() ? targets(model, input, labelColumn) : labels(model, input, labelColumn);
        return new PredictionRows(features, unseen, truth.labels, truth.targets, truth.note);
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

    private static PredictionRows targets(SavedModel model, InputCsv input, int labelColumn) {
        double[] t = new double[input.rows().size()];
        for (int i = 0; i < t.length; i++) {
            try {
                t[i] = input.number(i, labelColumn);
            } catch (GradException e) {
                return truth(null, null,
                        "column " + Text.quote(model.label()) + " has values that are not numbers: no rmse");
            }
        }
        return truth(null, t, null);
    }

    private static PredictionRows labels(SavedModel model, InputCsv input, int labelColumn) {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < model.classes().size(); c++) {
            index.put(model.classes().get(c), c);
        }
        int[] l = new int[input.rows().size()];
        for (int i = 0; i < l.length; i++) {
            String label = input.rows().get(i)[labelColumn].strip();
            Integer c = index.get(label);
            if (c == null) {
                return truth(null, null, "column " + Text.quote(model.label()) + " has a value that is not one of"
                        + " the model's classes, " + Text.quote(label) + " (line " + input.lines()[i]
                        + "): no accuracy; points coloured by predicted class");
            }
            l[i] = c;
        }
        return truth(l, null, null);
    }

    private static PredictionRows truth(int[] labels, double[] targets, String note) {
        return new PredictionRows(null, null, labels, targets, note);
    }
}
