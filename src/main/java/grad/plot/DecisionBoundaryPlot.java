package grad.plot;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * The decision boundary of a classifier over its training data, one frame per call.
 *
 * <p>Create one per run: the constructor lays the chart out (axes fitted to the data with a 10%
 * margin, equal units on both axes when the features are comparable) and later frames reuse it,
 * so a frame costs tens of milliseconds rather than the half second of a first chart. Each frame
 * paints the class field (see {@link #render}) beneath the chart's points, axes, title and legend.
 *
 * <p>Thread-safe once made: frames share only the laid-out chart, which they read, so several can be
 * drawn at once.
 */
public final class DecisionBoundaryPlot {

    /** Default picture width in pixels. */
    public static final int DEFAULT_WIDTH = 640;
    /** Default picture height in pixels. */
    public static final int DEFAULT_HEIGHT = 480;

    private final PlotData data;
    private final ClassScatter chart;

    /** A 640×480 plot of {@code data}. */
    public DecisionBoundaryPlot(PlotData data) {
        this(data, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /** A {@code width}×{@code height} plot of {@code data}. */
    public DecisionBoundaryPlot(PlotData data, int width, int height) {
        this.data = data;
        this.chart = new ClassScatter(data, width, height, true);
        chart.overlay();
    }

    /**
     * Draws one frame: the class field of {@code field} with confidence shading and a line where the
     * predicted class changes, the training points with the misclassified ones ringed, and the title
     * "dataset — the network after epoch N: accuracy A%". The points' predictions are taken from {@code field}.
     *
     * @param accuracy the fraction of points classified correctly, shown in the title
     * @return a new RGB image
     */
    public BufferedImage render(ProbabilityField field, int epoch, double accuracy) {
        return render(field, epoch, accuracy, null);
    }

    /**
     * As {@link #render(ProbabilityField, int, double)}, with the accuracy measured on the plotted points
     * from the same predictions that ring the misclassified ones.
     */
    public BufferedImage render(ProbabilityField field, int epoch) {
        int[] predictions = predict(field);
        int correct = 0;
        for (int i = 0; i < predictions.length; i++) {
            correct += predictions[i] == data.labels()[i] ? 1 : 0;
        }
        return render(field, epoch, (double) correct / predictions.length, predictions);
    }

    /**
     * As {@link #render(ProbabilityField, int, double)}, with the predicted class of each training
     * point given ({@code null}: computed from {@code field}).
     */
    public BufferedImage render(ProbabilityField field, int epoch, double accuracy, int[] predicted) {
        return render(field, title(data.title(), epoch, accuracy), predicted);
    }

    /**
     * As {@link #render(ProbabilityField, int, double, int[])}, with a title of the caller's own (for
     * points without known classes, where an accuracy would mean nothing).
     */
    public BufferedImage render(ProbabilityField field, String title, int[] predicted) {
        int[] predictions = predicted != null ? predicted : predict(field);
        if (predictions.length != data.size()) {
            throw new IllegalArgumentException(
                    predictions.length + " predictions for " + data.size() + " points");
        }
        BufferedImage image = new BufferedImage(chart.width(), chart.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            new BoundaryShader(data.classCount()).shade(field, chart.area(), chart.xRange(), chart.yRange(), image);
            // axes, points and legend do not change between frames: painted once, laid over each frame
            g.drawImage(chart.overlay(), 0, 0, null);
            chart.paintRings(g, misclassified(predictions, data.xs()), misclassified(predictions, data.ys()));
            chart.paintTitle(g, title);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** {@link #render(ProbabilityField, int, double)} encoded as PNG. */
    public byte[] png(ProbabilityField field, int epoch, double accuracy) {
        return Png.encode(render(field, epoch, accuracy));
    }

    /**
     * The frame title, e.g. {@code "xor — the network after epoch 6: accuracy 97.1%"}: the accuracy of the
     * network drawn, as it is at the end of the epoch, which is not the console's figure for the epoch (the
     * mean over the epoch's samples as the network trained through them).
     */
    static String title(String dataset, int epoch, double accuracy) {
        return String.format(Locale.ROOT, "%s — the network after epoch %d: accuracy %.1f%%", dataset, epoch,
                100 * accuracy);
    }

    private int[] predict(ProbabilityField field) {
        int k = data.classCount();
        int n = data.size();
        double[] pointProbs = new double[n * k];
        field.probabilities(data.xs(), data.ys(), n, k, pointProbs);
        int[] predictions = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (Drawable.probability(pointProbs[i * k + c]) > Drawable.probability(pointProbs[i * k + best])) {
                    best = c;
                }
            }
            predictions[i] = best;
        }
        return predictions;
    }

    /** The coordinates ({@code xs} or {@code ys}) of the points whose prediction is not their label. */
    private double[] misclassified(int[] predictions, double[] coordinates) {
        int wrong = 0;
        for (int i = 0; i < predictions.length; i++) {
            if (predictions[i] != data.labels()[i]) {
                wrong++;
            }
        }
        double[] out = new double[wrong];
        int n = 0;
        for (int i = 0; i < predictions.length; i++) {
            if (predictions[i] != data.labels()[i]) {
                out[n++] = coordinates[i];
            }
        }
        return out;
    }

    /** The whole-pixel rectangle the class field fills. */
    Rectangle plotPixels() {
        return chart.area().pixels();
    }

    PlotArea plotArea() {
        return chart.area();
    }

    AxisRange xRange() {
        return chart.xRange();
    }

    AxisRange yRange() {
        return chart.yRange();
    }
}
