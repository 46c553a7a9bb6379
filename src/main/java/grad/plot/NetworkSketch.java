package grad.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What both network pictures draw on their {@link NetworkLayout}: the canvas, the title and column
 * headers, a line for every weight (blue positive, orange negative, as strong and thick as its size against
 * the largest in its layer), the input names and neuron labels, and the note at the bottom.
 */
final class NetworkSketch {
    static final Font HEADER_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 11);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 9);
    private static final Font INPUT_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font NOTE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    /** The nodes' and the output panel's frames. */
    static final Color FRAME = new Color(150, 150, 150);
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 200);
    /** The weights' note, which both pictures' notes begin with. */
    static final String LINKS_NOTE = "lines: blue weight > 0, orange < 0, width = |w| / largest in its layer;";

    private final NetworkLayout layout;

    NetworkSketch(NetworkLayout layout) {
        this.layout = layout;
    }

    /** Paints a renderer's own part of a network picture. */
    interface Part {
        void paint(BufferedImage image, Graphics2D g);
    }

    /**
     * A network picture: on a white canvas the title and column headers, the weights' lines, then
     * {@code nodes}, the labels, {@code over} (drawn over the labels) and {@code note} at the bottom.
     */
    BufferedImage draw(String title, double[][][] weights, Part nodes, Part over, String note) {
        BufferedImage image = canvas();
        Graphics2D g = graphics(image);
        try {
            paintTitle(g, title);
            paintLinks(g, weights);
            nodes.paint(image, g);
            paintLabels(g);
            over.paint(image, g);
            paintNote(g, note);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** A white RGB picture of the layout's size. */
    private BufferedImage canvas() {
        BufferedImage image = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, layout.width(), layout.height());
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Graphics on {@code image}, antialiased; the caller disposes of it. */
    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    /** The title at the top left, and each column's header above it. */
    private void paintTitle(Graphics2D g, String title) {
        g.setFont(ChartStyle.TITLE_FONT);
        g.setColor(Palette.INK);
        g.drawString(title, 12, 22);
        g.setFont(HEADER_FONT);
        FontMetrics fm = g.getFontMetrics();
        int columns = layout.columns();
        for (int c = 0; c < columns; c++) {
            String header = c == 0 ? "inputs"
                    : c == columns - 1 ? "output layer " + (c - 1)
                    : "layer " + (c - 1) + " (" + layout.size(c - 1) + ")";
            g.drawString(header, (float) (layout.columnX(c) - fm.stringWidth(header) / 2.0), NetworkLayout.TOP - 12);
        }
    }

    /** Every drawn weight as a curve, the weakest first so the strong ones lie on top; leaves a 1-pixel stroke. */
    private void paintLinks(Graphics2D g, double[][][] weights) {
        for (int l = 0; l < weights.length; l++) {
            List<double[]> links = links(weights[l], l);
            double widest = Math.max(1.5, Math.min(6, 40 / Math.sqrt(Math.max(1, links.size()))));
            for (double[] link : links) {
                paintLink(g, l, link, widest);
            }
        }
        g.setStroke(new BasicStroke(1f));
    }

    /**
     * Layer {@code l}'s drawn non-zero weights as {@code {strength, weight, i, j}}, the strength being
     * {@code |w|} against the layer's largest, weakest first (then by {@code i}, then {@code j}).
     */
    private List<double[]> links(double[][] weights, int l) {
        double max = 0;
        for (double[] row : weights) {
            max = Math.max(max, Diverging.maxAbs(row));
        }
        List<double[]> links = new ArrayList<>();
        for (int j = 0; j < layout.drawn(l + 1); j++) {
            for (int i = 0; i < layout.drawn(l); i++) {
                double w = weights[j][i];
                if (Double.isFinite(w) && w != 0) {
                    links.add(new double[] {Math.abs(w) / (max == 0 ? 1 : max), w, i, j});
                }
            }
        }
        links.sort(Comparator.comparingDouble((double[] a) -> a[0]).thenComparingDouble(a -> a[2])
                .thenComparingDouble(a -> a[3]));
        return links;
    }

    private void paintLink(Graphics2D g, int l, double[] link, double widest) {
        double strength = link[0];
        int i = (int) link[2];
        int j = (int) link[3];
        int node = layout.nodeSize();
        double x0 = layout.nodeLeft(l) + layout.nodeWidth();
        double y0 = layout.nodeTop(l, i) + node / 2.0;
        double x1 = layout.nodeLeft(l + 1);
        double y1 = layout.nodeTop(l + 1, j) + node / 2.0;
        double mid = (x0 + x1) / 2;
        Color hue = link[1] > 0 ? Diverging.POSITIVE : Diverging.NEGATIVE;
        int alpha = (int) Math.round(255 * (0.15 + 0.85 * strength));
        g.setColor(new Color(hue.getRed(), hue.getGreen(), hue.getBlue(), alpha));
        g.setStroke(new BasicStroke((float) (0.5 + (widest - 0.5) * strength), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        g.draw(new CubicCurve2D.Double(x0, y0, mid, y0, mid, y1, x1, y1));
    }

    /**
     * Input names left of the inputs; {@link NetworkLayout#neuronLabel the label} under every neuron; "+N
     * more" under cut columns.
     */
    private void paintLabels(Graphics2D g) {
        g.setColor(Palette.INK);
        g.setFont(INPUT_FONT);
        FontMetrics fm = g.getFontMetrics();
        int node = layout.nodeSize();
        for (int j = 0; j < layout.drawn(0); j++) {
            String name = ChartStyle.fit(fm, layout.inputName(j), layout.nodeLeft(0) - 12);
            g.drawString(name, layout.nodeLeft(0) - 6 - fm.stringWidth(name),
                    layout.nodeTop(0, j) + (node + fm.getAscent() - fm.getDescent()) / 2f);
        }
        g.setFont(LABEL_FONT);
        fm = g.getFontMetrics();
        for (int c = 1; c < layout.columns(); c++) {
            for (int j = 0; j < layout.drawn(c); j++) {
                paintNeuronLabel(g, fm, c, j);
            }
        }
        for (int c = 0; c < layout.columns(); c++) {
            if (layout.count(c) > layout.drawn(c)) {
                String more = "+" + (layout.count(c) - layout.drawn(c)) + " more";
                g.drawString(more, (float) (layout.columnX(c) - fm.stringWidth(more) / 2.0),
                        layout.height() - NetworkLayout.BOTTOM + 4);
            }
        }
    }

    private void paintNeuronLabel(Graphics2D g, FontMetrics fm, int c, int j) {
        String label = ChartStyle.fit(fm, layout.neuronLabel(c, j), (int) Math.max(40, layout.slotWidth()));
        float x = (float) (layout.columnX(c) - fm.stringWidth(label) / 2.0);
        int y = layout.nodeTop(c, j) + layout.nodeSize() + fm.getAscent();
        g.setColor(LABEL_BACKGROUND);
        g.fillRect((int) x - 1, y - fm.getAscent() + 1, fm.stringWidth(label) + 2, fm.getAscent() + 1);
        g.setColor(Palette.INK);
        g.drawString(label, x, y);
    }

    /** The note at the bottom left, saying what the lines and nodes mean. */
    private void paintNote(Graphics2D g, String note) {
        g.setFont(NOTE_FONT);
        g.setColor(new Color(90, 90, 90));
        g.drawString(note, 12, layout.height() - 12);
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
