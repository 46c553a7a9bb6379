package grad.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticDatasetTest {

    @ParameterizedTest
    @CsvSource({"linear, LINEAR", "line, LINEAR", "XOR, XOR", "moons, MOONS", "Moon, MOONS",
        "circles, CIRCLES", " circle , CIRCLES", "spiral, SPIRAL", "Gaussian, GAUSSIAN", "gauss, GAUSSIAN"})
    void findsDatasetsByNameAndGradRsAlias(String name, SyntheticDataset expected) {
        assertThat(SyntheticDataset.fromName(name)).isEqualTo(expected);
    }

    @Test
    void unknownNameListsTheValidOnes() {
        assertThatThrownBy(() -> SyntheticDataset.fromName("spirals"))
                .isInstanceOf(DataException.class)
                .hasMessage("unknown dataset \"spirals\"; expected one of: linear, xor, moons, circles, spiral,"
                        + " gaussian (or line, moon, circle, gauss)");
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

    @ParameterizedTest
    @EnumSource(SyntheticDataset.class)
    void theDefaultNoiseGivesTodaysPoints(SyntheticDataset kind) {
        Dataset today = kind.generate(200, 42);
        Dataset knob = kind.generate(200, 42, kind.defaultNoise());
        assertThat(knob.labels()).isEqualTo(today.labels());
        for (int i = 0; i < today.size(); i++) {
            assertThat(knob.feature(i, 0)).isCloseTo(today.feature(i, 0), within(1e-15));
            assertThat(knob.feature(i, 1)).isCloseTo(today.feature(i, 1), within(1e-15));
        }
        assertThat(kind.defaultNoise()).isBetween(0.0, SyntheticDataset.MAX_NOISE);
    }

    @Test
    void todaysAmountsAsKnobValues() {
        assertThat(SyntheticDataset.LINEAR.defaultNoise()).isZero();
        assertThat(SyntheticDataset.XOR.defaultNoise()).isZero();
        assertThat(SyntheticDataset.MOONS.defaultNoise()).isCloseTo(0.1 / 3, within(1e-17));
        assertThat(SyntheticDataset.CIRCLES.defaultNoise()).isEqualTo(0.25);
        assertThat(SyntheticDataset.SPIRAL.defaultNoise()).isEqualTo(0.1);
        assertThat(SyntheticDataset.GAUSSIAN.defaultNoise()).isZero();
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 0.5000001, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsNoiseOutsideZeroToAHalf(double noise) {
        assertThatThrownBy(() -> SyntheticDataset.XOR.generate(10, 1, noise))
                .isInstanceOf(DataException.class)
                .hasMessage("noise must be between 0 and 0.5, got " + noise);
    }

    @Test
    void linearNoiseFlipsLabelsOnlyNearTheLine() {
        Dataset d = SyntheticDataset.LINEAR.generate(2000, 7, 0.1);
        int flipped = 0;
        for (int i = 0; i < d.size(); i++) {
            double x = d.feature(i, 0);
            double y = d.feature(i, 1);
            assertThat(x).isGreaterThanOrEqualTo(-5.0).isLessThan(5.0);
            if (d.label(i) != (x > y ? 0 : 1)) {
                flipped++;
                assertThat(Math.abs(x - y)).isLessThan(2 * 5 * 0.1);   // each coordinate moved < 0.5
            }
        }
        assertThat(flipped).isBetween(20, 200);
    }

    @Test
    void xorNoiseFlipsLabelsOnlyNearTheAxes() {
        Dataset d = SyntheticDataset.XOR.generate(2000, 8, 0.2);
        int flipped = 0;
        for (int i = 0; i < d.size(); i++) {
            double x = d.feature(i, 0);
            double y = d.feature(i, 1);
            if (d.label(i) != (x * y > 0 ? 0 : 1)) {
                flipped++;
                assertThat(Math.min(Math.abs(x), Math.abs(y))).isLessThan(5 * 0.2);
            }
        }
        assertThat(flipped).isGreaterThan(50);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.2, 0.5})
    void moonsNoiseIsAFractionOfTheRadius(double noise) {
        Dataset d = SyntheticDataset.MOONS.generate(300, 4, noise);
        double reach = 3 * noise * Math.sqrt(2) + 1e-12;
        double farthest = 0;
        for (int i = 0; i < d.size(); i++) {
            double cx = d.label(i) == 0 ? d.feature(i, 0) : d.feature(i, 0) - 2;
            double cy = d.label(i) == 0 ? d.feature(i, 1) : -(d.feature(i, 1) + 0.2);
            double off = Math.abs(Math.hypot(cx, cy) - 3);
            assertThat(off).isLessThanOrEqualTo(reach);
            farthest = Math.max(farthest, off);
        }
        assertThat(farthest).isGreaterThanOrEqualTo(noise * 3 * 0.8);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.1, 0.5})
    void circlesNoiseScalesEachRadius(double noise) {
        Dataset d = SyntheticDataset.CIRCLES.generate(300, 5, noise);
        double[] radii = {1, 3, 5};
        double widest = 0;
        for (int i = 0; i < d.size(); i++) {
            double ratio = Math.hypot(d.feature(i, 0), d.feature(i, 1)) / radii[d.label(i)];
            assertThat(ratio).isBetween(1 - noise - 1e-12, 1 + noise + 1e-12);
            widest = Math.max(widest, Math.abs(ratio - 1));
        }
        assertThat(widest).isGreaterThanOrEqualTo(noise * 0.9);
    }

    @Test
    void spiralWithoutNoiseIsPlaygroundsCurve() {
        Dataset d = SyntheticDataset.spiral("spiral", 4, new SplittableRandom(1), 0);
        // r = 5i/4, t = 1.75·2π·i/4 (+ π for class 1), (r sin t, r cos t)
        double s8 = Math.sin(Math.PI / 8);   // 0.3826834323650898
        double c8 = Math.cos(Math.PI / 8);   // 0.9238795325112867
        double h = Math.sqrt(0.5);
        double[][] expected = {
            {0, 0}, {1.25 * s8, -1.25 * c8}, {-2.5 * h, 2.5 * h}, {3.75 * c8, -3.75 * s8},
            {0, -0.0}, {-1.25 * s8, 1.25 * c8}, {2.5 * h, -2.5 * h}, {-3.75 * c8, 3.75 * s8},
        };
        assertThat(d.size()).isEqualTo(8);
        assertThat(d.featureNames()).containsExactly("x", "y");
        assertThat(d.classNames()).containsExactly("0", "1");
        assertThat(d.labels()).containsExactly(0, 0, 0, 0, 1, 1, 1, 1);
        for (int i = 0; i < 8; i++) {
            assertThat(d.feature(i, 0)).as("x of row %d", i).isCloseTo(expected[i][0], within(1e-14));
            assertThat(d.feature(i, 1)).as("y of row %d", i).isCloseTo(expected[i][1], within(1e-14));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 42})
    void spiralNoiseMovesEachCoordinateByLessThanTheKnob(long seed) {
        Dataset clean = SyntheticDataset.spiral("spiral", 500, new SplittableRandom(seed), 0);
        Dataset noisy = SyntheticDataset.spiral("spiral", 500, new SplittableRandom(seed), 0.3);
        Dataset again = SyntheticDataset.spiral("spiral", 500, new SplittableRandom(seed), 0.3);
        double largest = 0;
        for (int i = 0; i < clean.size(); i++) {
            for (int j = 0; j < 2; j++) {
                double moved = Math.abs(noisy.feature(i, j) - clean.feature(i, j));
                assertThat(moved).isLessThanOrEqualTo(0.3);
                largest = Math.max(largest, moved);
            }
        }
        assertThat(largest).isGreaterThan(0.29);
        assertThat(again.features()).isDeepEqualTo(noisy.features());
        assertThat(SyntheticDataset.spiral("spiral", 500, new SplittableRandom(seed + 1), 0.3).features())
                .isNotEqualTo(noisy.features());
    }

    @ParameterizedTest
    @CsvSource({"0, 0.5", "0.5, 4", "0.2, 1.9"})
    void gaussianBlobsAtPlusTwoAndMinusTwoWithPlaygroundsVariance(double noise, double variance) {
        int n = 4000;
        Dataset d = SyntheticDataset.gaussian("gaussian", n, new SplittableRandom(3), noise);
        assertThat(d.classCounts()).containsExactly(n, n);
        assertThat(d.labels()[0]).isZero();
        for (int c = 0; c < 2; c++) {
            double centre = c == 0 ? 2 : -2;
            for (int j = 0; j < 2; j++) {
                double sum = 0;
                double squares = 0;
                for (int i = c * n; i < (c + 1) * n; i++) {
                    sum += d.feature(i, j);
                    squares += (d.feature(i, j) - centre) * (d.feature(i, j) - centre);
                }
                assertThat(sum / n).isCloseTo(centre, within(4 * Math.sqrt(variance / n)));
                assertThat(squares / n).isCloseTo(variance, within(variance * 0.08));
            }
        }
        Dataset same = SyntheticDataset.gaussian("gaussian", n, new SplittableRandom(3), noise);
        assertThat(same.features()).isDeepEqualTo(d.features());
    }

    @Test
    void spiralAndGaussianByNameAreThePlaygroundGenerators() {
        assertThat(SyntheticDataset.SPIRAL.generate(50, 9).features())
                .isEqualTo(SyntheticDataset.spiral("spiral", 50, new SplittableRandom(9), 0.1).features());
        assertThat(SyntheticDataset.GAUSSIAN.generate(50, 9, 0.2).features())
                .isEqualTo(SyntheticDataset.gaussian("gaussian", 50, new SplittableRandom(9), 0.2).features());
        assertThat(SyntheticDataset.SPIRAL.generate(50, 9).size()).isEqualTo(100);
        assertThat(SyntheticDataset.GAUSSIAN.generate(50, 9).name()).isEqualTo("gaussian");
    }
}
