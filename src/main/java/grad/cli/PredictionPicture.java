package grad.cli;

import grad.GradException;
import grad.model.Predictions;
import grad.model.SavedModel;
import grad.plot.DecisionBoundaryPlot;
import grad.plot.PlotData;
import grad.plot.Png;
import grad.train.ModelField;
import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The picture of {@code grad predict --plot}: the model's decision boundary under the input's points. When
 * the input has the model's label column, the points are coloured by their true class and the misclassified
 * ones are ringed; otherwise they are coloured by the predicted class.
 */
final class PredictionPicture {

    private PredictionPicture() {
    }

    /**
     * Draws the picture of {@code predictions} as a PNG file.
     *
     * @throws IllegalStateException unless the model {@linkplain SavedModel#isPlottable() can be plotted}
     * @throws GradException naming the file, if it cannot be written
     */
    static void write(Predictions predictions, Path png) {
        SavedModel model = predictions.model();
        if (!model.isPlottable()) {
            throw new IllegalStateException("a decision boundary needs 2 features and classes");
        }
        int[] labels = predictions.labels();
        int[] predicted = predictions.predictedClasses();
        String title = baseName(predictions.inputName());
        PlotData points = new PlotData(title, predictions.feature(0), predictions.feature(1),
                labels != null ? labels : predicted, model.classes(), model.encoding().inputNames().get(0), model.encoding().inputNames().get(1));
        DecisionBoundaryPlot plot = new DecisionBoundaryPlot(points);
        ModelField field = new ModelField(model.network(), model.inputFeatures(), model.standardizer());
        int epochs = model.training().epochsDone();
        BufferedImage image = labels != null
                ? plot.render(field, epochs, predictions.accuracy(), predicted)
                : plot.render(field, title + " — predicted by " + baseName(predictions.modelName()) + " (epoch " + epochs
                        + "), coloured by predicted class", predicted);
        try {
            Png.write(png, image);
        } catch (UncheckedIOException e) {
            throw new GradException("cannot write " + png + ": " + e.getCause().getMessage(), e);
        }
    }

    private static String baseName(String path) {
        String name = Path.of(path).getFileName() == null ? path : Path.of(path).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
