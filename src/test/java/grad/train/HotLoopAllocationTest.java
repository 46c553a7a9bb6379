package grad.train;

import static org.assertj.core.api.Assertions.assertThat;

import grad.data.Dataset;
import grad.data.SyntheticDataset;
import grad.nn.Activation;
import grad.nn.Initializer;
import grad.nn.Loss;
import grad.nn.MLP;
import grad.optim.SGD;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The training loop allocates nothing per node or per sample: a warm epoch's allocation is a small
 * fixed amount per minibatch (its row list), whatever the size of the network's graph.
 */
class HotLoopAllocationTest {
    private static final int ROWS = 1000;

    @Test
    void aWarmEpochAllocatesAlmostNothingPerSample() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);

        Dataset data = SyntheticDataset.XOR.generate(ROWS, 42);
        MLP model = MLP.create(2, new int[] {10, 2}, Activation.RELU, Activation.LINEAR, new Initializer.He(),
                new SplittableRandom(7));
        SGD sgd = new SGD(model.store(), 0.005, 0.9);
        long thread = Thread.currentThread().getId();
        try (Trainer trainer = new Trainer(model, Loss.MSE_SOFTMAX, sgd, 0.005, data, 50, 42, 1)) {
            for (int epoch = 1; epoch <= 30; epoch++) {   // warm up: let the JIT compile the loop
                trainer.epoch(epoch);
            }
            long least = Long.MAX_VALUE;
            for (int epoch = 31; epoch <= 35; epoch++) {
                long before = threads.getThreadAllocatedBytes(thread);
                trainer.epoch(epoch);
                least = Math.min(least, threads.getThreadAllocatedBytes(thread) - before);
            }
            // 41 nodes a sample: one object per node would be ~650 bytes a sample; allow 16
            assertThat(least).as("bytes allocated by one warm epoch of %d samples", ROWS).isLessThan(16L * ROWS);
        }
    }
}
