package grad.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A text model's training loss per step (raw, and its running mean) and its held-out loss, in nats per character. */
public final class TextLossPlot {
    private TextLossPlot() {
    }

    /**
     * The picture as PNG bytes.
     *
     * @param trainLoss the training loss of each step (at least one)
     * @param valSteps  the steps after which the held-out loss was measured
     * @param valLoss   those held-out losses
     */
    public static byte[] png(String title, double[] trainLoss, double[] valSteps, double[] valLoss) {
        int width = 720;
        int height = 420;
        XYChart chart = new XYChart(width, height, Styler.ChartTheme.XChart);
        chart.setTitle(title);
        chart.setXAxisTitle("step");
        chart.setYAxisTitle("loss (nats per character)");
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(new Color(250, 250, 250));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisMaxLabelCount(11);
        double[] steps = new double[trainLoss.length];
        double[] smooth = new double[trainLoss.length];
        int window = Math.max(1, trainLoss.length / 50);
        double sum = 0;
        for (int i = 0; i < trainLoss.length; i++) {
            steps[i] = i + 1;
            sum += trainLoss[i] - (i >= window ? trainLoss[i - window] : 0);
            smooth[i] = sum / Math.min(i + 1, window);
        }
        line(chart, "training loss (each step)", steps, trainLoss, new Color(170, 190, 215), 1f);
        line(chart, "training loss (mean of " + window + ")", steps, smooth, Palette.TRAIN, 2f);
        if (valSteps.length > 0) {
            XYSeries val = chart.addSeries("held-out loss", valSteps, valLoss);
            val.setLineColor(Palette.TEST);
            val.setMarkerColor(Palette.TEST);
            val.setMarker(SeriesMarkers.CIRCLE);
            val.setLineStyle(new BasicStroke(2f));
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            chart.paint(g, width, height);
        } finally {
            g.dispose();
        }
        return Png.encode(image);
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color color, float width) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(color);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(new BasicStroke(width));
    }
}
