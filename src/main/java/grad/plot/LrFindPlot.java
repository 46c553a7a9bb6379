package grad.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.Graphics2D;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The learning-rate range test: the loss against the learning rate (log scale), the suggestion marked. */
public final class LrFindPlot {
    private LrFindPlot() {
    }

    /**
     * The picture as PNG bytes.
     *
     * @param lrs       the learning rates, increasing (at least one)
     * @param losses    the minibatch losses
     * @param smoothed  the smoothed losses
     * @param suggested the suggested rate, marked with a vertical line
     */
    public static byte[] png(String title, double[] lrs, double[] losses, double[] smoothed, double suggested) {
        int width = 640;
        int height = 400;
        XYChart chart = chart(title, width, height);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : smoothed) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        for (double v : losses) {
            lo = Math.min(lo, v);
        }
        hi = Math.min(hi, Math.max(2 * smoothed[0], lo + 1e-9));
        chart.getStyler().setYAxisMin(lo);
        chart.getStyler().setYAxisMax(hi);
        addCurve(chart, "minibatch loss", lrs, clip(losses, hi), new Color(170, 190, 215), 1f);
        addCurve(chart, "smoothed", lrs, clip(smoothed, hi), Palette.TRAIN, 2f);
        XYSeries mark = chart.addSeries(String.format(java.util.Locale.ROOT, "suggested lr %.2g", suggested),
                new double[] {suggested, suggested}, new double[] {lo, hi});
        mark.setLineColor(CurvesPlot.WARNING);
        mark.setMarker(SeriesMarkers.NONE);
        mark.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {4f, 3f}, 0f));
        return paint(chart, width, height);
    }

    private static XYChart chart(String title, int width, int height) {
        XYChart chart = new XYChart(width, height, Styler.ChartTheme.XChart);
        chart.setTitle(title);
        chart.setXAxisTitle("learning rate (log scale)");
        chart.setYAxisTitle("loss");
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisTickLabelsFormattingFunction(ValueAxis::decimal);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(new Color(250, 250, 250));
        return chart;
    }

    /** A copy of {@code values} with each above {@code hi} lowered to it. */
    private static double[] clip(double[] values, double hi) {
        double[] clipped = values.clone();
        for (int i = 0; i < clipped.length; i++) {
            clipped[i] = Math.min(clipped[i], hi);
        }
        return clipped;
    }

    private static void addCurve(XYChart chart, String name, double[] x, double[] y, Color color, float width) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(color);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(new BasicStroke(width));
    }

    private static byte[] paint(XYChart chart, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            chart.paint(g, width, height);
        } finally {
            g.dispose();
        }
        return Png.encode(image);
    }
}
