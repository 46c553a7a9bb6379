package grad.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The trained network's pictures, and the curves of an early-stopped run, say which epoch's network they show. */
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

    @Test
    void withEarlyStoppingThatKeptTheLastEpochThatEpochIsShown() {
        EarlyStopping.Result early = new EarlyStopping.Result(200, 0.01, 200, "epochs", new double[200]);
        assertThat(ModelPictures.epochShown(early, 200)).isEqualTo("epoch 200");
    }

    @Test
    void theCurvesOfAnEarlyStoppedRunSayWhereItStoppedAndWhichEpochItKept() {
        EarlyStopping.Result stopped = new EarlyStopping.Result(14, 0.21, 24, "patience", new double[24]);
        assertThat(PictureUpdates.stoppedTitle("moons", stopped)).isEqualTo("moons — stopped in epoch 24, kept epoch 14");
        EarlyStopping.Result ranOut = new EarlyStopping.Result(187, 0.21, 200, "epochs", new double[200]);
        assertThat(PictureUpdates.stoppedTitle("moons", ranOut)).isEqualTo("moons — kept epoch 187, the best of 200");
        EarlyStopping.Result lastBest = new EarlyStopping.Result(200, 0.01, 200, "epochs", new double[200]);
        assertThat(PictureUpdates.stoppedTitle("moons", lastBest)).isEqualTo("moons");
    }
}
