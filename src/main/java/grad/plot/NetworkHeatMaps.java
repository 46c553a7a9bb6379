package grad.plot;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;

/**
 * The network picture for 2-D data ({@link NetworkPlot#overPlane}): each input and neuron is a small heat
 * map of its value over the input plane (orange below 0, grey at 0, blue above, scaled to the neuron's
 * largest magnitude there), and the output's decision regions with the data fill a panel on the right.
 * The same arguments always give the same picture.
 */
public final class NetworkHeatMaps {
    private final NetworkLayout layout;
    private final OutputPanel panel;

    NetworkHeatMaps(List<String> inputNames, int[] sizes, PlotData data, int width, int height) {
        NetworkLayout.check(inputNames, sizes, width, height);
        this.panel = new OutputPanel(data, width, height);
        this.layout = new NetworkLayout(inputNames, sizes, width, height, panel.columnsRight(), 0);
    }

    private NetworkHeatMaps(NetworkLayout layout, OutputPanel panel) {
        this.layout = layout;
        this.panel = panel;
    }

    /**
     * This picture with the output neurons labelled by {@code names} (the classes, one per output neuron)
     * rather than {@code neuron[l][j]}; as it is unless there is one name per output neuron.
     */
    public NetworkHeatMaps outputsNamed(List<String> names) {
        return new NetworkHeatMaps(layout.withOutputNames(names), panel);
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
     * Draws the network over the plane.
     *
     * @param field   every neuron's value at a plane point
     * @param weights {@code weights[l][j][i]}: the weight from input {@code i} of layer {@code l} (an
     *                input of the network, or neuron {@code i} of layer {@code l − 1}) to its neuron {@code j}
     * @param output  the class probabilities for the output panel; {@code null} draws output neuron 0's
     *                value there instead (regression)
     * @param title   shown at the top, e.g. {@code "xor — epoch 40"}
     */
    public BufferedImage render(NeuronField field, double[][][] weights, ProbabilityField output, String title) {
        layout.checkWeights(weights);
        double[][][] maps = sample(field);
        return new NetworkSketch(layout).draw(title, weights, (image, g) -> paintNodes(image, g, maps),
                (image, g) -> panel.paint(image, g, field, output, layout),
                NetworkSketch.LINKS_NOTE + "  squares: the value over the plane, orange < 0 < blue, scaled per neuron");
    }

    /** The picture as PNG bytes. */
    public byte[] png(NeuronField field, double[][][] weights, ProbabilityField output, String title) {
        return Png.encode(render(field, weights, output, title));
    }

    /** The value of every input and neuron on a node-sized grid over the plane: {@code [column][j][pixel]}. */
    private double[][][] sample(NeuronField field) {
        int node = layout.nodeSize();
        double[][][] maps = new double[layout.columns()][][];
        for (int c = 0; c < maps.length; c++) {
            maps[c] = new double[layout.drawn(c)][node * node];
        }
        double[] inputs = new double[layout.inputs()];
        double[][] outputs = layout.neuronValues();
        AxisRange xRange = panel.xRange();
        AxisRange yRange = panel.yRange();
        for (int py = 0; py < node; py++) {
            double y = yRange.max() - (py + 0.5) / node * yRange.span();
            for (int px = 0; px < node; px++) {
                double x = xRange.min() + (px + 0.5) / node * xRange.span();
                field.evaluate(x, y, inputs, outputs);
                int p = py * node + px;
                for (int j = 0; j < layout.drawn(0); j++) {
                    maps[0][j][p] = inputs[j];
                }
                for (int l = 0; l < outputs.length; l++) {
                    for (int j = 0; j < layout.drawn(l + 1); j++) {
                        maps[l + 1][j][p] = outputs[l][j];
                    }
                }
            }
        }
        return maps;
    }

    /** Every input and neuron: its heat map, framed. */
    private void paintNodes(BufferedImage image, Graphics2D g, double[][][] maps) {
        int node = layout.nodeSize();
        for (int c = 0; c < layout.columns(); c++) {
            for (int j = 0; j < layout.drawn(c); j++) {
                paintHeatMap(image, maps[c][j], layout.nodeLeft(c), layout.nodeTop(c, j));
                g.setColor(NetworkSketch.FRAME);
                g.drawRect(layout.nodeLeft(c), layout.nodeTop(c, j), node, node);
            }
        }
    }

    /** One node's values, each a pixel, scaled to their largest magnitude (written straight into the pixels). */
    private void paintHeatMap(BufferedImage image, double[] values, int left, int top) {
        int node = layout.nodeSize();
        double max = Diverging.maxAbs(values);
        int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int py = 0; py < node; py++) {
            for (int px = 0; px < node; px++) {
                double v = values[py * node + px];
                rgb[(top + py) * image.getWidth() + left + px] = Diverging.of(max == 0 ? 0 : v / max).getRGB() & 0xFFFFFF;
            }
        }
    }

    NetworkLayout layout() {
        return layout;
    }

    OutputPanel panel() {
        return panel;
    }
}
