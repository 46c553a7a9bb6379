package grad.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Locale;

/**
 * The right-hand panel of {@link NetworkHeatMaps}: the plane around the data, a square, showing the
 * output's decision regions in the classes' colours (or, for a value, the output neuron over the plane)
 * with the data points, framed, with the plane's range and the classes' legend.
 */
final class OutputPanel {
    /** The diameter of a data point. */
    private static final int POINT_SIZE = 5;

    private final PlotData data;
    private final PlotArea area;
    private final AxisRange xRange;
    private final AxisRange yRange;

    /** The panel of a {@code width}×{@code height} picture, right of its columns. */
    OutputPanel(PlotData data, int width, int height) {
        this.data = data;
        int side = (int) Math.min(height - NetworkLayout.TOP - NetworkLayout.BOTTOM - 20, width * 0.34);
        double left = width - side - 24;
        double top = NetworkLayout.TOP + (height - NetworkLayout.TOP - NetworkLayout.BOTTOM - side) / 2.0;
        this.area = new PlotArea(left, top, left + side, top + side);
        AxisRange[] ranges = planeRanges(data);
        this.xRange = ranges[0];
        this.yRange = ranges[1];
    }

    /** The plane around the data, 10% margins, equal units when the two spans are comparable. */
    private static AxisRange[] planeRanges(PlotData data) {
        AxisRange x = AxisRange.fitted(data.xs(), 0.1);
        AxisRange y = AxisRange.fitted(data.ys(), 0.1);
        double ratio = Math.max(x.span(), y.span()) / Math.min(x.span(), y.span());
        if (ratio <= 3) {
            double span = Math.max(x.span(), y.span());
            x = x.widenedTo(span);
            y = y.widenedTo(span);
        }
        return new AxisRange[] {x, y};
    }

    /** Where the network's columns must end: left of the panel, with room for the last labels. */
    int columnsRight() {
        return (int) area.left() - 70;
    }

    PlotArea area() {
        return area;
    }

    AxisRange xRange() {
        return xRange;
    }

    AxisRange yRange() {
        return yRange;
    }

    /**
     * Paints the panel: {@code output}'s class regions, or without them the first output neuron's value
     * from {@code field}; then the points, the frame and the text.
     */
    void paint(BufferedImage image, Graphics2D g, NeuronField field, ProbabilityField output, NetworkLayout layout) {
        if (output != null) {
            new BoundaryShader(data.classCount()).shade(output, area, xRange, yRange, image);
        } else {
            shadeOutput(image, field, layout);
        }
        paintPoints(g, output != null);
        Rectangle r = area.pixels();
        g.setStroke(new BasicStroke(1f));
        g.setColor(NetworkSketch.FRAME);
        g.drawRect(r.x, r.y, r.width - 1, r.height - 1);
        paintText(g, output != null, layout.layers() - 1);
    }

    /**
     * The data points: coloured by class, or ink when the output is a value; each is a sprite centred on
     * the pixel the point falls in, as in the scatter plots.
     */
    private void paintPoints(Graphics2D g, boolean classes) {
        Markers.Dot dot = new Markers.Dot(0.6f, Color.WHITE);
        for (int i = 0; i < data.size(); i++) {
            double px = area.left() + (data.xs()[i] - xRange.min()) / xRange.span() * area.width();
            double py = area.top() + (yRange.max() - data.ys()[i]) / yRange.span() * area.height();
            g.setColor(classes ? Palette.pointColor(data.labels()[i]) : Palette.INK);
            dot.paint(g, px, py, POINT_SIZE);
        }
    }

    /** The panel's header, its axes' ranges, and (for classes) its legend. */
    private void paintText(Graphics2D g, boolean classes, int outputLayer) {
        g.setColor(Palette.INK);
        g.setFont(NetworkSketch.HEADER_FONT);
        // the classes' colours here, not the weights' signs: the legend below the panel names them
        String header = classes ? "output: predicted class (class colours)" : "output: neuron[" + outputLayer + "][0]";
        FontMetrics fm = g.getFontMetrics();
        g.drawString(header, (float) (area.left() + (area.width() - fm.stringWidth(header)) / 2), (float) area.top() - 8);
        g.setFont(NetworkSketch.LABEL_FONT);
        fm = g.getFontMetrics();
        String xs = String.format(Locale.ROOT, "%s: %s to %s", data.xLabel(), NetworkSketch.format(xRange.min()),
                NetworkSketch.format(xRange.max()));
        String ys = String.format(Locale.ROOT, "%s: %s to %s", data.yLabel(), NetworkSketch.format(yRange.min()),
                NetworkSketch.format(yRange.max()));
        g.drawString(xs, (float) area.left(), (float) area.bottom() + fm.getAscent() + 3);
        g.drawString(ys, (float) area.left(), (float) area.bottom() + 2 * fm.getAscent() + 5);
        if (classes) {
            paintLegend(g, fm);
        }
    }

    /** The classes' colours and names, right-aligned under the panel. */
    private void paintLegend(Graphics2D g, FontMetrics fm) {
        float x = (float) area.right();
        for (int c = data.classCount() - 1; c >= 0; c--) {
            String name = data.classNames().get(c);
            x -= fm.stringWidth(name) + 16;
            g.setColor(Palette.tint(c));
            g.fillRect((int) x, (int) area.bottom() + 4, 10, 10);
            g.setColor(Palette.INK);
            g.drawString(name, x + 13, (float) area.bottom() + fm.getAscent() + 3);
        }
    }

    /** Regression: the output neuron's value over the panel, in the neurons' colours (sampled every 3 pixels). */
    private void shadeOutput(BufferedImage image, NeuronField field, NetworkLayout layout) {
        Rectangle r = area.pixels();
        int step = 3;
        int nx = (r.width + step - 1) / step;
        int ny = (r.height + step - 1) / step;
        double[] values = new double[nx * ny];
        double[] inputs = new double[layout.inputs()];
        double[][] outputs = layout.neuronValues();
        for (int j = 0; j < ny; j++) {
            double y = yRange.max() - (j * step + step / 2.0) / r.height * yRange.span();
            for (int i = 0; i < nx; i++) {
                double x = xRange.min() + (i * step + step / 2.0) / r.width * xRange.span();
                field.evaluate(x, y, inputs, outputs);
                values[j * nx + i] = outputs[outputs.length - 1][0];
            }
        }
        double max = Diverging.maxAbs(values);
        int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int py = 0; py < r.height; py++) {
            for (int px = 0; px < r.width; px++) {
                double v = values[(py / step) * nx + px / step];
                rgb[(r.y + py) * image.getWidth() + r.x + px] = Diverging.of(max == 0 ? 0 : v / max).getRGB() & 0xFFFFFF;
            }
        }
    }
}
