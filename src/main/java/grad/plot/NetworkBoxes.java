package grad.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * The network picture for data of any number of features ({@link NetworkPlot#withoutPlane}): each neuron is
 * a box coloured by its mean activation over the data and labelled with it, with the share of rows where
 * it outputs 0 beside it when that is given (ReLU). The same arguments always give the same picture.
 */
public final class NetworkBoxes {
    /** The widest a box grows, in pixels, when the columns are far apart. */
    private static final int WIDEST_BOX = 84;

    private final NetworkLayout layout;

    NetworkBoxes(List<String> inputNames, int[] sizes, int width, int height) {
        this(new NetworkLayout(inputNames, sizes, width, height, width - 40, WIDEST_BOX));
    }

    private NetworkBoxes(NetworkLayout layout) {
        this.layout = layout;
    }

    /**
     * This picture with the output neurons labelled by {@code names} (the classes, one per output neuron)
     * rather than {@code neuron[l][j]}; as it is unless there is one name per output neuron.
     */
    public NetworkBoxes outputsNamed(List<String> names) {
        return new NetworkBoxes(layout.withOutputNames(names));
    }

    /** The picture's width in pixels. */
    public int width() {
        return layout.width();
    }

    /** The picture's height in pixels. */
    public int height() {
        return layout.height();
    }

    /**
     * Draws the network: each neuron coloured by its mean activation over the data (scaled to the largest
     * magnitude in its layer) and labelled with it.
     *
     * @param weights        {@code weights[l][j][i]}, as for {@link NetworkHeatMaps#render}
     * @param meanActivation {@code meanActivation[l][j]}: neuron {@code j} of layer {@code l}'s mean output
     * @param zeroShare      {@code zeroShare[l][j]}: the share of rows where the neuron outputs 0, shown as
     *                       a percentage; {@code null}, a {@code null} layer or NaN where not meaningful
     */
    public BufferedImage render(double[][][] weights, double[][] meanActivation, double[][] zeroShare, String title) {
        layout.checkWeights(weights);
        if (meanActivation.length != layout.layers()) {
            throw new IllegalArgumentException(meanActivation.length + " layers of mean activations for "
                    + layout.layers() + " layers");
        }
        return new NetworkSketch(layout).draw(title, weights, (image, g) -> paintBoxes(g, meanActivation),
                (image, g) -> paintZeroShares(g, zeroShare),
                NetworkSketch.LINKS_NOTE + "  boxes: mean activation over the data"
                        + (zeroShare != null ? "; 0: rows where it outputs 0" : ""));
    }

    /** The picture as PNG bytes. */
    public byte[] png(double[][][] weights, double[][] meanActivation, double[][] zeroShare, String title) {
        return Png.encode(render(weights, meanActivation, zeroShare, title));
    }

    /** The inputs as plain boxes; each neuron's box coloured and labelled by its mean. */
    private void paintBoxes(Graphics2D g, double[][] meanActivation) {
        for (int j = 0; j < layout.drawn(0); j++) {
            box(g, 0, j, Diverging.ZERO, null);
        }
        for (int l = 0; l < layout.layers(); l++) {
            double max = Diverging.maxAbs(meanActivation[l]);
            for (int j = 0; j < layout.drawn(l + 1); j++) {
                double mean = meanActivation[l][j];
                box(g, l + 1, j, Diverging.of(max == 0 ? 0 : mean / max), NetworkSketch.format(mean));
            }
        }
    }

    private void box(Graphics2D g, int column, int j, Color fill, String text) {
        int x = layout.nodeLeft(column);
        int y = layout.nodeTop(column, j);
        int node = layout.nodeSize();
        int nodeWidth = layout.nodeWidth();
        g.setColor(fill);
        g.fillRect(x, y, nodeWidth, node);
        g.setColor(NetworkSketch.FRAME);
        g.drawRect(x, y, nodeWidth, node);
        if (text != null && node >= 11) {
            g.setFont(NetworkSketch.LABEL_FONT);
            FontMetrics fm = g.getFontMetrics();
            boolean dark = fill.getRed() * 0.299 + fill.getGreen() * 0.587 + fill.getBlue() * 0.114 < 140;
            g.setColor(dark ? Color.WHITE : Palette.INK);
            g.drawString(text, x + (nodeWidth - fm.stringWidth(text)) / 2f, y + (node + fm.getAscent() - fm.getDescent()) / 2f);
        }
    }

    /** Beside each neuron, the share of rows where it outputs 0 (none when {@code zeroShare} is null). */
    private void paintZeroShares(Graphics2D g, double[][] zeroShare) {
        if (zeroShare == null) {
            return;
        }
        g.setFont(NetworkSketch.LABEL_FONT);
        for (int l = 0; l < Math.min(layout.layers(), zeroShare.length); l++) {
            for (int j = 0; zeroShare[l] != null && j < Math.min(layout.drawn(l + 1), zeroShare[l].length); j++) {
                if (Double.isFinite(zeroShare[l][j])) {
                    String text = String.format(Locale.ROOT, "0: %.0f%%", 100 * zeroShare[l][j]);
                    g.setColor(Palette.INK);
                    g.drawString(text, layout.nodeLeft(l + 1) + layout.nodeWidth() + 3,
                            layout.nodeTop(l + 1, j) + layout.nodeSize() - 2);
                }
            }
        }
    }

    NetworkLayout layout() {
        return layout;
    }
}
