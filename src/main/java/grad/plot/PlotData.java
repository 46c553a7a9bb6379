package grad.plot;

import grad.GradException;
import java.util.List;

/**
 * A labelled 2-D dataset, as the charts need it.
 *
 * <p>The arrays are copied on construction and must not be modified through the accessors.
 *
 * @param title the dataset's name, shown in chart titles (e.g. {@code "xor"})
 * @param xs first feature of each point
 * @param ys second feature of each point
 * @param labels class index of each point, in {@code [0, classNames.size())}
 * @param classNames one name per class, shown in the legend
 * @param xLabel name of the first feature (x axis)
 * @param yLabel name of the second feature (y axis)
 */
public record PlotData(
        String title, double[] xs, double[] ys, int[] labels, List<String> classNames, String xLabel, String yLabel) {

    /**
     * Checks and copies the data.
     *
     * @throws IllegalArgumentException when the arrays differ in length, are empty, or a label has
     *     no class name
     * @throws GradException when a coordinate is not finite (it cannot be placed on a chart)
     */
    public PlotData {
        if (xs.length != ys.length || xs.length != labels.length) {
            throw new IllegalArgumentException(
                    "xs, ys and labels differ in length: " + xs.length + ", " + ys.length + ", " + labels.length);
        }
        if (xs.length == 0) {
            throw new IllegalArgumentException("no points to plot");
        }
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("no class names");
        }
        xs = xs.clone();
        ys = ys.clone();
        labels = labels.clone();
        classNames = List.copyOf(classNames);
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                throw new GradException("cannot plot " + title + ": point " + (i + 1) + " has a coordinate that is not finite");
            }
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException(
                        "label " + labels[i] + " of point " + (i + 1) + " is not one of the " + classNames.size() + " classes");
            }
        }
    }

    /** A dataset whose axes are labelled {@code x1} and {@code x2}. */
    public PlotData(String title, double[] xs, double[] ys, int[] labels, List<String> classNames) {
        this(title, xs, ys, labels, classNames, "x1", "x2");
    }

    /** The number of points. */
    public int size() {
        return xs.length;
    }

    /** The number of classes. */
    public int classCount() {
        return classNames.size();
    }
}
