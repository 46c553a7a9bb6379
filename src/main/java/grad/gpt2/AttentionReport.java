package grad.gpt2;

import grad.io.AtomicFiles;
import grad.plot.Png;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The prompt's attention as pictures: for each layer and head, {@code attention_layer<L>_head<H>.png}, a
 * heat map with the attending token down the side and the attended-to token along the top (white 0,
 * dark blue 1; the masked future is grey), and a {@code report.html} that shows them all.
 */
final class AttentionReport {
    private static final int CELL = 22;
    private static final int PAD = 10;
    private static final Color MASKED = new Color(0xeeeeee);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private AttentionReport() {
    }

    /** The file name of one head's picture (layers and heads counted from 0, as in the weights' names). */
    static String fileName(int layer, int head) {
        return "attention_layer" + layer + "_head" + head + ".png";
    }

    /** Writes every head's picture and the report; {@code tokens} are labels, {@code weights[layer][head][query][key]}. */
    static void write(Path dir, List<String> tokens, double[][][][] weights) {
        for (int l = 0; l < weights.length; l++) {
            for (int h = 0; h < weights[l].length; h++) {
                Png.write(dir.resolve(fileName(l, h)), picture(tokens, weights[l][h], "layer " + l + ", head " + h));
            }
        }
        AtomicFiles.writeString(dir.resolve("report.html"), html(tokens, weights.length, weights[0].length));
    }

    /**
     * A token's bytes as a label: its text if they are whole UTF-8 characters, else the bytes in hex
     * ({@code <f0 9f>}: a piece of a character, such as half an emoji).
     */
    static String label(byte[] bytes) {
        try {
            return label(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            StringBuilder hex = new StringBuilder("<");
            for (byte b : bytes) {
                hex.append(hex.length() > 1 ? " " : "").append(String.format(Locale.ROOT, "%02x", b & 0xff));
            }
            return hex.append('>').toString();
        }
    }

    /** A token as a label: spaces as a middle dot, line breaks and tabs escaped. */
    static String label(String token) {
        return token.replace(" ", "\u00b7").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
    }

    static BufferedImage picture(List<String> tokens, double[][] weights, String title) {
        int n = tokens.size();
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics fm = pg.getFontMetrics(FONT);
        int labelWidth = tokens.stream().mapToInt(t -> fm.stringWidth(t)).max().orElse(0) + PAD;
        pg.dispose();
        int top = PAD + fm.getHeight() + labelWidth;
        int width = PAD + labelWidth + n * CELL + PAD;
        int height = top + n * CELL + PAD;
        BufferedImage image = new BufferedImage(Math.max(width, PAD * 2 + fm.stringWidth(title)), height,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), height);
            g.setFont(FONT);
            g.setColor(Color.BLACK);
            g.drawString(title, PAD, PAD + fm.getAscent());
            int left = PAD + labelWidth;
            cells(g, weights, left, top);
            labels(g, fm, tokens, left, top);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void cells(Graphics2D g, double[][] weights, int left, int top) {
        int n = weights.length;
        for (int q = 0; q < n; q++) {
            for (int k = 0; k < n; k++) {
                g.setColor(k > q ? MASKED : shade(weights[q][k]));
                g.fillRect(left + k * CELL, top + q * CELL, CELL, CELL);
            }
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawRect(left, top, n * CELL, n * CELL);
    }

    private static void labels(Graphics2D g, FontMetrics fm, List<String> tokens, int left, int top) {
        g.setColor(Color.BLACK);
        for (int i = 0; i < tokens.size(); i++) {
            String text = tokens.get(i);
            int baseline = top + i * CELL + (CELL + fm.getAscent() - fm.getDescent()) / 2;
            g.drawString(text, left - PAD / 2 - fm.stringWidth(text), baseline);
            AffineTransform saved = g.getTransform();
            g.translate(left + i * CELL + (CELL + fm.getAscent() - fm.getDescent()) / 2, top - PAD / 2);
            g.rotate(-Math.PI / 2);
            g.drawString(text, 0, 0);
            g.setTransform(saved);
        }
    }

    /** White at 0 to dark blue at 1. */
    static Color shade(double w) {
        double t = Math.max(0, Math.min(1, w));
        return new Color((int) Math.round(255 - t * (255 - 8)), (int) Math.round(255 - t * (255 - 48)),
                (int) Math.round(255 - t * (255 - 107)));
    }

    private static String html(List<String> tokens, int layers, int heads) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>GPT-2 attention</title>\n<style>body{font-family:sans-serif;margin:1em}"
                + "figure{display:inline-block;margin:0.5em}img{image-rendering:pixelated}</style></head><body>\n"
                + "<h1>Attention over the prompt</h1>\n<p>Each picture is one head: row = the token attending, "
                + "column = the token attended to (white 0, dark blue 1; grey is the future, masked). Prompt tokens:");
        for (String t : tokens) {
            b.append(" <code>").append(escape(t)).append("</code>");
        }
        b.append("</p>\n");
        for (int l = 0; l < layers; l++) {
            b.append(String.format(Locale.ROOT, "<h2>Layer %d</h2>\n", l));
            for (int h = 0; h < heads; h++) {
                b.append(String.format(Locale.ROOT, "<figure><img src=\"%s\" alt=\"layer %d, head %d\"></figure>\n",
                        fileName(l, h), l, h));
            }
        }
        return b.append("</body></html>\n").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
