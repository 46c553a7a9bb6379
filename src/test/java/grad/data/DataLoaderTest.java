package grad.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataLoaderTest {

    @ParameterizedTest
    @CsvSource({"10, 3, 1", "10, 5, 2", "10, 10, 3", "10, 32, 4", "1, 1, 5", "0, 4, 6", "97, 8, 7"})
    void everyRowOnceAndTheLastBatchPartial(int n, int b, long seed) {
        DataLoader loader = new DataLoader(n, b, seed);
        assertThat(loader.batchCount()).isEqualTo((n + b - 1) / b);
        for (int epoch = 1; epoch <= 3; epoch++) {
            List<DataLoader.Batch> batches = loader.epoch(epoch);
            assertThat(batches).hasSize(loader.batchCount());
            List<Integer> seen = new ArrayList<>();
            for (DataLoader.Batch batch : batches) {
                boolean last = batch.index() == batches.size() - 1;
                assertThat(batch.size()).isEqualTo(last ? n - b * (batches.size() - 1) : b);
                for (int i = 0; i < batch.size(); i++) {
                    seen.add(batch.row(i));
                }
            }
            assertThat(seen).hasSize(n).doesNotHaveDuplicates().allMatch(r -> r >= 0 && r < n);
        }
    }

    @Test
    void orderChangesBetweenEpochsButDependsOnlyOnSeedAndEpoch() {
        DataLoader straight = new DataLoader(50, 8, 42);
        int[][] orders = new int[6][];
        for (int epoch = 1; epoch <= 5; epoch++) {
            orders[epoch] = straight.order(epoch);
        }
        assertThat(orders[1]).isNotEqualTo(orders[2]);
        assertThat(orders[2]).isNotEqualTo(orders[3]);
        // A run resumed at epoch 4, with a fresh loader, sees the same order.
        DataLoader resumed = new DataLoader(50, 8, 42);
        assertThat(resumed.order(4)).isEqualTo(orders[4]);
        assertThat(resumed.order(2)).isEqualTo(orders[2]);
        // Another seed, another order.
        assertThat(new DataLoader(50, 8, 43).order(1)).isNotEqualTo(orders[1]);
    }

    @Test
    void batchesAreSlicesOfTheEpochOrder() {
        DataLoader loader = new DataLoader(7, 3, 9);
        int[] order = loader.order(2);
        List<DataLoader.Batch> batches = loader.epoch(2);
        assertThat(batches.get(0).rows()).containsExactly(order[0], order[1], order[2]);
        assertThat(batches.get(2).rows()).containsExactly(order[6]);
    }

    @Test
    void withoutShuffleRowsComeInOrder() {
        DataLoader loader = new DataLoader(5, 2, 1, false);
        assertThat(loader.order(3)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void aBatchCannotBeUsedAfterTheNextEpochStarts() {
        DataLoader loader = new DataLoader(6, 2, 1);
        DataLoader.Batch old = loader.epoch(1).get(0);
        loader.epoch(2);
        assertThatThrownBy(() -> old.row(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("epoch 2");
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new DataLoader(5, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataLoader(-1, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataLoader(5, 2, 1).epoch(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
