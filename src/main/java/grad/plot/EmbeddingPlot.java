package grad.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/** Points in 2-D, each labelled: a model's character embeddings projected by PCA. */
public final class EmbeddingPlot {
    private static final int SIZE = 560;
    private static final int MARGIN = 50;

    private EmbeddingPlot() {
    }

    /**
     * The picture as PNG bytes.
     *
     * @param xy     one (x, y) per point
     * @param labels one label per point
     */
    public static byte[] png(String title, String xTitle, String yTitle, double[][] xy, List<String> labels) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            paintFrame(g, title, xTitle, yTitle);
            paintPoints(g, xy, labels);
        } finally {
            g.dispose();
        }
        return Png.encode(image);
    }

    /** The white picture, the plot area framed, the title and the axes' titles. */
    private static void paintFrame(Graphics2D g, String title, String xTitle, String yTitle) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, SIZE, SIZE);
        int inner = SIZE - 2 * MARGIN;
        g.setColor(new Color(250, 250, 250));
        g.fillRect(MARGIN, MARGIN, inner, inner);
        g.setColor(new Color(200, 200, 200));
        g.setStroke(new BasicStroke(1f));
        g.drawRect(MARGIN, MARGIN, inner, inner);
        g.setColor(Palette.INK);
        g.setFont(ChartStyle.TITLE_FONT);
        g.drawString(title, MARGIN, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(xTitle, MARGIN + inner / 2 - g.getFontMetrics().stringWidth(xTitle) / 2, SIZE - 15);
        g.rotate(-Math.PI / 2);
        g.drawString(yTitle, -(MARGIN + inner / 2) - g.getFontMetrics().stringWidth(yTitle) / 2, 25);
        g.rotate(Math.PI / 2);
    }

    /** Each point as a dot with its label, the points' range filling the plot area. */
    private static void paintPoints(Graphics2D g, double[][] xy, List<String> labels) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (double[] p : xy) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        double spanX = Math.max(maxX - minX, 1e-12), spanY = Math.max(maxY - minY, 1e-12);
        int inner = SIZE - 2 * MARGIN;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < xy.length; i++) {
            int px = MARGIN + 12 + (int) Math.round((xy[i][0] - minX) / spanX * (inner - 24));
            int py = MARGIN + 12 + (int) Math.round((maxY - xy[i][1]) / spanY * (inner - 24));
            g.setColor(Palette.TRAIN);
            g.fillOval(px - 3, py - 3, 6, 6);
            g.setColor(Palette.INK);
            g.drawString(labels.get(i), px + 5, py - 4 + fm.getAscent() / 2);
        }
    }
}
