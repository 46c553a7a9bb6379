package grad.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The trained network's pictures say which epoch's network they show. */
class ModelPicturesTitleTest {

    @Test
    void withoutEarlyStoppingTheLastEpochIsShown() {
        assertThat(ModelPictures.epochShown(null, 50)).isEqualTo("epoch 50");
    }

    @Test
    void withEarlyStoppingTheKeptBestEpochIsShownNotTheLastOrTheOneAskedFor() {
        EarlyStopping.Result early = new EarlyStopping.Result(14, 0.21, 24, "patience", new double[24]);
        assertThat(ModelPictures.epochShown(early, 100)).isEqualTo("epoch 14, the best of 24");
    }
}
