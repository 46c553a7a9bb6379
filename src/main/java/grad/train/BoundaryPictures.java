package grad.train;

import grad.data.Dataset;
import grad.data.InputFeatures;
import grad.data.Standardizer;
import grad.io.AtomicFiles;
import grad.nn.MLP;
import grad.plot.DatasetPlot;
import grad.plot.DecisionBoundaryPlot;
import grad.plot.GifAnimation;
import grad.plot.PlotData;
import grad.plot.Png;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What is drawn of 2-D classification data, by {@link PictureJobs}: {@code dataset_<name>.png}, the
 * decision boundary of an epoch ({@code decision_boundary_epoch_<N>_<name>.png} and a frame of
 * {@code decision_boundary_<name>.gif}), and that animation.
 *
 * <p>The boundary chart is laid out once, on a frame thread as soon as this is made (it is the slowest
 * thing to get ready, and every frame waits for it); each frame draws a snapshot of the network taken
 * when it is asked for. The accuracy in a frame's title is measured on the plotted points, so it matches
 * the points marked as misclassified.
 */
final class BoundaryPictures {
    /**
     * Animation frames are drawn at three quarters of the PNGs' size: still readable, and the GIF
     * encoder's colour quantization, the slowest part of a frame, has half the pixels to do.
     */
    private static final double ANIMATION_SCALE = 0.75;

    private final PictureJobs jobs;
    private final Path dir;
    private final String name;
    private final InputFeatures inputs;
    private final Standardizer standardizer;
    private final PlotData points;
    private final Supplier<DecisionBoundaryPlot> chart;
    private final GifAnimation animation = new GifAnimation(400, 1500);

    /**
     * Starts laying out the chart.
     *
     * @param data   the training rows in their original units (2 features, classes)
     * @param inputs the input features the network reads of each point (null: the point)
     */
    BoundaryPictures(PictureJobs jobs, Path dir, Dataset data, InputFeatures inputs, Standardizer standardizer) {
        this.jobs = jobs;
        this.dir = dir;
        this.name = data.name();
        this.inputs = inputs;
        this.standardizer = standardizer;
        this.points = PlottedRows.points(data);
        this.chart = memoized(() -> new DecisionBoundaryPlot(points));
        jobs.prepare(chart::get);
    }

    /** The data, coloured by class. */
    void dataset() {
        jobs.file(dir.resolve("dataset_" + name + ".png"), () -> {
            chart.get();   // drawn after the layout the frames wait for, not competing with it
            return DatasetPlot.png(points);
        });
    }

    /** A drawn boundary's PNG bytes (when it is to be a file) and its smaller copy for the animation. */
    private record Frame(byte[] png, BufferedImage animationFrame) {
    }

    /** The network as it is now: a decision-boundary PNG when {@code png}, an animation frame when {@code frame}. */
    void boundary(MLP model, int epoch, boolean png, boolean frame) {
        if (!(png || frame)) {
            return;
        }
        ModelField field = new ModelField(model, inputs, standardizer);
        Path target = dir.resolve("decision_boundary_epoch_" + epoch + "_" + name + ".png");
        String picture = png ? target.toString() : "the epoch " + epoch + " frame of " + animationFile();
        jobs.frame("decision boundary of epoch " + epoch, picture, () -> {
            BufferedImage image = chart.get().render(field, epoch);
            return new Frame(png ? Png.encode(image) : null, frame ? GifAnimation.scaled(image, ANIMATION_SCALE) : null);
        }, f -> {
            if (png) {
                AtomicFiles.write(target, out -> out.write(f.png()));
            }
            if (frame) {
                animation.add(f.animationFrame());
            }
        });
    }

    /** Writes the animation of every frame drawn so far. */
    void finishAnimation() {
        Path target = animationFile();
        jobs.then("animation", () -> {
            if (animation.frameCount() > 0) {
                animation.write(target);
            }
        });
    }

    private Path animationFile() {
        return dir.resolve("decision_boundary_" + name + ".gif");
    }

    private static <T> Supplier<T> memoized(Supplier<T> make) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = make.get();
                }
                return value;
            }
        };
    }
}
