package grad.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticDatasetTest {

    @ParameterizedTest
    @CsvSource({"linear, LINEAR", "line, LINEAR", "XOR, XOR", "moons, MOONS", "Moon, MOONS",
        "circles, CIRCLES", " circle , CIRCLES"})
    void findsDatasetsByNameAndGradRsAlias(String name, SyntheticDataset expected) {
        assertThat(SyntheticDataset.fromName(name)).isEqualTo(expected);
    }

    @Test
    void unknownNameListsTheValidOnes() {
        assertThatThrownBy(() -> SyntheticDataset.fromName("spiral"))
                .isInstanceOf(DataException.class)
                .hasMessage("unknown dataset \"spiral\"; expected one of: linear, xor, moons, circles"
                        + " (or line, moon, circle)");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, -7, Long.MAX_VALUE})
    void linearPointsAreInTheSquareAndLabelledByXGreaterThanY(long seed) {
        Dataset d = SyntheticDataset.LINEAR.generate(300, seed);
        assertThat(d.size()).isEqualTo(300);
        assertThat(d.name()).isEqualTo("linear");
        assertThat(d.featureNames()).containsExactly("x", "y");
        assertThat(d.classNames()).containsExactly("0", "1");
        for (int i = 0; i < d.size(); i++) {
            double x = d.feature(i, 0);
            double y = d.feature(i, 1);
            assertThat(x).isBetween(-5.0, 5.0).isNotEqualTo(5.0);
            assertThat(y).isBetween(-5.0, 5.0).isNotEqualTo(5.0);
            assertThat(d.label(i)).isEqualTo(x > y ? 0 : 1);
        }
        assertThat(java.util.Arrays.stream(d.classCounts()).min().getAsInt()).isGreaterThan(100);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, -7, Long.MIN_VALUE})
    void xorPointsAreLabelledBySign(long seed) {
        Dataset d = SyntheticDataset.XOR.generate(400, seed);
        assertThat(d.size()).isEqualTo(400);
        int[] quadrants = new int[4];
        for (int i = 0; i < d.size(); i++) {
            double x = d.feature(i, 0);
            double y = d.feature(i, 1);
            assertThat(x).isGreaterThanOrEqualTo(-5.0).isLessThan(5.0);
            assertThat(y).isGreaterThanOrEqualTo(-5.0).isLessThan(5.0);
            assertThat(d.label(i)).isEqualTo(x * y > 0 ? 0 : 1);
            quadrants[(x > 0 ? 1 : 0) + (y > 0 ? 2 : 0)]++;
        }
        assertThat(java.util.Arrays.stream(quadrants).min().getAsInt()).isGreaterThan(50);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 3, 99})
    void moonsHaveClassSizePointsPerClassOnTheirArcs(long seed) {
        Dataset d = SyntheticDataset.MOONS.generate(150, seed);
        assertThat(d.size()).isEqualTo(300);
        assertThat(d.classCounts()).containsExactly(150, 150);
        double noise = 0.1 * Math.sqrt(2) + 1e-12;
        for (int i = 0; i < d.size(); i++) {
            double x = d.feature(i, 0);
            double y = d.feature(i, 1);
            // Undo the shift and mirror of class 1: both then lie on the circle of radius 3 about 0.
            double cx = d.label(i) == 0 ? x : x - 2;
            double cy = d.label(i) == 0 ? y : -(y + 0.2);
            assertThat(Math.hypot(cx, cy)).isBetween(3 - noise, 3 + noise);
            // θ in [-π/4, 5π/4): the arc's lowest point is 3 sin(-π/4) below its centre.
            assertThat(cy).isGreaterThanOrEqualTo(-3 * Math.sin(Math.PI / 4) - 0.1);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 5, 2024})
    void circlesHaveThreeRingsOfClassSizePoints(long seed) {
        Dataset d = SyntheticDataset.CIRCLES.generate(100, seed);
        assertThat(d.size()).isEqualTo(300);
        assertThat(d.classNames()).containsExactly("0", "1", "2");
        assertThat(d.classCounts()).containsExactly(100, 100, 100);
        double[] radii = {1, 3, 5};
        for (int i = 0; i < d.size(); i++) {
            double r = Math.hypot(d.feature(i, 0), d.feature(i, 1));
            double big = radii[d.label(i)];
            assertThat(r).isGreaterThanOrEqualTo(big * 0.75 - 1e-12).isLessThan(big * 1.25 + 1e-12);
        }
    }

    @ParameterizedTest
    @EnumSource(SyntheticDataset.class)
    void sameSeedGivesIdenticalDataAndAnotherSeedDifferentData(SyntheticDataset kind) {
        Dataset a = kind.generate(50, 1234);
        Dataset b = kind.generate(50, 1234);
        Dataset c = kind.generate(50, 1235);
        assertThat(a.features()).isDeepEqualTo(b.features());
        assertThat(a.labels()).isEqualTo(b.labels());
        assertThat(a.features()).isNotEqualTo(c.features());
        assertThat(a.features()[0]).isNotEqualTo(c.features()[0]);
        assertThat(a.name()).isEqualTo(kind.canonicalName());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, SyntheticDataset.MAX_CLASS_SIZE + 1})
    void rejectsBadClassSizes(int size) {
        assertThatThrownBy(() -> SyntheticDataset.MOONS.generate(size, 1))
                .isInstanceOf(DataException.class)
                .hasMessage("class size must be between 1 and 1000000, got " + size);
    }
}
