package grad.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/**
 * An XChart scatter of a labelled dataset, one series per class, laid out once: axis ranges fitted
 * to the data, equal units on both axes when the features have comparable spans, and the plot area
 * read back from XChart after a paint.
 *
 * <p>The plot area is found with {@link XYChart#getScreenXFromChart(double)} and {@link
 * XYChart#getScreenYFromChart(double)} at the ends of the axis ranges: with a plot content size of
 * 1 the axis ranges span exactly the plot surface, so these are its bounds.
 *
 * <p>The title is drawn here, in a band above the chart, not by XChart: XChart sizes the plot from
 * the title's glyph bounds as measured in the previous paint, so its layout would shift with the
 * title's text and depend on the frame before. Without it the layout is fixed once laid out.
 */
final class ClassScatter {

    /** Fraction of the data's span added on each side. */
    static final double MARGIN = 0.10;
    /** Use equal units on both axes unless one feature spans this many times the other. */
    private static final double MAX_ASPECT_DISTORTION = 3.0;
    private static final String MISCLASSIFIED = "misclassified";
    private static final double[] NOWHERE = {Double.NaN};
    private static final Color CLEAR = new Color(0, 0, 0, 0);
    /** Height of the band above the chart that holds the title. */
    private static final int TITLE_BAND = 30;
    private static final int TITLE_BASELINE = 24;

    private final XYChart chart;
    private final int width;
    private final int height;
    private final boolean flagsMisclassified;
    private String title;
    private AxisRange xRange;
    private AxisRange yRange;
    private PlotArea area;
    private BufferedImage overlay;
    private final Markers.Ring ring = new Markers.Ring();

    /**
     * @param overShading true when a class field is painted beneath the chart: the plot background is
     *     then transparent, grid lines are faint white, and a "misclassified" legend entry is kept
     */
    ClassScatter(PlotData data, int width, int height, boolean overShading) {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("picture too small: " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.flagsMisclassified = overShading;
        this.chart = new XYChart(width, height, Styler.ChartTheme.XChart);
        chart.setXAxisTitle(data.xLabel());
        chart.setYAxisTitle(data.yLabel());
        this.title = data.title();
        style(chart.getStyler(), overShading);
        AxisRange fittedX = AxisRange.fitted(data.xs(), MARGIN);
        AxisRange fittedY = AxisRange.fitted(data.ys(), MARGIN);
        addSeries(data, Drawable.quantum(fittedX.span()), Drawable.quantum(fittedY.span()));
        layOut(fittedX, fittedY);
    }

    private static void style(XYStyler s, boolean overShading) {
        ChartStyle.apply(s);
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setChartBackgroundColor(CLEAR);
        s.setPlotBackgroundColor(overShading ? CLEAR : new Color(250, 250, 250));
        s.setPlotContentSize(1.0);
        s.setPlotGridLinesColor(overShading ? new Color(255, 255, 255, 110) : new Color(225, 225, 225));
        s.setChartTitleVisible(false);
        s.setPlotMargin(0);
        s.setAxisTickMarksColor(new Color(120, 120, 120));
        s.setLegendBackgroundColor(Color.WHITE);
        s.setMarkerSize(7);
        s.setAntiAlias(true);
        s.setTextAntiAlias(true);
    }

    /** One series per class; XChart gets the coordinates rounded to {@code 10^qx} and {@code 10^qy}. */
    private void addSeries(PlotData data, int qx, int qy) {
        int k = data.classCount();
        int[] counts = new int[k];
        for (int label : data.labels()) {
            counts[label]++;
        }
        for (int c = 0; c < k; c++) {
            double[] xs = new double[counts[c]];
            double[] ys = new double[counts[c]];
            int n = 0;
            for (int i = 0; i < data.size(); i++) {
                if (data.labels()[i] == c) {
                    xs[n] = Drawable.round(Drawable.clip(data.xs()[i]), qx);
                    ys[n] = Drawable.round(Drawable.clip(data.ys()[i]), qy);
                    n++;
                }
            }
            // a class with no points still gets its legend entry
            XYSeries series = chart.addSeries("class " + c, n == 0 ? NOWHERE : xs, n == 0 ? NOWHERE : ys);
            series.setLabel(data.classNames().get(c));
            series.setMarker(new Markers.Dot());
            series.setMarkerColor(Palette.pointColor(c));
        }
        if (flagsMisclassified) {
            XYSeries ring = chart.addSeries(MISCLASSIFIED, NOWHERE, NOWHERE);
            ring.setMarker(new Markers.Ring());
            ring.setMarkerColor(Palette.MISCLASSIFIED);
        }
    }

    /** Fits the ranges, then widens one of them until a data unit is as long on both axes. */
    private void layOut(AxisRange fittedX, AxisRange fittedY) {
        setRanges(fittedX, fittedY);
        // the layout is measured, not seen: an empty clip lets XChart lay the chart out (text is measured
        // all the same) while Java2D skips the drawing, a third of a first paint's time
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        g.clip(new Rectangle());
        try {
            paint(g);
            double spanRatio = fittedX.span() / fittedY.span();
            if (spanRatio > MAX_ASPECT_DISTORTION || spanRatio < 1 / MAX_ASPECT_DISTORTION) {
                return;
            }
            // tick labels may change width with the ranges, so settle in a few rounds
            for (int round = 0; round < 3; round++) {
                double unitsPerPixel = Math.max(fittedX.span() / area.width(), fittedY.span() / area.height());
                PlotArea before = area;
                setRanges(
                        fittedX.widenedTo(unitsPerPixel * area.width()),
                        fittedY.widenedTo(unitsPerPixel * area.height()));
                paint(g);
                if (area.sameAs(before, 0.5)) {
                    return;
                }
            }
        } finally {
            g.dispose();
        }
    }

    private void setRanges(AxisRange x, AxisRange y) {
        xRange = Drawable.rounded(x);
        yRange = Drawable.rounded(y);
        XYStyler s = chart.getStyler();
        s.setXAxisMin(xRange.min());
        s.setXAxisMax(xRange.max());
        s.setYAxisMin(yRange.min());
        s.setYAxisMax(yRange.max());
    }

    void setTitle(String title) {
        this.title = title;
    }

    /**
     * The chart without its title (axes, grid, points, legend) on a transparent background, painted
     * once: a frame is the class field, this overlay, the rings and the title.
     */
    synchronized BufferedImage overlay() {
        if (overlay == null) {
            overlay = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = overlay.createGraphics();
            try {
                paintChart(g);
            } finally {
                g.dispose();
            }
        }
        return overlay;
    }

    /** Rings the points at the given data coordinates, as the "misclassified" legend entry shows them. */
    void paintRings(Graphics2D g, double[] xs, double[] ys) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Palette.MISCLASSIFIED);
        int size = chart.getStyler().getMarkerSize();
        for (int i = 0; i < xs.length; i++) {
            ring.paint(g, chart.getScreenXFromChart(xs[i]), chart.getScreenYFromChart(ys[i]) + TITLE_BAND, size);
        }
    }

    /** Paints the title and chart over whatever {@code g} holds and returns the plot area used. */
    PlotArea paint(Graphics2D g) {
        paintChart(g);
        paintTitle(g, title);
        return area;
    }

    /** Paints the chart below the title band and reads back the plot area. */
    private void paintChart(Graphics2D g) {
        Graphics2D below = (Graphics2D) g.create();
        try {
            below.translate(0, TITLE_BAND);
            chart.paint(below, width, height - TITLE_BAND);
        } finally {
            below.dispose();
        }
        area = new PlotArea(
                chart.getScreenXFromChart(xRange.min()),
                chart.getScreenYFromChart(yRange.max()) + TITLE_BAND,
                chart.getScreenXFromChart(xRange.max()),
                chart.getScreenYFromChart(yRange.min()) + TITLE_BAND);
    }

    /** {@code title}, centred over the plot area as far as the picture's width allows. */
    void paintTitle(Graphics2D g, String title) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setFont(ChartStyle.TITLE_FONT);
        g.setColor(Palette.INK);
        FontMetrics metrics = g.getFontMetrics();
        int textWidth = metrics.stringWidth(title);
        double centre = (area.left() + area.right()) / 2;
        int x = (int) Math.round(centre - textWidth / 2.0);
        x = Math.max(4, Math.min(width - 4 - textWidth, x));
        g.drawString(title, x, TITLE_BASELINE);
    }

    /** The plot area of the last paint. */
    PlotArea area() {
        return area;
    }

    AxisRange xRange() {
        return xRange;
    }

    AxisRange yRange() {
        return yRange;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }
}
