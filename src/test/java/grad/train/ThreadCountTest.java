package grad.train;

import static org.assertj.core.api.Assertions.assertThat;

import grad.data.Dataset;
import grad.data.SyntheticDataset;
import grad.nn.Activation;
import grad.nn.Initializer;
import grad.nn.Loss;
import grad.nn.MLP;
import grad.optim.SGD;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Training on several threads gives the same parameters and metrics, to the last bit, as on one. */
class ThreadCountTest {

    record Trained(double[] parameters, List<EpochMetrics> metrics, int threads) { }

    static Trained train(Loss loss, int threads, int batchSize) {
        Dataset data = SyntheticDataset.MOONS.generate(150, 3);
        MLP model = MLP.create(2, new int[] {32, 32, 2}, Activation.TANH, Activation.LINEAR, new Initializer.He(),
                new SplittableRandom(11));
        SGD sgd = new SGD(model.store(), 0.01, 0.9);
        List<EpochMetrics> metrics = new ArrayList<>();
        try (Trainer trainer = new Trainer(model, loss, sgd, 0.01, data, batchSize, 5, threads)) {
            for (int epoch = 1; epoch <= 4; epoch++) {
                metrics.add(trainer.epoch(epoch));
            }
            return new Trained(model.parameterData(), metrics, trainer.threads());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Loss.class, names = {"MSE_SOFTMAX", "CROSS_ENTROPY"})
    void twoAndThreeThreadsMatchOneBitForBit(Loss loss) {
        Trained one = train(loss, 1, 64);
        for (int threads : new int[] {2, 3}) {
            Trained many = train(loss, threads, 64);
            assertThat(many.threads()).as("the network is big enough to use threads").isEqualTo(threads);
            assertThat(many.parameters()).as("%d threads", threads).containsExactly(one.parameters());
            assertThat(many.metrics()).as("%d threads", threads).isEqualTo(one.metrics());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Loss.class, names = {"MSE_SOFTMAX"})
    void aLastShortMinibatchAndMoreThreadsThanRowsMatchToo(Loss loss) {
        Trained one = train(loss, 1, 17);   // 300 rows: 17 batches of 17, then one of 11
        Trained many = train(loss, 32, 17);
        assertThat(many.threads()).isEqualTo(17);
        assertThat(many.parameters()).containsExactly(one.parameters());
        assertThat(many.metrics()).isEqualTo(one.metrics());
    }
}
