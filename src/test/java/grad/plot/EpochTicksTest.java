package grad.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The curves' epoch axis is labelled by its length, and tick labels keep their leading zero. */
class EpochTicksTest {

    /**
     * By hand: a label of d digits takes d·7.5 + 20 px; on 440 px, 3-digit labels fit 10 side by side, so
     * at most 9 intervals: 199 epochs / 9 = 22.1, rounded up to a round step, 50.
     */
    @ParameterizedTest
    @CsvSource({"1, 5, 440, 1", "1, 50, 440, 5", "1, 200, 440, 50", "1, 1000, 440, 200", "1, 100000, 440, 20000",
            "51, 100, 440, 10", "1, 200, 1000, 10"})
    void theStepIsTheRoundestThatFitsTheAxis(int first, int last, double pixels, int step) {
        assertThat(EpochTicks.step(first, last, pixels)).isEqualTo(step);
    }

    /**
     * 200 epochs at the default size: the labels under the accuracy chart are apart (XChart's own put 20 there,
     * "101111121131…" run together). The label row is the second band of ink from the bottom (the axis title
     * "epoch" is the first); the labels are its runs of inked columns.
     */
    @ParameterizedTest
    @CsvSource({"200", "1000", "30"})
    void theEpochLabelsDoNotRunTogether(int epochs) {
        int[] e = new int[epochs];
        double[] loss = new double[epochs];
        double[] accuracy = new double[epochs];
        for (int i = 0; i < epochs; i++) {
            e[i] = i + 1;
            loss[i] = 0.3 / (i + 1);
            accuracy[i] = 0.5 + 0.4 * i / epochs;
        }
        BufferedImage image = CurvesPlot.render(new TrainingCurves("t", e, loss, accuracy, null, null, "accuracy",
                new int[0]), CurvesPlot.DEFAULT_WIDTH, CurvesPlot.DEFAULT_HEIGHT);
        List<int[]> bands = inkedRuns(image.getHeight(), y -> rowHasInk(image, y), true, 2);
        int[] labelRows = bands.get(1);
        List<int[]> labels = inkedRuns(image.getWidth(), x -> columnHasInk(image, x, labelRows), false, 6);
        // the digits of one label are at most 6 px apart (a narrow 1); labels at least 12
        assertThat(labels.size()).as("labels").isBetween(3, 12);
        for (int i = 1; i < labels.size(); i++) {
            assertThat(labels.get(i)[0] - labels.get(i - 1)[1]).as("gap before label %d", i).isGreaterThanOrEqualTo(12);
        }
    }

    @ParameterizedTest
    @CsvSource({"0.05, 0.05", "0.1, 0.1", "0.15000000000000002, 0.15", "0, 0", "-0.25, -0.25", "100, 100",
            "2.5, 2.5", "0.00012, 0.00012", "1.5e-7, 1.5e-7", "30000000, 3e7"})
    void tickLabelsKeepTheirLeadingZero(double value, String label) {
        assertThat(ValueAxis.decimal(value)).isEqualTo(label);
    }

    @Test
    void theLossAxisOfTheCurvesReadsWithALeadingZero() {
        org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChart(100, 100);
        ValueAxis.fitted("loss", true, new double[] {0.2, 0.04}).applyTo(chart.getStyler());
        assertThat(chart.getStyler().getYAxisTickLabelsFormattingFunction().apply(0.05)).isEqualTo("0.05");
    }

    /** Runs of indices (from the end when {@code backwards}) where {@code inked} holds, gaps up to {@code join} joined. */
    private static List<int[]> inkedRuns(int n, java.util.function.IntPredicate inked, boolean backwards, int join) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        int last = -10;
        for (int k = 0; k < n; k++) {
            int i = backwards ? n - 1 - k : k;
            if (!inked.test(i)) {
                continue;
            }
            if (Math.abs(i - last) > join + 1) {
                if (start >= 0) {
                    runs.add(new int[] {Math.min(start, last), Math.max(start, last)});
                }
                start = i;
            }
            last = i;
        }
        if (start >= 0) {
            runs.add(new int[] {Math.min(start, last), Math.max(start, last)});
        }
        return runs;
    }

    private static boolean dark(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r + g + b < 3 * 110;
    }

    private static boolean rowHasInk(BufferedImage image, int y) {
        for (int x = 0; x < image.getWidth(); x++) {
            if (dark(image.getRGB(x, y))) {
                return true;
            }
        }
        return false;
    }

    private static boolean columnHasInk(BufferedImage image, int x, int[] rows) {
        for (int y = rows[0]; y <= rows[1]; y++) {
            if (dark(image.getRGB(x, y))) {
                return true;
            }
        }
        return false;
    }
}
