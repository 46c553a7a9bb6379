package grad.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Loss (top) and a metric such as accuracy (bottom) per epoch, train, test and validation (when there are
 * test or validation rows), in one picture.
 *
 * <p>Any numbers can be drawn (see {@link ValueAxis}): values that are not finite leave gaps, a loss
 * spanning many orders of magnitude is drawn on a log scale, values beyond ±1e300 are clipped, and the
 * title says which of these was done, e.g. "xor (loss: log scale)".
 */
public final class CurvesPlot {

    /** Default picture width in pixels. */
    public static final int DEFAULT_WIDTH = 640;
    /** Default picture height in pixels: two charts of 280. */
    public static final int DEFAULT_HEIGHT = 560;
    /** About how much of the picture's width is not the plot's: the y axis, the legend and the paddings. */
    private static final int PLOT_MARGIN = 200;
    private static final int MAX_POINTS_WITH_MARKERS = 40;
    private static final BasicStroke TRAIN_LINE = new BasicStroke(2f);
    private static final BasicStroke TEST_LINE =
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f);
    private static final BasicStroke VALIDATION_LINE =
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 3f, 2f, 3f}, 0f);

    /** The colour of the lines marking the epochs of health warnings. */
    static final Color WARNING = new Color(200, 30, 30);
    private static final BasicStroke WARNING_LINE =
            new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {4f, 3f}, 0f);

    private CurvesPlot() {
    }

    /** The two charts stacked in a {@code width}×{@code height} RGB image. */
    static BufferedImage render(TrainingCurves curves, int width, int height) {
        if (width < 100 || height < 200) {
            throw new IllegalArgumentException("picture too small: " + width + "x" + height);
        }
        int top = height / 2;
        boolean percent = "accuracy".equalsIgnoreCase(curves.metricName());
        double scale = percent ? 100 : 1;
        String metricLabel = percent ? "accuracy (%)" : curves.metricName();

        ValueAxis lossAxis = ValueAxis.fitted("loss", true, curves.trainLoss(), curves.testLoss(),
                curves.validationLoss());
        double[] trainMetric = scaled(curves.trainMetric(), scale);
        double[] testMetric = scaled(curves.testMetric(), scale);
        double[] validationMetric = scaled(curves.validationMetric(), scale);
        ValueAxis metricAxis = percent
                ? ValueAxis.between(curves.metricName(), 0, 100, trainMetric, testMetric, validationMetric)
                : ValueAxis.fitted(curves.metricName(), false, trainMetric, testMetric, validationMetric);

        XYChart loss = chart(width, top, title(curves.title(), lossAxis, metricAxis), "loss", "");
        addSeries(loss, curves.epochs(), lossAxis, curves.trainLoss(), curves.testLoss(), curves.validationLoss());
        XYChart metric = chart(width, height - top, "", metricLabel, "epoch");
        addSeries(metric, curves.epochs(), metricAxis, trainMetric, testMetric, validationMetric);
        markWarnings(loss, curves.warningEpochs(), lossAxis);
        markWarnings(metric, curves.warningEpochs(), metricAxis);
        int[] epochs = curves.epochs();
        for (XYChart chart : List.of(loss, metric)) {
            if (epochs.length == 1) {
                chart.getStyler().setXAxisMin(epochs[0] - 1.0);
                chart.getStyler().setXAxisMax(epochs[0] + 1.0);
            } else if (epochs.length > 1) {
                EpochTicks.apply(chart.getStyler(), epochs[0], epochs[epochs.length - 1], width - PLOT_MARGIN);
            }
        }
        return paint(loss, metric, width, height);
    }

    /** {@code loss} above {@code metric}, their y axes of one width so that the plots line up. */
    private static BufferedImage paint(XYChart loss, XYChart metric, int width, int height) {
        int top = height / 2;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            // the y axes' label widths differ; a first paint measures them (with an empty clip: XChart lays
            // the charts out and measures their text, Java2D draws nothing)
            Graphics2D measure = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
            try {
                measure.clip(new Rectangle());
                loss.paint(measure, width, top);
                metric.paint(measure, width, height - top);
            } finally {
                measure.dispose();
            }
            int axisWidth = (int) Math.ceil(Math.max(loss.getYAxisLeftWidth(), metric.getYAxisLeftWidth()));
            loss.getStyler().setYAxisLeftWidthHint(axisWidth);
            metric.getStyler().setYAxisLeftWidthHint(axisWidth);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            loss.paint(g, width, top);
            g.translate(0, top);
            metric.paint(g, width, height - top);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The default-size picture of {@code curves} as PNG bytes. */
    public static byte[] png(TrainingCurves curves) {
        return Png.encode(render(curves, DEFAULT_WIDTH, DEFAULT_HEIGHT));
    }

    private static XYChart chart(int width, int height, String title, String yTitle, String xTitle) {
        XYChart chart = new XYChart(width, height, Styler.ChartTheme.XChart);
        chart.setTitle(title);
        chart.setYAxisTitle(yTitle);
        chart.setXAxisTitle(xTitle);
        XYStyler s = chart.getStyler();
        ChartStyle.apply(s);
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setChartTitleVisible(!title.isEmpty());
        s.setXAxisTitleVisible(!xTitle.isEmpty());
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(new Color(250, 250, 250));
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setChartTitleFont(ChartStyle.TITLE_FONT);
        s.setChartTitleBoxVisible(false);
        s.setChartTitlePadding(8);
        s.setXAxisDecimalPattern("#");
        s.setMarkerSize(5);
        return chart;
    }

    /** The title with what was done to draw the values, e.g. "xor (loss: log scale)". */
    static String title(String title, ValueAxis... axes) {
        List<String> notes = new ArrayList<>();
        for (ValueAxis axis : axes) {
            if (!axis.note().isEmpty()) {
                notes.add(axis.note());
            }
        }
        return notes.isEmpty() ? title : title + " (" + String.join("; ", notes) + ")";
    }

    /** The train line, and the test and validation lines when given. */
    private static void addSeries(XYChart chart, int[] epochs, ValueAxis axis, double[] train, double[] test,
                                  double[] validation) {
        axis.applyTo(chart.getStyler());
        double[] x = new double[epochs.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = epochs[i];
        }
        boolean markers = epochs.length <= MAX_POINTS_WITH_MARKERS;
        line(chart, "train", x, axis.drawn(train), Palette.TRAIN, TRAIN_LINE, markers);
        if (test != null) {
            line(chart, "test", x, axis.drawn(test), Palette.TEST, TEST_LINE, markers);
        }
        if (validation != null) {
            line(chart, "validation", x, axis.drawn(validation), Palette.VALIDATION, VALIDATION_LINE, markers);
        }
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color color, BasicStroke stroke,
                             boolean markers) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setLineStyle(stroke);
        series.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }

    /**
     * A red vertical line at each epoch a health check warned in, from the bottom of the axis to its top
     * (the line "health warning" in the legend).
     */
    private static void markWarnings(XYChart chart, int[] epochs, ValueAxis axis) {
        if (epochs.length == 0) {
            return;
        }
        double lo = axis.range().min();
        double hi = axis.range().max();
        double[] x = new double[3 * epochs.length];
        double[] y = new double[3 * epochs.length];
        for (int i = 0; i < epochs.length; i++) {
            x[3 * i] = epochs[i];
            x[3 * i + 1] = epochs[i];
            x[3 * i + 2] = epochs[i];
            y[3 * i] = lo;
            y[3 * i + 1] = hi;
            y[3 * i + 2] = Double.NaN;
        }
        XYSeries marks = chart.addSeries("health warning", x, y);
        marks.setLineColor(WARNING);
        marks.setMarkerColor(WARNING);
        marks.setLineStyle(WARNING_LINE);
        marks.setMarker(SeriesMarkers.NONE);
    }

    /** The values times {@code scale} (null stays null). */
    private static double[] scaled(double[] values, double scale) {
        if (values == null) {
            return null;
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * scale;
        }
        return out;
    }
}
