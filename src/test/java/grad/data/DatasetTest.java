package grad.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {
    private static Dataset small() {
        double[][] f = {{1, 2}, {3, 4}, {5, 6}, {7, 8}};
        return Dataset.classification("toy", List.of("a", "b"), f, new int[] {0, 2, 1, 2}, List.of("x", "y", "z"));
    }

    @Test
    void describesItsShape() {
        Dataset d = small();
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.featureCount()).isEqualTo(2);
        assertThat(d.classCount()).isEqualTo(3);
        assertThat(d.isRegression()).isFalse();
        assertThat(d.targets()).isNull();
        assertThat(d.classCounts()).containsExactly(1, 1, 2);
        assertThat(d.feature(2, 1)).isEqualTo(6.0);
    }

    @Test
    void oneHotMarksTheLabel() {
        Dataset d = small();
        assertThat(d.oneHot(1)).containsExactly(0, 0, 1);
        double[] out = {9, 9, 9};
        d.oneHot(2, out);
        assertThat(out).containsExactly(0, 1, 0);
    }

    @Test
    void subsetKeepsNamesAndClasses() {
        Dataset s = small().subset(new int[] {3, 0});
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.row(0)).containsExactly(7, 8);
        assertThat(s.labels()).containsExactly(2, 0);
        assertThat(s.classNames()).containsExactly("x", "y", "z");
        assertThat(s.featureNames()).containsExactly("a", "b");
        assertThat(s.name()).isEqualTo("toy");
    }

    @Test
    void isNotChangedThroughItsInputsOrOutputs() {
        double[][] f = {{1, 2}, {3, 4}};
        int[] labels = {0, 1};
        Dataset d = Dataset.classification("t", List.of("a", "b"), f, labels, List.of("0", "1"));
        f[0][0] = 99;
        labels[0] = 1;
        d.features()[1][1] = 99;
        d.row(1)[0] = 99;
        d.labels()[1] = 0;
        assertThat(d.features()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
        assertThat(d.labels()).containsExactly(0, 1);
    }

    @Test
    void regressionHasTargetsAndNoClasses() {
        Dataset d = Dataset.regression("r", List.of("x"), new double[][] {{1}, {2}}, new double[] {0.5, 1.5});
        assertThat(d.isRegression()).isTrue();
        assertThat(d.labels()).isNull();
        assertThat(d.classNames()).isEmpty();
        assertThat(d.classCount()).isZero();
        assertThat(d.subset(new int[] {1}).targets()).containsExactly(1.5);
        assertThatThrownBy(() -> d.label(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsInconsistentShapes() {
        assertThatThrownBy(() -> Dataset.classification("t", List.of("a"), new double[][] {{1, 2}},
                new int[] {0}, List.of("0"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dataset.classification("t", List.of("a"), new double[][] {{1}},
                new int[] {1}, List.of("0"))).hasMessageContaining("label 1");
        assertThatThrownBy(() -> Dataset.regression("t", List.of("a"), new double[][] {{1}},
                new double[] {1, 2})).isInstanceOf(IllegalArgumentException.class);
    }
}
