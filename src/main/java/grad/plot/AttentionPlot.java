package grad.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A GPT's attention on one document: for each layer and head, a square of cells, row t the weights with
 * which position t reads positions 0 … t (white 0, dark blue 1), the characters read on both axes.
 */
public final class AttentionPlot {
    private static final int CELL = 22;
    private static final int GAP = 36;
    private static final int LABEL = 34;
    private static final int TITLE = 40;

    private AttentionPlot() {
    }

    /**
     * The picture as PNG bytes.
     *
     * @param weights [layer][head][t][s]: how much position t attends to position s
     * @param tokens  the tokens read, one label per position
     */
    public static byte[] png(String title, double[][][][] weights, List<String> tokens) {
        int layers = weights.length;
        int heads = weights[0].length;
        int n = tokens.size();
        int square = n * CELL;
        int width = Math.max(360, LABEL + heads * (square + LABEL + GAP));
        int height = TITLE + layers * (square + LABEL + 18) + (layers - 1) * GAP;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Palette.INK);
            g.setFont(ChartStyle.TITLE_FONT);
            g.drawString(title, LABEL, 26);
            for (int l = 0; l < layers; l++) {
                for (int h = 0; h < heads; h++) {
                    int x0 = LABEL + h * (square + LABEL + GAP) + LABEL;
                    int y0 = TITLE + l * (square + LABEL + 18 + GAP) + 18;
                    head(g, weights[l][h], tokens, x0, y0, "layer " + l + ", head " + h);
                }
            }
        } finally {
            g.dispose();
        }
        return Png.encode(image);
    }

    private static void head(Graphics2D g, double[][] w, List<String> tokens, int x0, int y0, String caption) {
        int n = tokens.size();
        for (int t = 0; t < n; t++) {
            for (int s = 0; s < n; s++) {
                double a = s <= t ? Math.max(0, Math.min(1, w[t][s])) : 0;
                g.setColor(new Color((int) (255 - 225 * a), (int) (255 - 190 * a), (int) (255 - 95 * a)));
                g.fillRect(x0 + s * CELL, y0 + t * CELL, CELL, CELL);
            }
        }
        g.setColor(new Color(200, 200, 200));
        g.drawRect(x0, y0, n * CELL, n * CELL);
        g.setColor(Palette.INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < n; i++) {
            String label = tokens.get(i);
            g.drawString(label, x0 - 4 - fm.stringWidth(label), y0 + i * CELL + CELL / 2 + fm.getAscent() / 2 - 1);
            g.drawString(label, x0 + i * CELL + (CELL - fm.stringWidth(label)) / 2, y0 + n * CELL + fm.getAscent() + 2);
        }
        g.drawString(caption, x0, y0 - 5);
    }
}
