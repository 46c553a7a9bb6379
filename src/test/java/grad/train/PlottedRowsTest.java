package grad.train;

import static org.assertj.core.api.Assertions.assertThat;

import grad.data.Dataset;
import grad.data.SyntheticDataset;
import grad.plot.PlotData;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlottedRowsTest {
    @Test
    void aSmallDatasetIsDrawnWholeUnderItsOwnName() {
        Dataset data = SyntheticDataset.fromName("circles").generate(100, 1);
        assertThat(PlottedRows.sample(data)).isSameAs(data);
        assertThat(PlottedRows.title(data, data)).isEqualTo("circles");
    }

    @Test
    void aHugeDatasetIsDrawnByAnEvenSampleAndTheTitleSaysSo() {
        Dataset data = SyntheticDataset.fromName("circles").generate(10_000, 1);
        Dataset shown = PlottedRows.sample(data);
        assertThat(shown.size()).isEqualTo(PlottedRows.MAX_PLOTTED_POINTS);
        for (int count : shown.classCounts()) {
            assertThat(count).isBetween(3_300, 3_400);
        }
        assertThat(PlottedRows.title(data, shown)).isEqualTo("circles (10,000 of 30,000 rows)");
    }

    /** Classes keep their labels and names; regression values are all one class, "value". */
    @Test
    void pointsAreTheFirstTwoFeaturesLabelledByClassOrAllOneForValues() {
        double[][] features = {{1, 2}, {3, 4}, {5, 6}};
        Dataset classes = Dataset.classification("abc", List.of("u", "v"), features, new int[] {1, 0, 1}, List.of("no", "yes"));
        PlotData points = PlottedRows.points(classes);
        assertThat(points.xs()).containsExactly(1, 3, 5);
        assertThat(points.ys()).containsExactly(2, 4, 6);
        assertThat(points.labels()).containsExactly(1, 0, 1);
        assertThat(points.classNames()).containsExactly("no", "yes");
        assertThat(points.xLabel()).isEqualTo("u");
        assertThat(points.yLabel()).isEqualTo("v");
        assertThat(points.title()).isEqualTo("abc");

        PlotData values = PlottedRows.points(Dataset.regression("abc", List.of("u", "v"), features, new double[] {0.5, 7, -1}));
        assertThat(values.labels()).containsExactly(0, 0, 0);
        assertThat(values.classNames()).containsExactly("value");
        assertThat(values.ys()).containsExactly(2, 4, 6);
    }
}
