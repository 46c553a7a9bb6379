package grad.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever the numbers, a picture is finished in a moment and decodes. The bound is generous: a picture
 * takes well under a second, and XChart's endless tick layout (issue 18) never finishes at all.
 */
class ExtremeValuesTest {

    private static final Duration BOUND = Duration.ofSeconds(60);
    /** The loss of epoch 1 of the README's divergence example, which XChart could not lay out. */
    private static final double README_LOSS = 6.379772628988506E169;
    private static final double INF = Double.POSITIVE_INFINITY;

    static Stream<Arguments> losses() {
        return Stream.of(
                Arguments.of("the README's divergence", new double[] {README_LOSS}),
                Arguments.of("1e300", new double[] {1e300}),
                Arguments.of("exploding", new double[] {0.7, 9.7e26, 2.1e63, 1e100, README_LOSS, 1e300}),
                Arguments.of("NaN and infinities", new double[] {0.7, Double.NaN, INF, -INF, 0.5}),
                Arguments.of("nothing finite", new double[] {Double.NaN, INF, -INF}),
                Arguments.of("1e-300 to 1e300", new double[] {1e-300, 1, 1e300, 0}),
                Arguments.of("beyond 1e300", new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE}),
                Arguments.of("negative", new double[] {-README_LOSS, -1.234567890123457E14}),
                Arguments.of("a tiny range at 1e9", new double[] {1e9, 1e9 + 1e-6, 1e9}),
                Arguments.of("constant", new double[] {0.5050, 0.5050, 0.5050}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void curvesOfAnyLossDecode(String what, double[] loss) {
        int n = loss.length;
        int[] epochs = new int[n];
        double[] accuracy = new double[n];
        double[] testAccuracy = new double[n];
        for (int i = 0; i < n; i++) {
            epochs[i] = 1 + 5 * i;
            accuracy[i] = 0.539;
            testAccuracy[i] = i % 2 == 0 ? 1e300 : Double.NaN;
        }
        TrainingCurves curves = new TrainingCurves("xor", epochs, loss, accuracy, loss.clone(), testAccuracy, "accuracy");
        BufferedImage image = Fixtures.decode(assertTimeoutPreemptively(BOUND, () -> CurvesPlot.png(curves)));
        assertThat(image.getWidth()).isEqualTo(CurvesPlot.DEFAULT_WIDTH);
        assertThat(image.getHeight()).isEqualTo(CurvesPlot.DEFAULT_HEIGHT);

        // and a regression's R², which has no bound below
        TrainingCurves r2 = new TrainingCurves("sine", epochs, loss, loss.clone(), null, null, "R²");
        assertThat(Fixtures.decode(assertTimeoutPreemptively(BOUND, () -> CurvesPlot.png(r2))).getWidth())
                .isEqualTo(CurvesPlot.DEFAULT_WIDTH);
    }

    static Stream<Arguments> coordinates() {
        return Stream.of(
                Arguments.of("±1e300", new double[] {-1e300, 1e300, 0}),
                Arguments.of("the largest doubles", new double[] {-Double.MAX_VALUE, Double.MAX_VALUE, 0}),
                Arguments.of("one long value", new double[] {-1.234567890123457E14, -1.234567890123457E14, -1.234567890123457E14}),
                Arguments.of("a tiny range at 1e9", new double[] {1e9, 1e9 + 1e-6, 1e9}),
                Arguments.of("a tiny range at 0", new double[] {1e-300, 2e-300, 0}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coordinates")
    void dataAndBoundaryAtAnyCoordinatesDecode(String what, double[] xs) {
        PlotData data = new PlotData(what, xs, new double[] {0.1, 0.2, 0.3}, new int[] {0, 1, 0}, List.of("a", "b"));
        assertThat(Fixtures.decode(assertTimeoutPreemptively(BOUND, () -> DatasetPlot.png(data))).getWidth()).isEqualTo(640);
        byte[] frame = assertTimeoutPreemptively(BOUND, () -> new DecisionBoundaryPlot(data).png(Fixtures.leftRight(), 3, 0.5));
        assertThat(Fixtures.decode(frame).getHeight()).isEqualTo(DecisionBoundaryPlot.DEFAULT_HEIGHT);
    }

    static Stream<Arguments> probabilities() {
        return Stream.of(
                Arguments.of("logits ±1e300", new double[] {1e300, -1e300}),
                Arguments.of("NaN", new double[] {Double.NaN, Double.NaN}),
                Arguments.of("±infinity", new double[] {INF, -INF}),
                Arguments.of("-1e300 and NaN", new double[] {-1e300, Double.NaN}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probabilities")
    void aBoundaryOfAnyProbabilitiesDecodes(String what, double[] p) {
        ProbabilityField field = (x, y, out) -> System.arraycopy(p, 0, out, 0, 2);
        DecisionBoundaryPlot plot = new DecisionBoundaryPlot(Fixtures.xor());
        BufferedImage image = Fixtures.decode(assertTimeoutPreemptively(BOUND, () -> plot.png(field, 1, Double.NaN)));
        assertThat(image.getWidth()).isEqualTo(DecisionBoundaryPlot.DEFAULT_WIDTH);
        assertThat(image.getHeight()).isEqualTo(DecisionBoundaryPlot.DEFAULT_HEIGHT);
    }

    @Test
    void aProbabilityBeyondOneIsDrawnAsCertainty() {
        DecisionBoundaryPlot plot = new DecisionBoundaryPlot(Fixtures.xor());
        BufferedImage image = plot.render((x, y, out) -> {
            out[0] = 1e300;
            out[1] = -1e300;
        }, 1);
        PlotArea area = plot.plotArea();
        // a corner of the plot, away from the points, grid lines and rings
        Color corner = Fixtures.colour(image, (int) area.left() + 3, (int) area.top() + 3);
        assertThat(corner).isEqualTo(Palette.tint(0));
    }
}
