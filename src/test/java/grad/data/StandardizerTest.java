package grad.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StandardizerTest {

    @Test
    void usesMeanAndPopulationStd() {
        double[][] f = {{1, 10}, {2, 10}, {3, 10}, {4, 10}};
        Dataset d = Dataset.regression("r", List.of("a", "b"), f, new double[] {0, 0, 0, 0});
        Standardizer s = Standardizer.fit(d);
        assertThat(s.means()).containsExactly(2.5, 10.0);
        // population std of 1..4 is sqrt(1.25); a constant column gets std 1
        assertThat(s.stds()).containsExactly(Math.sqrt(1.25), 1.0);
        Dataset z = s.transform(d);
        assertThat(z.feature(0, 0)).isCloseTo(-1.5 / Math.sqrt(1.25), within(1e-15));
        assertThat(z.feature(2, 1)).isZero();
        assertThat(z.targets()).isEqualTo(d.targets());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void trainingStatisticsOnly(long seed) {
        Dataset data = SyntheticDataset.MOONS.generate(100, seed);
        Split split = Split.stratified(data, 0.3, seed);
        Standardizer s = Standardizer.fit(split.train());
        Dataset train = s.transform(split.train());
        Dataset test = s.transform(split.test());
        for (int j = 0; j < 2; j++) {
            assertThat(mean(train, j)).isCloseTo(0.0, within(1e-12));
            assertThat(std(train, j)).isCloseTo(1.0, within(1e-12));
            // the test set is scaled with the training statistics, so it is not centred exactly
            assertThat(Math.abs(mean(test, j))).isGreaterThan(1e-6);
        }
        assertThat(test.labels()).isEqualTo(split.test().labels());
    }

    @Test
    void inverseUndoesTransform() {
        Dataset data = SyntheticDataset.CIRCLES.generate(20, 9);
        Standardizer s = Standardizer.fit(data);
        Dataset back = s.inverse(s.transform(data));
        for (int i = 0; i < data.size(); i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(back.feature(i, j)).isCloseTo(data.feature(i, j), within(1e-12));
            }
        }
        double[] row = {1.0, -2.0};
        double[] z = new double[2];
        s.transform(row, z);
        s.inverse(z, z);
        assertThat(z[0]).isCloseTo(1.0, within(1e-12));
        assertThat(z[1]).isCloseTo(-2.0, within(1e-12));
    }

    @Test
    void rebuildsFromStoredStatistics() {
        Standardizer fitted = Standardizer.fit(SyntheticDataset.XOR.generate(50, 1));
        Standardizer stored = Standardizer.of(fitted.means(), fitted.stds());
        double[] a = new double[2];
        double[] b = new double[2];
        fitted.transform(new double[] {0.3, 4.0}, a);
        stored.transform(new double[] {0.3, 4.0}, b);
        assertThat(a).isEqualTo(b);
        assertThatThrownBy(() -> Standardizer.of(new double[] {0}, new double[] {0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Standardizer.of(new double[] {0, 1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double mean(Dataset d, int j) {
        double sum = 0;
        for (int i = 0; i < d.size(); i++) {
            sum += d.feature(i, j);
        }
        return sum / d.size();
    }

    private static double std(Dataset d, int j) {
        double m = mean(d, j);
        double sum = 0;
        for (int i = 0; i < d.size(); i++) {
            sum += (d.feature(i, j) - m) * (d.feature(i, j) - m);
        }
        return Math.sqrt(sum / d.size());
    }
}
