package grad.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueAxisTest {

    private static final double[] FALLING = {0.69, 0.5, 0.3, 0.2, 0.15};
    private static final double[] EXPLODING = {9.7e26, 2.1e63, 1.06e100, 6.8e209, 4.1e282};

    @Test
    void anOrdinaryLossIsLinearFromZeroWithRoomAbove() {
        ValueAxis axis = ValueAxis.fitted("loss", true, FALLING, null);
        assertThat(axis.logarithmic()).isFalse();
        assertThat(axis.range().min()).isZero();
        assertThat(axis.range().max()).isGreaterThan(0.69).isLessThan(0.8);
        assertThat(axis.note()).isEmpty();
        assertThat(axis.drawn(FALLING)).containsExactly(FALLING);
    }

    @Test
    void aLossSpanningManyOrdersOfMagnitudeIsDrawnOnALogScale() {
        ValueAxis axis = ValueAxis.fitted("loss", true, EXPLODING);
        assertThat(axis.logarithmic()).isTrue();
        assertThat(axis.note()).isEqualTo("loss: log scale");
        double[] drawn = axis.drawn(EXPLODING);
        assertThat(drawn[0]).isCloseTo(Math.log10(9.7e26), org.assertj.core.data.Offset.offset(0.01));
        assertThat(drawn[4]).isCloseTo(Math.log10(4.1e282), org.assertj.core.data.Offset.offset(0.01));
        for (double v : drawn) {
            assertThat(axis.range().contains(v)).as("%s", v).isTrue();
        }
        // four orders of magnitude are the threshold
        assertThat(ValueAxis.fitted("loss", true, new double[] {1, 9.99e3}).logarithmic()).isFalse();
        assertThat(ValueAxis.fitted("loss", true, new double[] {1, 1e4}).logarithmic()).isTrue();
    }

    @Test
    void valuesThatAreNotFiniteLeaveGapsAndANote() {
        double[] loss = {0.7, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.5};
        ValueAxis axis = ValueAxis.fitted("loss", true, loss);
        assertThat(axis.note()).isEqualTo("loss: gaps where not finite");
        double[] drawn = axis.drawn(loss);
        assertThat(drawn[0]).isEqualTo(0.7);
        assertThat(drawn[1]).isNaN();
        assertThat(drawn[2]).isNaN();
        assertThat(drawn[3]).isNaN();
        // a metric that is never measured is not a gap
        assertThat(ValueAxis.fitted("R²", false, new double[] {Double.NaN, Double.NaN}).note()).isEmpty();
    }

    @Test
    void valuesBeyondTheDrawableRangeAreClippedAndSaidToBe() {
        ValueAxis huge = ValueAxis.fitted("R²", false, new double[] {-Double.MAX_VALUE, 0.5});
        assertThat(huge.note()).isEqualTo("R²: clipped");
        assertThat(huge.range().min()).isGreaterThanOrEqualTo(-1.1 * Drawable.LIMIT);
        assertThat(huge.drawn(new double[] {-Double.MAX_VALUE})[0]).isEqualTo(-Drawable.LIMIT);

        ValueAxis accuracy = ValueAxis.between("accuracy", 0, 100, new double[] {50, 1e300});
        assertThat(accuracy.note()).isEqualTo("accuracy: clipped");
        assertThat(accuracy.drawn(new double[] {50, 1e300, -3})).containsExactly(50, 100, 0);
        assertThat(ValueAxis.between("accuracy", 0, 100, new double[] {0, 100}).note()).isEmpty();
    }

    @Test
    void drawnValuesPrintShortWhateverTheirDigits() {
        double[] loss = {6.379772628988506E169, -1.234567890123457E14, 0.6931471805599453, 1e9 + 1e-6};
        // at most 9 significant digits, which XChart labels in well under its limit of 20 characters
        for (double v : loss) {
            ValueAxis axis = ValueAxis.fitted("loss", true, new double[] {v});
            assertThat(String.valueOf(axis.drawn(new double[] {v})[0])).as("%s", v).hasSizeLessThanOrEqualTo(14);
            assertThat(String.valueOf(axis.range().min())).hasSizeLessThanOrEqualTo(14);
            assertThat(String.valueOf(axis.range().max())).hasSizeLessThanOrEqualTo(14);
            assertThat(axis.range().contains(axis.drawn(new double[] {v})[0])).isTrue();
        }
    }

    @Test
    void aConstantStillGetsARangeAroundIt() {
        ValueAxis axis = ValueAxis.fitted("R²", false, new double[] {1e9, 1e9, 1e9});
        assertThat(axis.range().contains(1e9)).isTrue();
        assertThat(axis.range().span()).isGreaterThanOrEqualTo(1e9 * Drawable.MIN_RELATIVE_SPAN);
        assertThat(ValueAxis.fitted("loss", true, new double[] {0, 0}).range()).isEqualTo(new AxisRange(0, 1.05));
    }

    @Test
    void logLabelsReadAsPowersOfTen() {
        assertThat(ValueAxis.powerOfTen(0)).isEqualTo("1");
        assertThat(ValueAxis.powerOfTen(2)).isEqualTo("100");
        assertThat(ValueAxis.powerOfTen(-2)).isEqualTo("0.01");
        assertThat(ValueAxis.powerOfTen(0.5)).isEqualTo("3.2");
        assertThat(ValueAxis.powerOfTen(50)).isEqualTo("1e50");
        assertThat(ValueAxis.powerOfTen(49.99999999999)).isEqualTo("1e50");
        assertThat(ValueAxis.powerOfTen(-7)).isEqualTo("1e-7");
        assertThat(ValueAxis.powerOfTen(150.5)).isEqualTo("3.2e150");
        assertThat(ValueAxis.powerOfTen(-300)).isEqualTo("1e-300");
    }

    @Test
    void theTitleSaysWhatWasDoneToDrawTheValues() {
        ValueAxis log = ValueAxis.fitted("loss", true, EXPLODING);
        ValueAxis plain = ValueAxis.between("accuracy", 0, 100, new double[] {50});
        ValueAxis gaps = ValueAxis.fitted("R²", false, new double[] {0.5, Double.NaN});
        assertThat(CurvesPlot.title("xor", plain)).isEqualTo("xor");
        assertThat(CurvesPlot.title("xor", log, plain, gaps)).isEqualTo("xor (loss: log scale; R²: gaps where not finite)");
    }
}
