package grad.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A network drawn as TensorFlow Playground draws it: the inputs on the left, one column per layer, a
 * line for every weight (blue positive, orange negative, as thick as its size against the largest in
 * its layer), every neuron labelled {@code neuron[l][j]} as in the graphviz drawing.
 *
 * <p>{@link #overPlane} is for 2-D data: each input and neuron is a small heat map of its value over
 * the input plane (orange below 0, grey at 0, blue above, scaled to the neuron's largest magnitude
 * there), and the output's decision regions with the data fill a panel on the right.
 * {@link #withoutPlane} is for data with more features: each neuron is a box coloured by its mean
 * activation over the data, with the share of rows where it outputs 0 when that is given (ReLU).
 *
 * <p>Layers of more than {@link #MAX_DRAWN} neurons show their first {@code MAX_DRAWN}. The same
 * arguments always give the same picture.
 */
public final class NetworkPlot {

    /** Default picture width in pixels; the default height grows with the widest layer. */
    public static final int DEFAULT_WIDTH = 960;
    /** The most neurons drawn per column. */
    public static final int MAX_DRAWN = 32;

    private static final int TOP = 58;
    private static final int BOTTOM = 34;
    private static final int LEFT = 78;
    private static final int LABEL_BAND = 12;
    private static final int MAX_NODE = 48;
    private static final Font HEADER_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 11);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 9);
    private static final Font INPUT_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font NOTE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Color FRAME = new Color(150, 150, 150);
    /** The diameter of a data point in the output panel. */
    private static final int POINT_SIZE = 5;
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 200);

    private final List<String> inputNames;
    private final int[] sizes;
    private final PlotData data;
    private final int width;
    private final int height;
    /** Column c's centre x; column 0 is the inputs, column l + 1 layer l. */
    private final double[] columnX;
    private final int node;
    private final int nodeWidth;
    private final double slot;
    /** The output panel's square, in pixels (plane mode only). */
    private final PlotArea panel;
    private final AxisRange xRange;
    private final AxisRange yRange;
    /** The output neurons' names (the classes), or null: they are labelled {@code neuron[l][j]} as the others. */
    private List<String> outputNames;

    private NetworkPlot(List<String> inputNames, int[] sizes, PlotData data, int width, int height) {
        check(inputNames, sizes, width, height);
        this.inputNames = List.copyOf(inputNames);
        this.sizes = sizes.clone();
        this.data = data;
        this.width = width;
        this.height = height;
        int rows = Math.min(MAX_DRAWN, maxColumn());
        this.slot = (height - TOP - BOTTOM) / (double) rows;
        int columnsRight;
        if (data != null) {
            int side = (int) Math.min(height - TOP - BOTTOM - 20, width * 0.34);
            double left = width - side - 24;
            double top = TOP + (height - TOP - BOTTOM - side) / 2.0;
            this.panel = new PlotArea(left, top, left + side, top + side);
            columnsRight = (int) left - 70;
            AxisRange[] ranges = planeRanges(data);
            this.xRange = ranges[0];
            this.yRange = ranges[1];
        } else {
            this.panel = null;
            columnsRight = width - 40;
            this.xRange = null;
            this.yRange = null;
        }
        this.node = (int) Math.max(6, Math.min(MAX_NODE, slot - LABEL_BAND));
        int columns = sizes.length + 1;
        double spacing = (columnsRight - LEFT) / (double) columns;
        this.nodeWidth = data != null ? node : (int) Math.max(node, Math.min(84, spacing * 0.55));
        this.columnX = new double[columns];
        for (int c = 0; c < columns; c++) {
            columnX[c] = LEFT + spacing * (c + 0.5);
        }
    }

    private static void check(List<String> inputNames, int[] sizes, int width, int height) {
        if (inputNames.isEmpty() || sizes.length == 0) {
            throw new IllegalArgumentException("a network needs inputs and at least one layer");
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("a layer has " + s + " neurons");
            }
        }
        if (width < 320 || height < 240) {
            throw new IllegalArgumentException("picture too small: " + width + "x" + height);
        }
    }

    /**
     * A picture of a network on 2-D data: each neuron as a heat map over the plane around {@code data},
     * and the output's decision regions with {@code data} on the right.
     *
     * @param inputNames the network's inputs, e.g. {@code [x, y, x^2]}
     * @param sizes      neurons per layer, the last being the outputs
     * @param data       the points shown on the output panel; their range is the plane drawn
     */
    public static NetworkPlot overPlane(List<String> inputNames, int[] sizes, PlotData data) {
        return overPlane(inputNames, sizes, data, DEFAULT_WIDTH, defaultHeight(inputNames.size(), sizes));
    }

    /** As {@link #overPlane(List, int[], PlotData)}, {@code width}×{@code height} pixels. */
    public static NetworkPlot overPlane(List<String> inputNames, int[] sizes, PlotData data, int width, int height) {
        return new NetworkPlot(inputNames, sizes, java.util.Objects.requireNonNull(data, "data"), width, height);
    }

    /** A picture of a network on data of any number of features, without heat maps. */
    public static NetworkPlot withoutPlane(List<String> inputNames, int[] sizes) {
        return withoutPlane(inputNames, sizes, DEFAULT_WIDTH, defaultHeight(inputNames.size(), sizes));
    }

    /** As {@link #withoutPlane(List, int[])}, {@code width}×{@code height} pixels. */
    public static NetworkPlot withoutPlane(List<String> inputNames, int[] sizes, int width, int height) {
        return new NetworkPlot(inputNames, sizes, null, width, height);
    }

    /**
     * Labels the output neurons with {@code names} (the classes, one per output neuron) rather than
     * {@code neuron[l][j]}; ignored unless there is one name per output neuron.
     */
    public NetworkPlot outputsNamed(List<String> names) {
        outputNames = names != null && names.size() == sizes[sizes.length - 1] ? List.copyOf(names) : null;
        return this;
    }

    /** The default height for the widest column: 480 to 1000 pixels, some 42 per neuron. */
    public static int defaultHeight(int inputs, int[] sizes) {
        int rows = inputs;
        for (int s : sizes) {
            rows = Math.max(rows, s);
        }
        return Math.max(480, Math.min(1000, TOP + BOTTOM + 42 * Math.min(MAX_DRAWN, rows)));
    }

    /** The picture's width in pixels. */
    public int width() {
        return width;
    }

    /** The picture's height in pixels. */
    public int height() {
        return height;
    }

    /**
     * Draws the network over the plane.
     *
     * @param field   every neuron's value at a plane point
     * @param weights {@code weights[l][j][i]}: the weight from input {@code i} of layer {@code l} (an
     *                input of the network, or neuron {@code i} of layer {@code l − 1}) to its neuron {@code j}
     * @param output  the class probabilities for the output panel; {@code null} draws output neuron 0's
     *                heat map there instead (regression)
     * @param title   shown at the top, e.g. {@code "xor — epoch 40"}
     * @throws IllegalStateException if this plot was made {@link #withoutPlane}
     */
    public BufferedImage render(NeuronField field, double[][][] weights, ProbabilityField output, String title) {
        if (data == null) {
            throw new IllegalStateException("a network plot without a plane has no heat maps");
        }
        checkWeights(weights);
        double[][][] maps = sample(field);
        BufferedImage image = canvas();
        Graphics2D g = graphics(image);
        try {
            paintTitle(g, title);
            paintLinks(g, weights);
            for (int c = 0; c < columnX.length; c++) {
                for (int j = 0; j < drawn(c); j++) {
                    paintHeatMap(image, maps[c][j], nodeLeft(c), nodeTop(c, j));
                    g.setColor(FRAME);
                    g.drawRect(nodeLeft(c), nodeTop(c, j), node, node);
                }
            }
            paintLabels(g);
            paintPanel(image, g, field, output);
            paintNote(g, "lines: blue weight > 0, orange < 0, width = |w| / largest in its layer;"
                    + "  squares: the value over the plane, orange < 0 < blue, scaled per neuron");
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Draws the network without heat maps: each neuron coloured by its mean activation over the data
     * (scaled to the largest magnitude in its layer) and labelled with it.
     *
     * @param meanActivation {@code meanActivation[l][j]}: neuron {@code j} of layer {@code l}'s mean output
     * @param zeroShare      {@code zeroShare[l][j]}: the share of rows where the neuron outputs 0, shown as
     *                       a percentage; {@code null}, a {@code null} layer or NaN where not meaningful
     * @throws IllegalStateException if this plot was made {@link #overPlane}
     */
    public BufferedImage render(double[][][] weights, double[][] meanActivation, double[][] zeroShare, String title) {
        if (data != null) {
            throw new IllegalStateException("a network plot over a plane draws heat maps; use render(NeuronField, ...)");
        }
        checkWeights(weights);
        if (meanActivation.length != sizes.length) {
            throw new IllegalArgumentException(meanActivation.length + " layers of mean activations for "
                    + sizes.length + " layers");
        }
        BufferedImage image = canvas();
        Graphics2D g = graphics(image);
        try {
            paintTitle(g, title);
            paintLinks(g, weights);
            for (int j = 0; j < drawn(0); j++) {
                box(g, 0, j, Diverging.ZERO, null);
            }
            for (int l = 0; l < sizes.length; l++) {
                double max = Diverging.maxAbs(meanActivation[l]);
                for (int j = 0; j < drawn(l + 1); j++) {
                    double mean = meanActivation[l][j];
                    box(g, l + 1, j, Diverging.of(max == 0 ? 0 : mean / max), format(mean));
                }
            }
            paintLabels(g);
            if (zeroShare != null) {
                paintZeroShares(g, zeroShare);
            }
            paintNote(g, "lines: blue weight > 0, orange < 0, width = |w| / largest in its layer;"
                    + "  boxes: mean activation over the data" + (zeroShare != null ? "; 0: rows where it outputs 0" : ""));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Beside each neuron, the share of rows where it outputs 0. */
    private void paintZeroShares(Graphics2D g, double[][] zeroShare) {
        g.setFont(LABEL_FONT);
        for (int l = 0; l < Math.min(sizes.length, zeroShare.length); l++) {
            for (int j = 0; zeroShare[l] != null && j < Math.min(drawn(l + 1), zeroShare[l].length); j++) {
                if (Double.isFinite(zeroShare[l][j])) {
                    String text = String.format(Locale.ROOT, "0: %.0f%%", 100 * zeroShare[l][j]);
                    g.setColor(Palette.INK);
                    g.drawString(text, nodeLeft(l + 1) + nodeWidth + 3, nodeTop(l + 1, j) + node - 2);
                }
            }
        }
    }

    /** The over-plane picture as PNG bytes. */
    public byte[] png(NeuronField field, double[][][] weights, ProbabilityField output, String title) {
        return Png.encode(render(field, weights, output, title));
    }

    /** The picture without a plane as PNG bytes. */
    public byte[] png(double[][][] weights, double[][] meanActivation, double[][] zeroShare, String title) {
        return Png.encode(render(weights, meanActivation, zeroShare, title));
    }

    // ---- layout

    private int maxColumn() {
        int max = inputNames.size();
        for (int s : sizes) {
            max = Math.max(max, s);
        }
        return max;
    }

    private int count(int column) {
        return column == 0 ? inputNames.size() : sizes[column - 1];
    }

    private int drawn(int column) {
        return Math.min(MAX_DRAWN, count(column));
    }

    int nodeLeft(int column) {
        return (int) Math.round(columnX[column] - nodeWidth / 2.0);
    }

    int nodeTop(int column, int j) {
        double band = height - TOP - BOTTOM;
        double used = drawn(column) * slot;
        double first = TOP + (band - used) / 2;
        return (int) Math.round(first + j * slot + (slot - LABEL_BAND - node) / 2);
    }

    int nodeSize() {
        return node;
    }

    PlotArea panel() {
        return panel;
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

    private void checkWeights(double[][][] weights) {
        if (weights.length != sizes.length) {
            throw new IllegalArgumentException(weights.length + " layers of weights for " + sizes.length + " layers");
        }
        int fanIn = inputNames.size();
        for (int l = 0; l < sizes.length; l++) {
            if (weights[l].length != sizes[l]) {
                throw new IllegalArgumentException("layer " + l + " has " + weights[l].length + " rows of weights, expected "
                        + sizes[l]);
            }
            for (double[] row : weights[l]) {
                if (row.length != fanIn) {
                    throw new IllegalArgumentException("a neuron of layer " + l + " has " + row.length
                            + " weights, expected " + fanIn);
                }
            }
            fanIn = sizes[l];
        }
    }

    // ---- painting

    private BufferedImage canvas() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    private void paintTitle(Graphics2D g, String title) {
        g.setFont(ChartStyle.TITLE_FONT);
        g.setColor(Palette.INK);
        g.drawString(title, 12, 22);
        g.setFont(HEADER_FONT);
        FontMetrics fm = g.getFontMetrics();
        for (int c = 0; c < columnX.length; c++) {
            String header = c == 0 ? "inputs"
                    : c == columnX.length - 1 ? "output layer " + (c - 1)
                    : "layer " + (c - 1) + " (" + sizes[c - 1] + ")";
            g.drawString(header, (float) (columnX[c] - fm.stringWidth(header) / 2.0), TOP - 12);
        }
    }

    /** Every drawn weight as a curve, the weakest first so the strong ones lie on top. */
    private void paintLinks(Graphics2D g, double[][][] weights) {
        for (int l = 0; l < weights.length; l++) {
            double max = 0;
            for (double[] row : weights[l]) {
                max = Math.max(max, Diverging.maxAbs(row));
            }
            List<double[]> links = new ArrayList<>();
            for (int j = 0; j < drawn(l + 1); j++) {
                for (int i = 0; i < drawn(l); i++) {
                    double w = weights[l][j][i];
                    if (Double.isFinite(w) && w != 0) {
                        links.add(new double[] {Math.abs(w) / (max == 0 ? 1 : max), w, i, j});
                    }
                }
            }
            double widest = Math.max(1.5, Math.min(6, 40 / Math.sqrt(Math.max(1, links.size()))));
            links.sort(Comparator.comparingDouble((double[] a) -> a[0]).thenComparingDouble(a -> a[2])
                    .thenComparingDouble(a -> a[3]));
            for (double[] link : links) {
                double strength = link[0];
                int i = (int) link[2];
                int j = (int) link[3];
                double x0 = nodeLeft(l) + nodeWidth;
                double y0 = nodeTop(l, i) + node / 2.0;
                double x1 = nodeLeft(l + 1);
                double y1 = nodeTop(l + 1, j) + node / 2.0;
                double mid = (x0 + x1) / 2;
                Color hue = link[1] > 0 ? Diverging.POSITIVE : Diverging.NEGATIVE;
                int alpha = (int) Math.round(255 * (0.15 + 0.85 * strength));
                g.setColor(new Color(hue.getRed(), hue.getGreen(), hue.getBlue(), alpha));
                g.setStroke(new BasicStroke((float) (0.5 + (widest - 0.5) * strength), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
                g.draw(new CubicCurve2D.Double(x0, y0, mid, y0, mid, y1, x1, y1));
            }
        }
        g.setStroke(new BasicStroke(1f));
    }

    /** The value of every input and neuron on a node-sized grid over the plane: {@code [column][j][pixel]}. */
    private double[][][] sample(NeuronField field) {
        int n = node * node;
        double[][][] maps = new double[columnX.length][][];
        for (int c = 0; c < maps.length; c++) {
            maps[c] = new double[drawn(c)][n];
        }
        double[] inputs = new double[inputNames.size()];
        double[][] outputs = new double[sizes.length][];
        for (int l = 0; l < sizes.length; l++) {
            outputs[l] = new double[sizes[l]];
        }
        for (int py = 0; py < node; py++) {
            double y = yRange.max() - (py + 0.5) / node * yRange.span();
            for (int px = 0; px < node; px++) {
                double x = xRange.min() + (px + 0.5) / node * xRange.span();
                field.evaluate(x, y, inputs, outputs);
                int p = py * node + px;
                for (int j = 0; j < drawn(0); j++) {
                    maps[0][j][p] = inputs[j];
                }
                for (int l = 0; l < sizes.length; l++) {
                    for (int j = 0; j < drawn(l + 1); j++) {
                        maps[l + 1][j][p] = outputs[l][j];
                    }
                }
            }
        }
        return maps;
    }

    private void paintHeatMap(BufferedImage image, double[] values, int left, int top) {
        double max = Diverging.maxAbs(values);
        int[] rgb = pixels(image);
        for (int py = 0; py < node; py++) {
            for (int px = 0; px < node; px++) {
                double v = values[py * node + px];
                rgb[(top + py) * width + left + px] = Diverging.of(max == 0 ? 0 : v / max).getRGB() & 0xFFFFFF;
            }
        }
    }

    /** The pixels of one of this plot's RGB images, to write directly (not one {@code setRGB} call each). */
    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    private void box(Graphics2D g, int column, int j, Color fill, String text) {
        int x = nodeLeft(column);
        int y = nodeTop(column, j);
        g.setColor(fill);
        g.fillRect(x, y, nodeWidth, node);
        g.setColor(FRAME);
        g.drawRect(x, y, nodeWidth, node);
        if (text != null && node >= 11) {
            g.setFont(LABEL_FONT);
            FontMetrics fm = g.getFontMetrics();
            boolean dark = fill.getRed() * 0.299 + fill.getGreen() * 0.587 + fill.getBlue() * 0.114 < 140;
            g.setColor(dark ? Color.WHITE : Palette.INK);
            g.drawString(text, x + (nodeWidth - fm.stringWidth(text)) / 2f, y + (node + fm.getAscent() - fm.getDescent()) / 2f);
        }
    }

    /** The label under neuron {@code j} of column {@code c} (1: the first layer). */
    String neuronLabel(int c, int j) {
        return c == columnX.length - 1 && outputNames != null ? "class " + outputNames.get(j)
                : "neuron[" + (c - 1) + "][" + j + "]";
    }

    /** The room between two columns' centres, in pixels. */
    private double slotWidth() {
        return columnX.length > 1 ? columnX[1] - columnX[0] : width;
    }

    /**
     * Input names left of the inputs; {@code neuron[l][j]} under every neuron (the output neurons' class names when
     * {@link #outputsNamed named}); "+N more" under cut columns.
     */
    private void paintLabels(Graphics2D g) {
        g.setColor(Palette.INK);
        g.setFont(INPUT_FONT);
        FontMetrics fm = g.getFontMetrics();
        for (int j = 0; j < drawn(0); j++) {
            String name = fit(fm, inputNames.get(j), nodeLeft(0) - 12);
            g.drawString(name, nodeLeft(0) - 6 - fm.stringWidth(name),
                    nodeTop(0, j) + (node + fm.getAscent() - fm.getDescent()) / 2f);
        }
        g.setFont(LABEL_FONT);
        fm = g.getFontMetrics();
        for (int c = 1; c < columnX.length; c++) {
            for (int j = 0; j < drawn(c); j++) {
                String label = fit(fm, neuronLabel(c, j), (int) Math.max(40, slotWidth()));
                float x = (float) (columnX[c] - fm.stringWidth(label) / 2.0);
                int y = nodeTop(c, j) + node + fm.getAscent();
                g.setColor(LABEL_BACKGROUND);
                g.fillRect((int) x - 1, y - fm.getAscent() + 1, fm.stringWidth(label) + 2, fm.getAscent() + 1);
                g.setColor(Palette.INK);
                g.drawString(label, x, y);
            }
        }
        for (int c = 0; c < columnX.length; c++) {
            if (count(c) > drawn(c)) {
                String more = "+" + (count(c) - drawn(c)) + " more";
                g.drawString(more, (float) (columnX[c] - fm.stringWidth(more) / 2.0), height - BOTTOM + 4);
            }
        }
    }

    /** The output's decision regions (or its value) with the data points, framed, with the plane's range. */
    private void paintPanel(BufferedImage image, Graphics2D g, NeuronField field, ProbabilityField output) {
        if (output != null) {
            new BoundaryShader(data.classCount()).shade(output, panel, xRange, yRange, image);
        } else {
            shadeOutput(image, field);
        }
        paintPanelPoints(g, output != null);
        java.awt.Rectangle r = panel.pixels();
        g.setStroke(new BasicStroke(1f));
        g.setColor(FRAME);
        g.drawRect(r.x, r.y, r.width - 1, r.height - 1);
        paintPanelText(g, output != null);
    }

    /**
     * The data points over the panel: coloured by class, or ink when the output is a value; each is a
     * sprite centred on the pixel the point falls in, as in the scatter plots.
     */
    private void paintPanelPoints(Graphics2D g, boolean classes) {
        Markers.Dot dot = new Markers.Dot(0.6f, Color.WHITE);
        for (int i = 0; i < data.size(); i++) {
            double px = panel.left() + (data.xs()[i] - xRange.min()) / xRange.span() * panel.width();
            double py = panel.top() + (yRange.max() - data.ys()[i]) / yRange.span() * panel.height();
            g.setColor(classes ? Palette.pointColor(data.labels()[i]) : Palette.INK);
            dot.paint(g, px, py, POINT_SIZE);
        }
    }

    /** The panel's header, its axes' ranges, and (for classes) its legend. */
    private void paintPanelText(Graphics2D g, boolean classes) {
        g.setColor(Palette.INK);
        g.setFont(HEADER_FONT);
        // the classes' colours here, not the weights' signs: the legend below the panel names them
        String header = classes ? "output: predicted class (class colours)" : "output: neuron[" + (sizes.length - 1) + "][0]";
        FontMetrics fm = g.getFontMetrics();
        g.drawString(header, (float) (panel.left() + (panel.width() - fm.stringWidth(header)) / 2), (float) panel.top() - 8);
        g.setFont(LABEL_FONT);
        fm = g.getFontMetrics();
        String xs = String.format(Locale.ROOT, "%s: %s to %s", data.xLabel(), format(xRange.min()), format(xRange.max()));
        String ys = String.format(Locale.ROOT, "%s: %s to %s", data.yLabel(), format(yRange.min()), format(yRange.max()));
        g.drawString(xs, (float) panel.left(), (float) panel.bottom() + fm.getAscent() + 3);
        g.drawString(ys, (float) panel.left(), (float) panel.bottom() + 2 * fm.getAscent() + 5);
        if (classes) {
            float x = (float) panel.right();
            for (int c = data.classCount() - 1; c >= 0; c--) {
                String name = data.classNames().get(c);
                x -= fm.stringWidth(name) + 16;
                g.setColor(Palette.tint(c));
                g.fillRect((int) x, (int) panel.bottom() + 4, 10, 10);
                g.setColor(Palette.INK);
                g.drawString(name, x + 13, (float) panel.bottom() + fm.getAscent() + 3);
            }
        }
    }

    /** {@code text}, cut short with an ellipsis to fit {@code width} pixels. */
    private static String fit(FontMetrics fm, String text, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String s = text;
        while (s.length() > 1 && fm.stringWidth(s + "…") > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }

    /** Regression: the output neuron's value over the panel, in the neurons' colours. */
    private void shadeOutput(BufferedImage image, NeuronField field) {
        java.awt.Rectangle r = panel.pixels();
        int step = 3;
        int nx = (r.width + step - 1) / step;
        int ny = (r.height + step - 1) / step;
        double[] values = new double[nx * ny];
        double[] inputs = new double[inputNames.size()];
        double[][] outputs = new double[sizes.length][];
        for (int l = 0; l < sizes.length; l++) {
            outputs[l] = new double[sizes[l]];
        }
        for (int j = 0; j < ny; j++) {
            double y = yRange.max() - (j * step + step / 2.0) / r.height * yRange.span();
            for (int i = 0; i < nx; i++) {
                double x = xRange.min() + (i * step + step / 2.0) / r.width * xRange.span();
                field.evaluate(x, y, inputs, outputs);
                values[j * nx + i] = outputs[sizes.length - 1][0];
            }
        }
        double max = Diverging.maxAbs(values);
        int[] rgb = pixels(image);
        for (int py = 0; py < r.height; py++) {
            for (int px = 0; px < r.width; px++) {
                double v = values[(py / step) * nx + px / step];
                rgb[(r.y + py) * width + r.x + px] = Diverging.of(max == 0 ? 0 : v / max).getRGB() & 0xFFFFFF;
            }
        }
    }

    private void paintNote(Graphics2D g, String note) {
        g.setFont(NOTE_FONT);
        g.setColor(new Color(90, 90, 90));
        g.drawString(note, 12, height - 12);
    }

    /** A number in three significant digits: {@code 0.423}, {@code -12.5}, {@code 1.2e+03}. */
    static String format(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e4)) {
            return String.format(Locale.ROOT, "%.2g", v);
        }
        return String.format(Locale.ROOT, "%.3g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
