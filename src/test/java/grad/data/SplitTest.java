package grad.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SplitTest {
    /** 60 rows of class 0, 30 of class 1, 10 of class 2, interleaved. */
    private static Dataset unbalanced() {
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            labels.add(i % 10 == 0 ? 2 : i % 10 < 4 ? 1 : 0);
        }
        double[][] f = new double[100][];
        for (int i = 0; i < 100; i++) {
            f[i] = new double[] {i, -i};
        }
        return Dataset.classification("u", List.of("a", "b"), f,
                labels.stream().mapToInt(Integer::intValue).toArray(), List.of("0", "1", "2"));
    }

    @ParameterizedTest
    @CsvSource({"0.2, 1, 12, 6, 2", "0.2, 2, 12, 6, 2", "0.25, 3, 15, 8, 3", "0.5, 4, 30, 15, 5"})
    void eachClassKeepsItsShare(double fraction, long seed, int test0, int test1, int test2) {
        Dataset data = unbalanced();
        Split split = Split.stratified(data, fraction, seed);
        assertThat(split.test().classCounts()).containsExactly(test0, test1, test2);
        assertThat(split.train().classCounts()).containsExactly(60 - test0, 30 - test1, 10 - test2);
        assertThat(split.train().classNames()).isEqualTo(data.classNames());
        assertThat(split.test().classNames()).isEqualTo(data.classNames());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void rowsArePartitionedAndKeepTheirData(long seed) {
        Dataset data = unbalanced();
        Split split = Split.stratified(data, 0.3, seed);
        int[] all = IntStream.concat(Arrays.stream(split.trainRows()), Arrays.stream(split.testRows()))
                .sorted().toArray();
        assertThat(all).isEqualTo(IntStream.range(0, 100).toArray());
        assertThat(split.testRows()).isSorted();
        int[] test = split.testRows();
        for (int i = 0; i < test.length; i++) {
            assertThat(split.test().row(i)).isEqualTo(data.row(test[i]));
            assertThat(split.test().label(i)).isEqualTo(data.label(test[i]));
        }
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        Dataset data = unbalanced();
        assertThat(Split.stratified(data, 0.3, 7).testRows()).isEqualTo(Split.stratified(data, 0.3, 7).testRows());
        assertThat(Split.stratified(data, 0.3, 7).testRows()).isNotEqualTo(Split.stratified(data, 0.3, 8).testRows());
    }

    @Test
    void zeroFractionKeepsEverythingForTraining() {
        Split split = Split.stratified(unbalanced(), 0.0, 1);
        assertThat(split.test().size()).isZero();
        assertThat(split.train().size()).isEqualTo(100);
    }

    @Test
    void everyClassKeepsATrainingRow() {
        double[][] f = {{0}, {1}, {2}, {3}};
        Dataset tiny = Dataset.classification("t", List.of("x"), f, new int[] {0, 1, 1, 1}, List.of("a", "b"));
        Split split = Split.stratified(tiny, 0.9, 5);
        assertThat(split.train().classCounts()).containsExactly(1, 1);
        assertThat(split.test().classCounts()).containsExactly(0, 2);
    }

    @Test
    void regressionIsAPlainRandomSplit() {
        double[][] f = new double[10][];
        double[] t = new double[10];
        for (int i = 0; i < 10; i++) {
            f[i] = new double[] {i};
            t[i] = i * 0.5;
        }
        Dataset data = Dataset.regression("r", List.of("x"), f, t);
        Split split = Split.stratified(data, 0.3, 11);
        assertThat(split.test().size()).isEqualTo(3);
        assertThat(split.train().size()).isEqualTo(7);
        assertThat(split.test().isRegression()).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(split.test().target(i)).isEqualTo(split.testRows()[i] * 0.5);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.0, 1.5, Double.NaN})
    void rejectsFractionsOutsideZeroToOne(double fraction) {
        assertThatThrownBy(() -> Split.stratified(unbalanced(), fraction, 1))
                .isInstanceOf(DataException.class)
                .hasMessage("test fraction must be at least 0 and less than 1, got " + fraction);
    }
}
