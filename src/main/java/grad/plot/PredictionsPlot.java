package grad.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A regression model's predictions against the actual values, training rows in the train colour and
 * test rows in the test colour of the curves, over the diagonal where the two are equal. Both axes
 * have the same range, so the diagonal runs corner to corner. Pairs that are not finite are left out
 * and counted in the title; each legend entry gives its set's R².
 */
public final class PredictionsPlot {

    /** Default picture width in pixels. */
    public static final int DEFAULT_WIDTH = 640;
    /** Default picture height in pixels. */
    public static final int DEFAULT_HEIGHT = 600;

    static final Color DIAGONAL = new Color(110, 110, 110);
    private static final double MARGIN = 0.05;

    private PredictionsPlot() {
    }

    /**
     * The picture, {@code width}×{@code height} RGB.
     *
     * @param trainActual    the training rows' targets
     * @param trainPredicted the model's prediction for each, in the same order
     * @param testActual     the test rows' targets, or {@code null} without a test set
     * @param testPredicted  their predictions, or {@code null}
     * @throws IllegalArgumentException if paired arrays differ in length
     */
    public static BufferedImage render(String title, double[] trainActual, double[] trainPredicted,
                                       double[] testActual, double[] testPredicted, int width, int height) {
        XYChart chart = chart(title, trainActual, trainPredicted, testActual, testPredicted, width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            chart.paint(g, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The default-size picture as PNG bytes. */
    public static byte[] png(String title, double[] trainActual, double[] trainPredicted,
                             double[] testActual, double[] testPredicted) {
        return Png.encode(render(title, trainActual, trainPredicted, testActual, testPredicted,
                DEFAULT_WIDTH, DEFAULT_HEIGHT));
    }

    /** The chart {@link #render} paints. */
    static XYChart chart(String title, double[] trainActual, double[] trainPredicted,
                         double[] testActual, double[] testPredicted, int width, int height) {
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("picture too small: " + width + "x" + height);
        }
        Pairs train = Pairs.of("train", trainActual, trainPredicted);
        Pairs test = testActual == null && testPredicted == null ? null : Pairs.of("test", testActual, testPredicted);
        List<Double> all = new ArrayList<>();
        train.addTo(all);
        if (test != null) {
            test.addTo(all);
        }
        AxisRange range = Drawable.rounded(AxisRange.fitted(all.isEmpty() ? new double[] {0}
                : all.stream().mapToDouble(Double::doubleValue).toArray(), MARGIN));
        int dropped = train.dropped + (test == null ? 0 : test.dropped);

        XYChart chart = new XYChart(width, height, Styler.ChartTheme.XChart);
        chart.setTitle(dropped == 0 ? title
                : String.format(Locale.ROOT, "%s (%d not finite, not drawn)", title, dropped));
        chart.setXAxisTitle("actual");
        chart.setYAxisTitle("predicted");
        style(chart.getStyler(), range);

        XYSeries diagonal = chart.addSeries("predicted = actual", new double[] {range.min(), range.max()},
                new double[] {range.min(), range.max()});
        diagonal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        diagonal.setMarker(SeriesMarkers.NONE);
        diagonal.setLineColor(DIAGONAL);
        diagonal.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
        train.addTo(chart, Palette.TRAIN, range);
        if (test != null) {
            test.addTo(chart, Palette.TEST, range);
        }
        return chart;
    }

    /** The shared chart style, a light plot, the legend inside, both axes on {@code range}. */
    private static void style(XYStyler s, AxisRange range) {
        ChartStyle.apply(s);
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(new Color(250, 250, 250));
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setChartTitleFont(ChartStyle.TITLE_FONT);
        s.setChartTitleBoxVisible(false);
        s.setLegendPosition(Styler.LegendPosition.InsideNW);
        s.setMarkerSize(5);
        s.setXAxisMin(range.min());
        s.setXAxisMax(range.max());
        s.setYAxisMin(range.min());
        s.setYAxisMax(range.max());
    }

    /** One set's finite (actual, predicted) pairs. */
    private static final class Pairs {
        final String name;
        final double[] actual;
        final double[] predicted;
        final int dropped;

        private Pairs(String name, double[] actual, double[] predicted, int dropped) {
            this.name = name;
            this.actual = actual;
            this.predicted = predicted;
            this.dropped = dropped;
        }

        static Pairs of(String name, double[] actual, double[] predicted) {
            if (actual == null || predicted == null || actual.length != predicted.length) {
                throw new IllegalArgumentException(name + ": " + length(actual) + " actual values and "
                        + length(predicted) + " predictions");
            }
            int n = 0;
            for (int i = 0; i < actual.length; i++) {
                n += Double.isFinite(actual[i]) && Double.isFinite(predicted[i]) ? 1 : 0;
            }
            double[] a = new double[n];
            double[] p = new double[n];
            int k = 0;
            for (int i = 0; i < actual.length; i++) {
                if (Double.isFinite(actual[i]) && Double.isFinite(predicted[i])) {
                    a[k] = Drawable.clip(actual[i]);
                    p[k] = Drawable.clip(predicted[i]);
                    k++;
                }
            }
            return new Pairs(name, a, p, actual.length - n);
        }

        private static String length(double[] values) {
            return values == null ? "no" : Integer.toString(values.length);
        }

        void addTo(List<Double> values) {
            for (int i = 0; i < actual.length; i++) {
                values.add(actual[i]);
                values.add(predicted[i]);
            }
        }

        void addTo(XYChart chart, Color colour, AxisRange range) {
            if (actual.length == 0) {
                return;
            }
            int q = Drawable.quantum(range.span());
            double[] x = new double[actual.length];
            double[] y = new double[actual.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = Drawable.round(actual[i], q, RoundingMode.HALF_EVEN);
                y[i] = Drawable.round(predicted[i], q, RoundingMode.HALF_EVEN);
            }
            double r2 = rSquared(actual, predicted);
            String label = Double.isFinite(r2) ? String.format(Locale.ROOT, "%s (R² %.3f)", name, r2) : name;
            XYSeries series = chart.addSeries(label, x, y);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setMarkerColor(colour);
        }
    }

    /** {@code 1 − Σ(a − p)² / Σ(a − ā)²}; NaN when the actual values do not vary. */
    static double rSquared(double[] actual, double[] predicted) {
        double mean = 0;
        for (double a : actual) {
            mean += a / actual.length;
        }
        double residual = 0;
        double total = 0;
        for (int i = 0; i < actual.length; i++) {
            residual += (actual[i] - predicted[i]) * (actual[i] - predicted[i]);
            total += (actual[i] - mean) * (actual[i] - mean);
        }
        return total > 0 ? 1 - residual / total : Double.NaN;
    }
}
