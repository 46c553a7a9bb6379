package grad.plot;

import static grad.plot.Fixtures.colour;
import static grad.plot.Fixtures.decode;
import static grad.plot.Fixtures.digest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class PredictionsPlotTest {
    // one training point far below the diagonal at (9, 1), one test point at (5, 2.5)
    private static final double[] TRAIN_ACTUAL = {0, 10, 9};
    private static final double[] TRAIN_PREDICTED = {0, 10, 1};
    private static final double[] TEST_ACTUAL = {5};
    private static final double[] TEST_PREDICTED = {2.5};

    @Test
    void decodesAtItsSizeAndIsDeterministic() {
        byte[] png = PredictionsPlot.png("r", TRAIN_ACTUAL, TRAIN_PREDICTED, TEST_ACTUAL, TEST_PREDICTED);
        BufferedImage image = decode(png);
        assertThat(image.getWidth()).isEqualTo(PredictionsPlot.DEFAULT_WIDTH);
        assertThat(image.getHeight()).isEqualTo(PredictionsPlot.DEFAULT_HEIGHT);
        assertThat(digest(PredictionsPlot.png("r", TRAIN_ACTUAL, TRAIN_PREDICTED, TEST_ACTUAL, TEST_PREDICTED)))
                .isEqualTo(digest(png));
    }

    @Test
    void trainAndTestPointsInTheirColoursOverTheDiagonal() {
        BufferedImage image = PredictionsPlot.render("r", TRAIN_ACTUAL, TRAIN_PREDICTED, TEST_ACTUAL, TEST_PREDICTED, 640, 600);
        XYChart chart = PredictionsPlot.chart("r", TRAIN_ACTUAL, TRAIN_PREDICTED, TEST_ACTUAL, TEST_PREDICTED, 640, 600);
        Graphics2D g = new BufferedImage(640, 600, BufferedImage.TYPE_INT_RGB).createGraphics();
        chart.paint(g, 640, 600);
        g.dispose();

        Color train = colour(image, (int) chart.getScreenXFromChart(9), (int) chart.getScreenYFromChart(1));
        Color test = colour(image, (int) chart.getScreenXFromChart(5), (int) chart.getScreenYFromChart(2.5));
        assertThat(train.getBlue()).isGreaterThan(train.getRed() + 80);
        assertThat(test.getRed()).isGreaterThan(test.getBlue() + 80);

        int onDiagonal = 0;
        for (double v = 2; v <= 8; v += 0.25) {
            Color c = colour(image, (int) Math.round(chart.getScreenXFromChart(v)), (int) Math.round(chart.getScreenYFromChart(v)));
            boolean grey = Math.abs(c.getRed() - c.getBlue()) < 20 && c.getRed() < 200;
            onDiagonal += grey ? 1 : 0;
        }
        assertThat(onDiagonal).isGreaterThan(4);   // a dashed line
        // no colour well off the diagonal where there is no point: background or grid
        Color empty = colour(image, (int) chart.getScreenXFromChart(2), (int) chart.getScreenYFromChart(8));
        assertThat(empty.getRed()).isGreaterThan(200).isCloseTo(empty.getBlue(), within(8));
    }

    @Test
    void bothAxesShareOneRangeAndNonFinitePairsAreCounted() {
        XYChart chart = PredictionsPlot.chart("r", new double[] {0, 1, Double.NaN}, new double[] {100, 2, 3},
                null, null, 640, 600);
        assertThat(chart.getStyler().getXAxisMin()).isEqualTo(chart.getStyler().getYAxisMin());
        assertThat(chart.getStyler().getXAxisMax()).isEqualTo(chart.getStyler().getYAxisMax());
        assertThat(chart.getStyler().getYAxisMax()).isGreaterThanOrEqualTo(100.0);
        assertThat(chart.getTitle()).isEqualTo("r (1 not finite, not drawn)");
        assertThat(chart.getSeriesCollection()).extracting(s -> s.getName())
                .containsExactly("predicted = actual", "train (R² -20001.000)");
    }

    @Test
    void rSquaredByHand() {
        // mean 2, total 2, residual 1
        assertThat(PredictionsPlot.rSquared(new double[] {1, 2, 3}, new double[] {1, 2, 4})).isCloseTo(0.5, within(1e-15));
        assertThat(PredictionsPlot.rSquared(new double[] {4, 4}, new double[] {4, 5})).isNaN();
    }

    @Test
    void refusesUnpairedArrays() {
        assertThatThrownBy(() -> PredictionsPlot.png("r", new double[] {1, 2}, new double[] {1}, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("train: 2 actual values and 1 predictions");
        assertThatThrownBy(() -> PredictionsPlot.png("r", new double[] {1}, new double[] {1}, new double[] {1}, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("test: 1 actual values and no predictions");
    }
}
