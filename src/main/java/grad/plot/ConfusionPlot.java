package grad.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Confusion matrices as heat maps, training and test side by side: a row per actual class, a column
 * per predicted class, each cell's count written in it and its shade growing with the count (white at
 * 0, full at the matrix's largest), in the train (blue) and test (orange) colours of the curves.
 */
public final class ConfusionPlot {

    /** Default picture width in pixels. */
    public static final int DEFAULT_WIDTH = 880;
    /** Default picture height in pixels. */
    public static final int DEFAULT_HEIGHT = 460;

    private static final int TOP = 76;
    private static final int BOTTOM = 40;
    private static final int GAP = 40;
    private static final Font HEADER_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font AXIS_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color GRID = new Color(200, 200, 200);

    private ConfusionPlot() {
    }

    /**
     * The matrices in a {@code width}×{@code height} RGB image.
     *
     * @param classNames one name per class
     * @param train      {@code train[actual][predicted]}: how many training rows of class {@code actual}
     *                   were predicted {@code predicted}
     * @param test       the same for the test rows, or {@code null} without a test set
     * @throws IllegalArgumentException if a matrix is not {@code k×k} for {@code k} class names, or has a
     *                                  negative count
     */
    public static BufferedImage render(String title, List<String> classNames, int[][] train, int[][] test,
                                       int width, int height) {
        int k = classNames.size();
        check(train, k, "train");
        if (test != null) {
            check(test, k, "test");
        }
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("picture too small: " + width + "x" + height);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setFont(ChartStyle.TITLE_FONT);
            g.setColor(Palette.INK);
            g.drawString(title, 12, 22);
            int panels = test == null ? 1 : 2;
            int labelWidth = labelWidth(g, classNames);
            int side = Math.min(height - TOP - BOTTOM, (width - 24 - panels * (labelWidth + 30) - (panels - 1) * GAP) / panels);
            side = Math.max(k, side - side % k);
            int panelWidth = labelWidth + 30 + side;
            int left = (width - panels * panelWidth - (panels - 1) * GAP) / 2;
            int top = TOP + (height - TOP - BOTTOM - side) / 2;
            matrix(g, "train", train, classNames, Palette.TRAIN, left + labelWidth + 30, top, side);
            if (test != null) {
                matrix(g, "test", test, classNames, Palette.TEST, left + panelWidth + GAP + labelWidth + 30, top, side);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The default-size picture as PNG bytes. */
    public static byte[] png(String title, List<String> classNames, int[][] train, int[][] test) {
        return Png.encode(render(title, classNames, train, test, DEFAULT_WIDTH, DEFAULT_HEIGHT));
    }


    private static void check(int[][] counts, int k, String which) {
        if (counts.length != k) {
            throw new IllegalArgumentException(which + " matrix has " + counts.length + " rows for " + k + " classes");
        }
        for (int[] row : counts) {
            if (row.length != k) {
                throw new IllegalArgumentException(which + " matrix has a row of " + row.length + " for " + k + " classes");
            }
            for (int c : row) {
                if (c < 0) {
                    throw new IllegalArgumentException(which + " matrix has a negative count " + c);
                }
            }
        }
    }

    private static int labelWidth(Graphics2D g, List<String> classNames) {
        FontMetrics fm = g.getFontMetrics(AXIS_FONT);
        int w = 0;
        for (String name : classNames) {
            w = Math.max(w, fm.stringWidth(name));
        }
        return Math.min(120, w);
    }

    private static void matrix(Graphics2D g, String name, int[][] counts, List<String> classNames, Color hue,
                               int left, int top, int side) {
        int k = classNames.size();
        int cell = side / k;
        long total = 0;
        long correct = 0;
        int max = 0;
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                total += counts[a][p];
                correct += a == p ? counts[a][p] : 0;
                max = Math.max(max, counts[a][p]);
            }
        }
        paintCells(g, counts, hue, max, left, top, cell);
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i <= k; i++) {
            g.drawLine(left, top + i * cell, left + k * cell, top + i * cell);
            g.drawLine(left + i * cell, top, left + i * cell, top + k * cell);
        }
        g.setColor(Palette.INK);
        g.setFont(HEADER_FONT);
        FontMetrics hm = g.getFontMetrics();
        String header = total == 0 ? name + " (no rows)"
                : String.format(Locale.ROOT, "%s: %d rows, accuracy %.1f%%", name, total, 100.0 * correct / total);
        g.drawString(header, left + (k * cell - hm.stringWidth(header)) / 2f, top - 12);
        paintAxisLabels(g, classNames, left, top, cell);
    }

    /** The cells, shaded by count, each with its count when it fits. */
    private static void paintCells(Graphics2D g, int[][] counts, Color hue, int max, int left, int top, int cell) {
        int k = counts.length;
        int fontSize = Math.max(7, Math.min(16, cell / 3));
        Font countFont = new Font(Font.SANS_SERIF, Font.PLAIN, fontSize);
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                Color fill = shade(hue, counts[a][p], max);
                int x = left + p * cell;
                int y = top + a * cell;
                g.setColor(fill);
                g.fillRect(x, y, cell, cell);
                if (cell >= 14) {
                    String text = Integer.toString(counts[a][p]);
                    g.setFont(countFont);
                    FontMetrics fm = g.getFontMetrics();
                    if (fm.stringWidth(text) <= cell - 2) {
                        g.setColor(luminance(fill) < 140 ? Color.WHITE : Palette.INK);
                        g.drawString(text, x + (cell - fm.stringWidth(text)) / 2f,
                                y + (cell + fm.getAscent() - fm.getDescent()) / 2f);
                    }
                }
            }
        }
    }

    /** "predicted" and the class names below, "actual" (turned) and the class names to the left. */
    private static void paintAxisLabels(Graphics2D g, List<String> classNames, int left, int top, int cell) {
        int k = classNames.size();
        g.setFont(AXIS_FONT);
        FontMetrics fm = g.getFontMetrics();
        g.drawString("predicted", left + (k * cell - fm.stringWidth("predicted")) / 2f, top + k * cell + 2 * fm.getHeight() + 2);
        boolean names = fm.getHeight() <= cell;
        for (int i = 0; i < k && names; i++) {
            String label = ChartStyle.fit(fm, classNames.get(i), Math.min(120, Math.max(cell - 2, 8)));
            g.drawString(label, left + i * cell + (cell - fm.stringWidth(label)) / 2f, top + k * cell + fm.getAscent() + 2);
            String row = ChartStyle.fit(fm, classNames.get(i), 120);
            g.drawString(row, left - 6 - fm.stringWidth(row), top + i * cell + (cell + fm.getAscent() - fm.getDescent()) / 2f);
        }
        AffineTransform saved = g.getTransform();
        int labels = names ? Math.min(120, maxWidth(fm, classNames)) : 0;
        g.translate(left - labels - 14, top + (k * cell + fm.stringWidth("actual")) / 2.0);
        g.rotate(-Math.PI / 2);
        g.drawString("actual", 0, 0);
        g.setTransform(saved);
    }

    private static int maxWidth(FontMetrics fm, List<String> names) {
        int w = 0;
        for (String n : names) {
            w = Math.max(w, fm.stringWidth(n));
        }
        return w;
    }

    /** White at 0, the full hue at {@code max}. */
    static Color shade(Color hue, int count, int max) {
        return Palette.mix(Color.WHITE, hue, max == 0 ? 0 : (double) count / max);
    }

    private static double luminance(Color c) {
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
    }
}
