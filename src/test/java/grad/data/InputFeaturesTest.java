package grad.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import grad.data.InputFeatures.Feature;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputFeaturesTest {

    @Test
    void everyFeatureAtAHandPoint() {
        InputFeatures all = InputFeatures.parse("x,y,x2,y2,xy,sinx,siny");
        double[] v = all.apply(2, -3);
        assertThat(v[0]).isEqualTo(2);
        assertThat(v[1]).isEqualTo(-3);
        assertThat(v[2]).isEqualTo(4);
        assertThat(v[3]).isEqualTo(9);
        assertThat(v[4]).isEqualTo(-6);
        assertThat(v[5]).isCloseTo(0.9092974268256817, within(1e-15));    // sin 2
        assertThat(v[6]).isCloseTo(-0.1411200080598672, within(1e-15));   // sin(-3)
        assertThat(all.size()).isEqualTo(7);
    }

    @Test
    void keepsTheListedOrderAndReadsItBack() {
        InputFeatures f = InputFeatures.parse(" SinY , xy,x ");
        assertThat(f.features()).containsExactly(Feature.SINY, Feature.XY, Feature.X);
        assertThat(f.apply(0.5, Math.PI / 2)).containsExactly(1.0, Math.PI / 4, 0.5);
        assertThat(f.toString()).isEqualTo("siny,xy,x");
        assertThat(InputFeatures.parse(f.toString())).isEqualTo(f);
        assertThat(f.isDefault()).isFalse();
    }

    @Test
    void theDefaultIsThePointItself() {
        assertThat(InputFeatures.DEFAULT.ids()).containsExactly("x", "y");
        assertThat(InputFeatures.parse("x, y").isDefault()).isTrue();
        assertThat(InputFeatures.parse("y,x").isDefault()).isFalse();
        assertThat(InputFeatures.DEFAULT.apply(-1.5, 7)).containsExactly(-1.5, 7.0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x,z     | unknown input feature 'z'; expected some of x, y, x2, y2, xy, sinx, siny",
        "x^2     | unknown input feature 'x^2'; expected some of x, y, x2, y2, xy, sinx, siny",
        "x,,y    | unknown input feature ''; expected some of x, y, x2, y2, xy, sinx, siny",
        "x,y,X   | input feature 'x' is listed twice",
        "'  '    | no input features given; expected some of x, y, x2, y2, xy, sinx, siny",
    })
    void badListsSayWhatIsWrong(String list, String message) {
        assertThatThrownBy(() -> InputFeatures.parse(list))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void mapsADatasetAndNamesTheColumnsAfterItsOwn() {
        Dataset data = Dataset.classification("d", List.of("u", "v"),
                new double[][] {{1, 2}, {-0.5, 3}}, new int[] {1, 0}, List.of("a", "b"));
        Dataset mapped = InputFeatures.parse("x2,xy,sinx,y").apply(data);
        assertThat(mapped.featureNames()).containsExactly("u^2", "u*v", "sin(u)", "v");
        assertThat(mapped.row(0)).containsExactly(1.0, 2.0, Math.sin(1), 2.0);
        assertThat(mapped.row(1)).containsExactly(0.25, -1.5, Math.sin(-0.5), 3.0);
        assertThat(mapped.labels()).containsExactly(1, 0);
        assertThat(mapped.classNames()).containsExactly("a", "b");
        assertThat(mapped.name()).isEqualTo("d");
    }

    @Test
    void mapsRegressionTargetsThrough() {
        Dataset data = Dataset.regression("r", List.of("x", "y"), new double[][] {{3, 4}}, new double[] {7.5});
        Dataset mapped = InputFeatures.parse("y2,x").apply(data);
        assertThat(mapped.featureNames()).containsExactly("y^2", "x");
        assertThat(mapped.row(0)).containsExactly(16.0, 3.0);
        assertThat(mapped.targets()).containsExactly(7.5);
    }

    @Test
    void onlyTwoDimensionalDataHasTheseFeatures() {
        Dataset three = Dataset.regression("r", List.of("a", "b", "c"), new double[][] {{1, 2, 3}}, new double[] {0});
        assertThatThrownBy(() -> InputFeatures.DEFAULT.apply(three))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input features need data with 2 features, not 3");
    }

    @Test
    void ofRejectsRepeats() {
        assertThat(InputFeatures.of(Feature.X, Feature.Y)).isEqualTo(InputFeatures.DEFAULT);
        assertThatThrownBy(() -> InputFeatures.of(Feature.X, Feature.X)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InputFeatures.of()).isInstanceOf(IllegalArgumentException.class);
    }
}
