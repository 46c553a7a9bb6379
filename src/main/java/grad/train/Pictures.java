package grad.train;

import grad.data.Dataset;
import grad.data.Standardizer;
import grad.nn.MLP;
import grad.plot.CurvesPlot;
import grad.plot.DatasetPlot;
import grad.plot.DecisionBoundaryPlot;
import grad.plot.GifAnimation;
import grad.plot.Png;
import grad.plot.PictureWriter;
import grad.plot.PlotData;
import grad.plot.TrainingCurves;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * The pictures of a run, drawn on a background thread so that training does not wait for them: the
 * dataset, the decision boundary at print epochs (and its animation), the training curves. Each is
 * drawn from a snapshot of the network taken when it is asked for; files are written in order.
 */
final class Pictures implements AutoCloseable {
    private final Path dir;
    private final String name;
    private final Standardizer standardizer;
    private final PictureWriter writer = PictureWriter.inBackground();
    private final DecisionBoundaryPlot boundary;
    private final GifAnimation animation;
    private final PlotData points;

    /**
     * @param data the training rows in their original units
     * @param boundaries whether the data can have a decision boundary drawn (2 features, classes)
     */
    Pictures(Path dir, Dataset data, Standardizer standardizer, boolean boundaries) {
        this.dir = dir;
        this.name = data.name();
        this.standardizer = standardizer;
        if (boundaries) {
            points = new PlotData(data.name(), column(data, 0), column(data, 1), data.labels(), data.classNames(),
                    data.featureNames().get(0), data.featureNames().get(1));
            boundary = new DecisionBoundaryPlot(points);
            animation = new GifAnimation(400, 1500);
            writer.submit(dir.resolve("dataset_" + name + ".png"), () -> DatasetPlot.png(points));
        } else {
            points = null;
            boundary = null;
            animation = null;
        }
    }

    private static double[] column(Dataset data, int col) {
        double[] values = new double[data.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = data.feature(i, col);
        }
        return values;
    }

    /**
     * Draws the network as it is now: a decision-boundary PNG when {@code png}, an animation frame
     * when {@code frame}. The accuracy in the title is measured on the plotted points from the same
     * snapshot, so it matches the points marked as misclassified.
     */
    void boundary(MLP model, int epoch, boolean png, boolean frame) {
        if (boundary == null || !(png || frame)) {
            return;
        }
        ModelField field = new ModelField(model, standardizer);
        Path target = dir.resolve("decision_boundary_epoch_" + epoch + "_" + name + ".png");
        writer.submit("decision boundary of epoch " + epoch, () -> {
            BufferedImage image = boundary.render(field, epoch, accuracy(field));
            if (png) {
                Png.write(target, image);
            }
            if (frame) {
                animation.add(image);
            }
        });
    }

    private double accuracy(ModelField field) {
        double[] p = new double[points.classCount()];
        int correct = 0;
        for (int i = 0; i < points.size(); i++) {
            field.probabilities(points.xs()[i], points.ys()[i], p);
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                if (p[k] > p[best]) {
                    best = k;
                }
            }
            correct += best == points.labels()[i] ? 1 : 0;
        }
        return (double) correct / points.size();
    }

    /** Redraws the training curves with the epochs so far. */
    void curves(TrainingCurves curves) {
        writer.submit(dir.resolve("curves_" + name + ".png"), () -> CurvesPlot.png(curves));
    }

    /** Writes the animation of every frame drawn so far. */
    void finishAnimation() {
        if (animation != null) {
            Path target = dir.resolve("decision_boundary_" + name + ".gif");
            writer.submit("animation", () -> {
                if (animation.frameCount() > 0) {
                    animation.write(target);
                }
            });
        }
    }

    /** Runs a task after the pictures already asked for, on the drawing thread. */
    void then(String description, Runnable task) {
        writer.submit(description, task);
    }

    /** Waits for every picture; rethrows the first failure. */
    @Override
    public void close() {
        writer.close();
    }
}
