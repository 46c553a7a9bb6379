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

    private static NetworkPlot small() {
        return NetworkPlot.overPlane(List.of("x"), SIZES, Fixtures.xor());
    }

    /** The output neurons are named by class (the hidden ones as in the graphviz drawing), and the names drawn. */
    @Test
    void outputNeuronsAreNamedByClass() {
        NetworkPlot named = small().outputsNamed(Fixtures.xor().classNames());
        assertThat(named.neuronLabel(1, 0)).isEqualTo("neuron[0][0]");
        assertThat(named.neuronLabel(2, 0)).isEqualTo("class " + Fixtures.xor().classNames().get(0));
        assertThat(named.neuronLabel(2, 1)).isEqualTo("class " + Fixtures.xor().classNames().get(1));
        assertThat(small().neuronLabel(2, 1)).isEqualTo("neuron[1][1]");
        // a list that is not one name per output neuron is not used
        assertThat(small().outputsNamed(List.of("a", "b", "c")).neuronLabel(2, 1)).isEqualTo("neuron[1][1]");
        assertThat(digest(named.png(FIELD, WEIGHTS, Fixtures.leftRight(), "t")))
                .isNotEqualTo(digest(small().png(FIELD, WEIGHTS, Fixtures.leftRight(), "t")));
    }

    @Test
    void picturesDecodeAtTheirSizeAndAreDeterministic() {
        NetworkPlot plot = small();
        byte[] png = plot.png(FIELD, WEIGHTS, Fixtures.leftRight(), "xor — epoch 3");
        BufferedImage image = decode(png);
        assertThat(image.getWidth()).isEqualTo(NetworkPlot.DEFAULT_WIDTH);
        assertThat(image.getHeight()).isEqualTo(NetworkPlot.defaultHeight(1, SIZES)).isEqualTo(480);
        assertThat(digest(small().png(FIELD, WEIGHTS, Fixtures.leftRight(), "xor — epoch 3"))).isEqualTo(digest(png));
        assertThat(NetworkPlot.defaultHeight(7, new int[] {16, 16, 2})).isGreaterThan(480).isLessThanOrEqualTo(1000);
    }

    @Test
    void aPositiveWeightIsBlueAndANegativeOneOrange() {
        NetworkPlot plot = small();
        BufferedImage image = plot.render(FIELD, WEIGHTS, Fixtures.leftRight(), "t");
        int n = plot.nodeSize();
        // one input and one hidden neuron at the same height: the +2 link is a straight line between them
        int y = plot.nodeTop(0, 0) + n / 2;
        Color positive = colour(image, (plot.nodeLeft(0) + n + plot.nodeLeft(1)) / 2, y);
        assertThat(positive.getBlue()).isGreaterThan(positive.getRed() + 100);
        // the -3 link, the layer's largest, leaves neuron[0][0] for neuron[1][0] above it: orange just right of the node
        Color negative = colour(image, plot.nodeLeft(1) + n + 2, y - 1);
        assertThat(negative.getRed()).isGreaterThan(negative.getBlue() + 100);
    }

    @Test
    void eachNeuronIsAHeatMapOfItsValueOverThePlane() {
        NetworkPlot plot = small();
        BufferedImage image = plot.render(FIELD, WEIGHTS, Fixtures.leftRight(), "t");
        int n = plot.nodeSize();
        int left = plot.nodeLeft(1);
        int top = plot.nodeTop(1, 0);
        // neuron[0][0] = x: orange on the left (x < 0), blue on the right
        Color west = colour(image, left + n / 8, top + n / 2);
        Color east = colour(image, left + n - n / 8, top + n / 2);
        assertThat(west.getRed()).isGreaterThan(west.getBlue() + 100);
        assertThat(east.getBlue()).isGreaterThan(east.getRed() + 100);
        // neuron[1][0] = -x: the other way round
        Color mirrored = colour(image, plot.nodeLeft(2) + n / 8, plot.nodeTop(2, 0) + n / 2);
        assertThat(mirrored.getBlue()).isGreaterThan(mirrored.getRed() + 100);
        // neuron[1][1] = y: blue at the top
        Color north = colour(image, plot.nodeLeft(2) + n / 2, plot.nodeTop(2, 1) + n / 8);
        assertThat(north.getBlue()).isGreaterThan(north.getRed() + 100);
    }

    @Test
    void theOutputPanelShowsTheClassRegions() {
        NetworkPlot plot = small();
        BufferedImage image = plot.render(FIELD, WEIGHTS, Fixtures.leftRight(), "t");
        PlotArea panel = plot.panel();
        int y = (int) (panel.top() + 5);
        Color left = colour(image, (int) panel.left() + 5, y);
        Color right = colour(image, (int) panel.right() - 5, y);
        assertThat(left).isEqualTo(Palette.tint(0));
        assertThat(right).isEqualTo(Palette.tint(1));
    }

    @Test
    void withoutAFieldTheOutputPanelShowsTheOutputNeuron() {
        NetworkPlot plot = NetworkPlot.overPlane(List.of("x"), new int[] {1}, Fixtures.xor());
        NeuronField field = (x, y, inputs, outputs) -> {
            inputs[0] = x;
            outputs[0][0] = 3 * x;
        };
        BufferedImage image = plot.render(field, new double[][][] {{{3}}}, null, "regression");
        PlotArea panel = plot.panel();
        Color left = colour(image, (int) panel.left() + 4, (int) panel.top() + 4);
        Color right = colour(image, (int) panel.right() - 4, (int) panel.top() + 4);
        assertThat(left.getRed()).isGreaterThan(left.getBlue() + 100);
        assertThat(right.getBlue()).isGreaterThan(right.getRed() + 100);
    }

    @Test
    void withoutAPlaneNeuronsAreColouredByTheirMeanActivation() {
        NetworkPlot plot = NetworkPlot.withoutPlane(List.of("a", "b", "c"), new int[] {2, 1});
        double[][][] weights = {{{1, -1, 0.5}, {0, 2, -2}}, {{1, -1}}};
        double[][] mean = {{0.8, -0.4}, {0.1}};
        double[][] zeros = {{0.25, 0.5}, null};
        BufferedImage image = decode(plot.png(weights, mean, zeros, "iris — epoch 9"));
        assertThat(image.getWidth()).isEqualTo(NetworkPlot.DEFAULT_WIDTH);
        int n = plot.nodeSize();
        Color positive = colour(image, plot.nodeLeft(1) + 2, plot.nodeTop(1, 0) + 2);
        Color negative = colour(image, plot.nodeLeft(1) + 2, plot.nodeTop(1, 1) + 2);
        assertThat(positive).isEqualTo(Diverging.POSITIVE);   // the layer's largest mean
        assertThat(negative.getRed()).isGreaterThan(negative.getBlue() + 60);
        assertThat(n).isGreaterThan(10);
    }

    @Test
    void aSixteenSixteenNetworkKeepsItsNeuronsApartAndWideLayersAreCut() {
        int[] sizes = {16, 16, 2};
        NetworkPlot plot = NetworkPlot.overPlane(List.of("x", "y"), sizes, Fixtures.xor());
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
    void refusesWeightsOfTheWrongShapeAndTheWrongMode() {
        NetworkPlot plot = small();
        assertThatThrownBy(() -> plot.render(FIELD, new double[][][] {{{2}}}, null, "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1 layers of weights for 2 layers");
        assertThatThrownBy(() -> plot.render(FIELD, new double[][][] {{{2, 1}}, {{1}, {1}}}, null, "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a neuron of layer 0 has 2 weights, expected 1");
        assertThatThrownBy(() -> plot.render(WEIGHTS, new double[][] {{0}, {0, 0}}, null, "t"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> NetworkPlot.withoutPlane(List.of("x"), SIZES).render(FIELD, WEIGHTS, null, "t"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void numbersPrintShort() {
        assertThat(NetworkPlot.format(0.42317)).isEqualTo("0.423");
        assertThat(NetworkPlot.format(-12.5)).isEqualTo("-12.5");
        assertThat(NetworkPlot.format(2.0)).isEqualTo("2");
        assertThat(NetworkPlot.format(0)).isEqualTo("0");
        assertThat(NetworkPlot.format(123456)).isEqualTo("1.2e+05");
    }
}
