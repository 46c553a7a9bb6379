package grad.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class CurvesPlotTest {

    private static TrainingCurves curves(boolean withTest) {
        int n = 25;
        int[] epochs = new int[n];
        double[] loss = new double[n];
        double[] acc = new double[n];
        for (int i = 0; i < n; i++) {
            epochs[i] = i * 4;
            loss[i] = Math.exp(-i / 5.0);
            acc[i] = 1 - 0.5 * Math.exp(-i / 4.0);
        }
        return new TrainingCurves("moons", epochs, loss, acc, withTest ? loss.clone() : null, withTest ? acc.clone() : null,
                "accuracy");
    }

    @Test
    void drawsBothChartsAtTheRequestedSize() {
        BufferedImage image = Fixtures.decode(CurvesPlot.png(curves(true)));
        assertThat(image.getWidth()).isEqualTo(CurvesPlot.DEFAULT_WIDTH);
        assertThat(image.getHeight()).isEqualTo(CurvesPlot.DEFAULT_HEIGHT);
        BufferedImage small = CurvesPlot.render(curves(false), 400, 300);
        assertThat(small.getWidth()).isEqualTo(400);
        assertThat(small.getHeight()).isEqualTo(300);
    }

    @Test
    void theEpochsOfHealthWarningsAreMarked() {
        TrainingCurves plain = curves(false);
        TrainingCurves warned = new TrainingCurves(plain.title(), plain.epochs(), plain.trainLoss(), plain.trainMetric(),
                null, null, plain.metricName(), new int[] {8, 40});
        assertThat(countColour(Fixtures.decode(CurvesPlot.png(plain)), CurvesPlot.WARNING.getRGB())).isZero();
        assertThat(countColour(Fixtures.decode(CurvesPlot.png(warned)), CurvesPlot.WARNING.getRGB())).isGreaterThan(100);
    }

    @Test
    void testCurvesAreDrawnInTheirOwnColour() {
        assertThat(countColour(Fixtures.decode(CurvesPlot.png(curves(true))), Palette.TEST.getRGB())).isGreaterThan(100);
        assertThat(countColour(Fixtures.decode(CurvesPlot.png(curves(false))), Palette.TEST.getRGB())).isZero();
        assertThat(countColour(Fixtures.decode(CurvesPlot.png(curves(false))), Palette.TRAIN.getRGB())).isGreaterThan(100);
    }

    @Test
    void validationCurvesAreDrawnInTheirOwnColour() {
        TrainingCurves plain = curves(true);
        double[] validationLoss = plain.trainLoss().clone();
        double[] validationAccuracy = plain.trainMetric().clone();
        for (int i = 0; i < validationLoss.length; i++) {
            validationLoss[i] = 0.3 + 0.01 * i; // rising: apart from the train and test lines
            validationAccuracy[i] = 0.6;
        }
        TrainingCurves validated = new TrainingCurves(plain.title(), plain.epochs(), plain.trainLoss(), plain.trainMetric(),
                plain.testLoss(), plain.testMetric(), validationLoss, validationAccuracy, plain.metricName(), new int[0]);
        int rgb = Palette.VALIDATION.getRGB();
        assertThat(countColour(Fixtures.decode(CurvesPlot.png(validated)), rgb)).isGreaterThan(200);
        assertThat(countColour(Fixtures.decode(CurvesPlot.png(plain)), rgb)).isZero();
        assertThat(countColour(Fixtures.decode(CurvesPlot.png(validated)), Palette.TEST.getRGB())).isGreaterThan(100);
    }

    @Test
    void sameInputsGiveIdenticalBytes() {
        assertThat(Fixtures.digest(CurvesPlot.png(curves(true)))).isEqualTo(Fixtures.digest(CurvesPlot.png(curves(true))));
    }

    @Test
    void copesWithADivergedRunAndASingleEpochAndAnotherMetric() {
        double[] loss = {1.0, Double.NaN, Double.POSITIVE_INFINITY, 0.5};
        double[] r2 = {-0.3, 0.2, 0.5, 0.9};
        Fixtures.decode(CurvesPlot.png(new TrainingCurves("regression", new int[] {1, 2, 3, 4}, loss, r2, null, null, "R²")));
        Fixtures.decode(CurvesPlot.png(new TrainingCurves("one epoch", new int[] {7}, new double[] {0.4}, new double[] {0.8},
                null, null, "accuracy")));
    }

    @Test
    void rejectsMismatchedArrays() {
        assertThatThrownBy(() -> new TrainingCurves("x", new int[] {1, 2}, new double[2], new double[3], null, null, "accuracy"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrainingCurves("x", new int[] {1}, new double[1], new double[1], new double[1], null, "accuracy"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrainingCurves("x", new int[] {1}, new double[1], new double[1], null, null,
                new double[1], null, "accuracy", new int[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrainingCurves("x", new int[] {1}, new double[1], new double[1], null, null,
                new double[2], new double[2], "accuracy", new int[0])).isInstanceOf(IllegalArgumentException.class);
    }

    private static int countColour(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
