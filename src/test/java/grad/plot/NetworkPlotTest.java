package grad.plot;

import static grad.plot.Fixtures.colour;
import static grad.plot.Fixtures.decode;
import static grad.plot.Fixtures.digest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkPlotTest {

    /** x → neuron[0][0] = x (weight +2 drawn) → neuron[1][0], neuron[1][1] (weights -3 and +0.5). */
    private static final double[][][] WEIGHTS = {{{2}}, {{-3}, {0.5}}};
    private static final int[] SIZES = {1, 2};
    private static final NeuronField FIELD = (x, y, inputs, outputs) -> {
        inputs[0] = x;
        outputs[0][0] = x;
        outputs[1][0] = -x;
        outputs[1][1] = y;
    };

    private static NetworkHeatMaps small() {
        return NetworkPlot.overPlane(List.of("x"), SIZES, Fixtures.xor());
    }

    /** The output neurons are named by class (the hidden ones as in the graphviz drawing), and the names drawn. */
    @Test
    void outputNeuronsAreNamedByClass() {
        NetworkHeatMaps named = small().outputsNamed(Fixtures.xor().classNames());
        assertThat(named.layout().neuronLabel(1, 0)).isEqualTo("neuron[0][0]");
        assertThat(named.layout().neuronLabel(2, 0)).isEqualTo("class " + Fixtures.xor().classNames().get(0));
        assertThat(named.layout().neuronLabel(2, 1)).isEqualTo("class " + Fixtures.xor().classNames().get(1));
        assertThat(small().layout().neuronLabel(2, 1)).isEqualTo("neuron[1][1]");
        // a list that is not one name per output neuron is not used
        assertThat(small().outputsNamed(List.of("a", "b", "c")).layout().neuronLabel(2, 1)).isEqualTo("neuron[1][1]");
        // naming moves nothing
        assertThat(named.layout().nodeTop(2, 1)).isEqualTo(small().layout().nodeTop(2, 1));
        assertThat(named.layout().nodeLeft(2)).isEqualTo(small().layout().nodeLeft(2));
        assertThat(digest(named.png(FIELD, WEIGHTS, Fixtures.leftRight(), "t")))
                .isNotEqualTo(digest(small().png(FIELD, WEIGHTS, Fixtures.leftRight(), "t")));
    }

    @Test
    void picturesDecodeAtTheirSizeAndAreDeterministic() {
        NetworkHeatMaps plot = small();
        byte[] png = plot.png(FIELD, WEIGHTS, Fixtures.leftRight(), "xor — epoch 3");
        BufferedImage image = decode(png);
        assertThat(image.getWidth()).isEqualTo(NetworkPlot.DEFAULT_WIDTH);
        assertThat(image.getHeight()).isEqualTo(NetworkPlot.defaultHeight(1, SIZES)).isEqualTo(480);
        assertThat(digest(small().png(FIELD, WEIGHTS, Fixtures.leftRight(), "xor — epoch 3"))).isEqualTo(digest(png));
        assertThat(NetworkPlot.defaultHeight(7, new int[] {16, 16, 2})).isGreaterThan(480).isLessThanOrEqualTo(1000);
    }

    @Test
    void aPositiveWeightIsBlueAndANegativeOneOrange() {
        NetworkHeatMaps plot = small();
        NetworkLayout layout = plot.layout();
        BufferedImage image = plot.render(FIELD, WEIGHTS, Fixtures.leftRight(), "t");
        int n = layout.nodeSize();
        // one input and one hidden neuron at the same height: the +2 link, its layer's only one, is a straight
        // line between them, opaque and 6 pixels wide (40 / sqrt(1 link), at most 6)
        int y = layout.nodeTop(0, 0) + n / 2;
        assertThat(layout.nodeTop(1, 0)).isEqualTo(layout.nodeTop(0, 0));
        assertThat(colour(image, (layout.nodeLeft(0) + n + layout.nodeLeft(1)) / 2, y)).isEqualTo(Diverging.POSITIVE);
        // the -3 link, the layer's largest, leaves neuron[0][0] for neuron[1][0] above it: orange just right of the node
        Color negative = colour(image, layout.nodeLeft(1) + n + 2, y - 1);
        assertThat(negative.getRed()).isGreaterThan(negative.getBlue() + 100);
    }

    /**
     * Each node's tile is where the layout puts it, one pixel per sample of the plane: neuron[0][0] = x at the
     * tile's pixel (px, py) is the x of that pixel's centre, over the largest |x| of the tile's samples.
     */
    @Test
    void aHeatMapTileIsWhereTheLayoutSaysWithTheNeuronsValueAtEachPixel() {
        NetworkHeatMaps plot = small();
        NetworkLayout layout = plot.layout();
        BufferedImage image = plot.render(FIELD, WEIGHTS, Fixtures.leftRight(), "t");
        int n = layout.nodeSize();
        AxisRange x = plot.panel().xRange();
        double first = x.min() + 0.5 / n * x.span();
        double last = x.min() + (n - 0.5) / n * x.span();
        double max = Math.max(Math.abs(first), Math.abs(last));
        for (int px : new int[] {1, n / 4, n / 2, n - 2}) {
            double value = x.min() + (px + 0.5) / n * x.span();
            Color expected = Diverging.of(value / max);
            assertThat(colour(image, layout.nodeLeft(1) + px, layout.nodeTop(1, 0) + n / 2)).isEqualTo(expected);
            // neuron[1][0] = -x, in the next column
            assertThat(colour(image, layout.nodeLeft(2) + px, layout.nodeTop(2, 0) + n / 2)).isEqualTo(Diverging.of(-value / max));
        }
        // outside the tile, left of it: the white of the canvas (no link ends there; links end at its left edge)
        assertThat(colour(image, layout.nodeLeft(1) + n / 2, layout.nodeTop(1, 0) - 3)).isEqualTo(Color.WHITE);
    }

    @Test
    void eachNeuronIsAHeatMapOfItsValueOverThePlane() {
        NetworkHeatMaps plot = small();
        NetworkLayout layout = plot.layout();
        BufferedImage image = plot.render(FIELD, WEIGHTS, Fixtures.leftRight(), "t");
        int n = layout.nodeSize();
        int left = layout.nodeLeft(1);
        int top = layout.nodeTop(1, 0);
        // neuron[0][0] = x: orange on the left (x < 0), blue on the right
        Color west = colour(image, left + n / 8, top + n / 2);
        Color east = colour(image, left + n - n / 8, top + n / 2);
        assertThat(west.getRed()).isGreaterThan(west.getBlue() + 100);
        assertThat(east.getBlue()).isGreaterThan(east.getRed() + 100);
        // neuron[1][0] = -x: the other way round
        Color mirrored = colour(image, layout.nodeLeft(2) + n / 8, layout.nodeTop(2, 0) + n / 2);
        assertThat(mirrored.getBlue()).isGreaterThan(mirrored.getRed() + 100);
        // neuron[1][1] = y: blue at the top
        Color north = colour(image, layout.nodeLeft(2) + n / 2, layout.nodeTop(2, 1) + n / 8);
        assertThat(north.getBlue()).isGreaterThan(north.getRed() + 100);
    }

    @Test
    void theOutputPanelShowsTheClassRegions() {
        NetworkHeatMaps plot = small();
        BufferedImage image = plot.render(FIELD, WEIGHTS, Fixtures.leftRight(), "t");
        PlotArea panel = plot.panel().area();
        int y = (int) (panel.top() + 5);
        Color left = colour(image, (int) panel.left() + 5, y);
        Color right = colour(image, (int) panel.right() - 5, y);
        assertThat(left).isEqualTo(Palette.tint(0));
        assertThat(right).isEqualTo(Palette.tint(1));
    }

    @Test
    void withoutAFieldTheOutputPanelShowsTheOutputNeuron() {
        NetworkHeatMaps plot = NetworkPlot.overPlane(List.of("x"), new int[] {1}, Fixtures.xor());
        NeuronField field = (x, y, inputs, outputs) -> {
            inputs[0] = x;
            outputs[0][0] = 3 * x;
        };
        BufferedImage image = plot.render(field, new double[][][] {{{3}}}, null, "regression");
        PlotArea panel = plot.panel().area();
        Color left = colour(image, (int) panel.left() + 4, (int) panel.top() + 4);
        Color right = colour(image, (int) panel.right() - 4, (int) panel.top() + 4);
        assertThat(left.getRed()).isGreaterThan(left.getBlue() + 100);
        assertThat(right.getBlue()).isGreaterThan(right.getRed() + 100);
    }

    @Test
    void withoutAPlaneNeuronsAreColouredByTheirMeanActivation() {
        NetworkBoxes plot = NetworkPlot.withoutPlane(List.of("a", "b", "c"), new int[] {2, 1});
        NetworkLayout layout = plot.layout();
        double[][][] weights = {{{1, -1, 0.5}, {0, 2, -2}}, {{1, -1}}};
        double[][] mean = {{0.8, -0.4}, {0.1}};
        double[][] zeros = {{0.25, 0.5}, null};
        BufferedImage image = decode(plot.png(weights, mean, zeros, "iris — epoch 9"));
        assertThat(image.getWidth()).isEqualTo(NetworkPlot.DEFAULT_WIDTH);
        int n = layout.nodeSize();
        Color positive = colour(image, layout.nodeLeft(1) + 2, layout.nodeTop(1, 0) + 2);
        Color negative = colour(image, layout.nodeLeft(1) + 2, layout.nodeTop(1, 1) + 2);
        assertThat(positive).isEqualTo(Diverging.POSITIVE);   // the layer's largest mean
        assertThat(negative).isEqualTo(Diverging.of(-0.5));    // -0.4 / 0.8
        assertThat(negative.getRed()).isGreaterThan(negative.getBlue() + 60);
        assertThat(n).isGreaterThan(10);
        // boxes are wider than tall when the columns are far apart, up to 84 pixels
        assertThat(layout.nodeWidth()).isEqualTo(84).isGreaterThan(n);
        assertThat(colour(image, layout.nodeLeft(1) + 80, layout.nodeTop(1, 0) + 2)).isEqualTo(Diverging.POSITIVE);
    }

    /** Without a plane a link is drawn as over one: one input to one neuron, level, opaque at its middle. */
    @Test
    void withoutAPlaneAPositiveWeightIsBlueAndANegativeOneOrange() {
        for (double w : new double[] {1.5, -1.5}) {
            NetworkBoxes plot = NetworkPlot.withoutPlane(List.of("a"), new int[] {1});
            NetworkLayout layout = plot.layout();
            BufferedImage image = plot.render(new double[][][] {{{w}}}, new double[][] {{0.3}}, null, "one link");
            int x = (layout.nodeLeft(0) + layout.nodeWidth() + layout.nodeLeft(1)) / 2;
            int y = layout.nodeTop(0, 0) + layout.nodeSize() / 2;
            assertThat(colour(image, x, y)).isEqualTo(w > 0 ? Diverging.POSITIVE : Diverging.NEGATIVE);
            // the input's box is grey, the neuron's the colour of its mean
            assertThat(colour(image, layout.nodeLeft(0) + 2, layout.nodeTop(0, 0) + 2)).isEqualTo(Diverging.ZERO);
            assertThat(colour(image, layout.nodeLeft(1) + 2, layout.nodeTop(1, 0) + 2)).isEqualTo(Diverging.POSITIVE);
        }
    }

    @Test
    void aSixteenSixteenNetworkKeepsItsNeuronsApartAndWideLayersAreCut() {
        int[] sizes = {16, 16, 2};
        NetworkLayout plot = NetworkPlot.overPlane(List.of("x", "y"), sizes, Fixtures.xor()).layout();
        assertThat(plot.nodeSize()).isGreaterThanOrEqualTo(20);
        for (int j = 0; j + 1 < 16; j++) {
            assertThat(plot.nodeTop(1, j + 1) - plot.nodeTop(1, j)).isGreaterThanOrEqualTo(plot.nodeSize() + 10);
        }
        assertThat(plot.nodeTop(1, 15) + plot.nodeSize()).isLessThan(plot.height());

        int[] wide = {40, 2};
        double[][][] weights = {new double[40][2], new double[2][40]};
        BufferedImage image = NetworkPlot.withoutPlane(List.of("x", "y"), wide)
                .render(weights, new double[][] {new double[40], new double[2]}, null, "wide");
        assertThat(image.getHeight()).isEqualTo(NetworkPlot.defaultHeight(2, wide));
    }

    @Test
    void refusesWeightsOfTheWrongShape() {
        NetworkHeatMaps plot = small();
        assertThatThrownBy(() -> plot.render(FIELD, new double[][][] {{{2}}}, null, "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1 layers of weights for 2 layers");
        assertThatThrownBy(() -> plot.render(FIELD, new double[][][] {{{2, 1}}, {{1}, {1}}}, null, "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a neuron of layer 0 has 2 weights, expected 1");
        NetworkBoxes boxes = NetworkPlot.withoutPlane(List.of("x"), SIZES);
        assertThatThrownBy(() -> boxes.render(new double[][][] {{{2}}, {{1}}}, new double[][] {{0}, {0, 0}}, null, "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer 1 has 1 rows of weights, expected 2");
        assertThatThrownBy(() -> boxes.render(WEIGHTS, new double[][] {{0}}, null, "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1 layers of mean activations for 2 layers");
        assertThatThrownBy(() -> NetworkPlot.overPlane(List.of("x"), SIZES, Fixtures.xor(), 300, 480))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("picture too small: 300x480");
    }

    @Test
    void numbersPrintShort() {
        assertThat(NetworkSketch.format(0.42317)).isEqualTo("0.423");
        assertThat(NetworkSketch.format(-12.5)).isEqualTo("-12.5");
        assertThat(NetworkSketch.format(2.0)).isEqualTo("2");
        assertThat(NetworkSketch.format(0)).isEqualTo("0");
        assertThat(NetworkSketch.format(123456)).isEqualTo("1.2e+05");
    }
}
