package grad.train;

import static org.assertj.core.api.Assertions.assertThat;

import grad.data.Dataset;
import grad.data.SyntheticDataset;
import grad.nn.Activation;
import grad.nn.Initializer;
import grad.nn.Loss;
import grad.nn.MLP;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The replays read the parameters from the model's store and leave a minibatch's summed gradient in the
 * store's own gradient array, in the store's order: the same numbers, to the last bit, as
 * {@code Value.backward()} adding up in the store ({@code --engine value}), on any number of threads.
 */
class StoreGradientsTest {

    @ParameterizedTest(name = "{0} on {1} thread(s)")
    @CsvSource({"COMPILED, 1", "COMPILED, 3", "INTERPRETED, 1", "INTERPRETED, 2"})
    void theStoreHoldsTheMinibatchGradientOfValueBackward(Engine engine, int threads) {
        Dataset data = SyntheticDataset.MOONS.generate(120, 5);
        MLP model = MLP.create(2, new int[] {24, 16, 2}, Activation.TANH, Activation.LINEAR, new Initializer.He(),
                new SplittableRandom(3));
        int[] first = IntStream.range(0, 60).toArray();
        int[] second = IntStream.range(60, 120).toArray();

        double original = model.store().data()[5];
        double[][] expected = new double[2][];
        double[] lossesExpected = new double[2];
        try (Gradients reference = Gradients.of(Engine.VALUE, model, Loss.CROSS_ENTROPY, data, 1, 60)) {
            lossesExpected[0] = reference.accumulate(first);
            expected[0] = model.store().grad().clone();
            model.store().data()[5] += 0.25;   // a step between minibatches, made in the store
            lossesExpected[1] = reference.accumulate(second);
            expected[1] = model.store().grad().clone();
            model.store().data()[5] = original;
        }
        assertThat(expected[0]).as("a gradient that tells something").isNotEqualTo(new double[expected[0].length]);

        try (Gradients replays = Gradients.of(engine, model, Loss.CROSS_ENTROPY, data, threads, 60)) {
            assertThat(replays.threads()).isEqualTo(threads);
            Arrays.fill(model.store().grad(), 7.0);   // stale numbers that must not survive
            assertThat(replays.accumulate(first)).isEqualTo(lossesExpected[0]);
            assertThat(model.store().grad()).containsExactly(expected[0]);
            model.store().data()[5] += 0.25;   // seen by the next minibatch without any reload
            assertThat(replays.accumulate(second)).isEqualTo(lossesExpected[1]);
            assertThat(model.store().grad()).containsExactly(expected[1]);
        }
    }
}
