package grad.train;

import static org.assertj.core.api.Assertions.assertThat;

import grad.data.Dataset;
import grad.data.SyntheticDataset;
import org.junit.jupiter.api.Test;

class PictureSampleTest {
    @Test
    void aSmallDatasetIsDrawnWholeUnderItsOwnName() {
        Dataset data = SyntheticDataset.fromName("circles").generate(100, 1);
        assertThat(PictureScheduler.sample(data)).isSameAs(data);
        assertThat(PictureScheduler.title(data, data)).isEqualTo("circles");
    }

    @Test
    void aHugeDatasetIsDrawnByAnEvenSampleAndTheTitleSaysSo() {
        Dataset data = SyntheticDataset.fromName("circles").generate(10_000, 1);
        Dataset shown = PictureScheduler.sample(data);
        assertThat(shown.size()).isEqualTo(PictureScheduler.MAX_PLOTTED_POINTS);
        for (int count : shown.classCounts()) {
            assertThat(count).isBetween(3_300, 3_400);
        }
        assertThat(PictureScheduler.title(data, shown)).isEqualTo("circles (10,000 of 30,000 rows)");
    }
}
