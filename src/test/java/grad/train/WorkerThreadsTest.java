package grad.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkerThreadsTest {

    @Test
    void everyTaskRunsOncePerRoundAndItsWritesAreVisibleAfterwards() {
        try (WorkerThreads threads = new WorkerThreads(3)) {
            int[] counts = new int[4];
            for (int round = 0; round < 2000; round++) {
                threads.run(t -> counts[t]++);
            }
            assertThat(counts).containsExactly(2000, 2000, 2000, 2000);
        }
    }

    @Test
    void aHelpersFailureIsRethrownToTheCallerAndTheThreadsGoOn() {
        try (WorkerThreads threads = new WorkerThreads(1)) {
            assertThatThrownBy(() -> threads.run(t -> {
                if (t == 1) {
                    throw new IllegalStateException("helper broke");
                }
            })).isInstanceOf(IllegalStateException.class).hasMessage("helper broke");
            AtomicIntegerArray ran = new AtomicIntegerArray(2);
            threads.run(ran::incrementAndGet);
            assertThat(ran.get(0) + ran.get(1)).isEqualTo(2);
        }
    }
}
