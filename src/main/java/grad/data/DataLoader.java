package grad.data;

import java.util.AbstractList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Splits the rows {@code 0..size-1} of a dataset into minibatches, in a new random order each epoch.
 *
 * <p>The order of epoch {@code e} depends only on the seed and {@code e}: it is a Fisher–Yates shuffle
 * of {@code 0..size-1} driven by a {@link SplittableRandom} seeded from {@code (seed, e)}. So a run
 * resumed at epoch 7 sees exactly the batches it would have seen without stopping, and epochs do not
 * share random numbers. The last batch is shorter when {@code batchSize} does not divide
 * {@code size}.
 *
 * <p>To stay allocation-light the loader owns one {@code int[]} permutation, reshuffled in place by
 * {@link #epoch(int)}; a {@link Batch} is a view of a slice of it, valid until the next call to
 * {@code epoch}, after which using it throws {@link IllegalStateException}. A loader is not
 * thread-safe.
 *
 * <pre>{@code
 * DataLoader loader = new DataLoader(100, 32, 42);   // 100 rows, minibatches of 32, seed 42
 * int seen = 0;
 * for (int epoch = 1; epoch <= 3; epoch++) {
 *     for (DataLoader.Batch batch : loader.epoch(epoch)) {
 *         for (int i = 0; i < batch.size(); i++) {
 *             int row = batch.row(i);   // train on data.row(row), data.label(row)
 *             seen++;
 *         }
 *     }
 * }
 * // seen == 300 (each row once an epoch), loader.batchCount() == 4 (32, 32, 32, then 4 rows)
 * }</pre>
 */
public final class DataLoader {
    private final int size;
    private final int batchSize;
    private final long seed;
    private final boolean shuffle;
    private final int[] order;
    /** The epoch whose order {@link #order} holds; 0 before the first call to {@link #epoch}. */
    private int current;

    /** A shuffling loader of {@code size} rows in batches of {@code batchSize}. */
    public DataLoader(int size, int batchSize, long seed) {
        this(size, batchSize, seed, true);
    }

    /**
     * A loader of {@code size} rows in batches of {@code batchSize}; with {@code shuffle} false every
     * epoch yields the rows in order {@code 0..size-1}.
     *
     * @throws IllegalArgumentException if {@code size < 0} or {@code batchSize < 1}
     */
    public DataLoader(int size, int batchSize, long seed, boolean shuffle) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1: " + batchSize);
        }
        this.size = size;
        this.batchSize = batchSize;
        this.seed = seed;
        this.shuffle = shuffle;
        this.order = new int[size];
    }

    /** The number of rows. */
    public int size() {
        return size;
    }

    /** The largest batch size (the last batch of an epoch may be smaller). */
    public int batchSize() {
        return batchSize;
    }

    /** Batches per epoch: {@code ceil(size / batchSize)}. */
    public int batchCount() {
        return (size + batchSize - 1) / batchSize;
    }

    /**
     * Shuffles the rows for epoch {@code epoch} and returns its batches, in order. Earlier batches
     * become invalid.
     *
     * @param epoch the epoch number, from 1
     */
    public List<Batch> epoch(int epoch) {
        if (epoch < 1) {
            throw new IllegalArgumentException("epochs are numbered from 1: " + epoch);
        }
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        if (shuffle) {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, epoch));
            for (int i = size - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        current = epoch;
        return new AbstractList<>() {
            @Override
            public Batch get(int index) {
                if (index < 0 || index >= batchCount()) {
                    throw new IndexOutOfBoundsException(index);
                }
                int offset = index * batchSize;
                return new Batch(epoch, index, offset, Math.min(batchSize, size - offset));
            }

            @Override
            public int size() {
                return batchCount();
            }
        };
    }

    /** A copy of the whole row order of epoch {@code epoch} (calls {@link #epoch(int)}). */
    public int[] order(int epoch) {
        epoch(epoch);
        return order.clone();
    }

    /** One minibatch: a view of {@link #size()} consecutive entries of the epoch's row order. */
    public final class Batch {
        private final int epoch;
        private final int index;
        private final int offset;
        private final int length;

        private Batch(int epoch, int index, int offset, int length) {
            this.epoch = epoch;
            this.index = index;
            this.offset = offset;
            this.length = length;
        }

        /** The epoch this batch belongs to. */
        public int epoch() {
            return epoch;
        }

        /** The batch's number within its epoch, from 0. */
        public int index() {
            return index;
        }

        /** The number of rows in this batch. */
        public int size() {
            return length;
        }

        /** The dataset row of the batch's {@code i}-th example. */
        public int row(int i) {
            checkValid();
            if (i < 0 || i >= length) {
                throw new IndexOutOfBoundsException(i);
            }
            return order[offset + i];
        }

        /** A copy of the batch's dataset rows. */
        public int[] rows() {
            checkValid();
            int[] rows = new int[length];
            System.arraycopy(order, offset, rows, 0, length);
            return rows;
        }

        private void checkValid() {
            if (current != epoch) {
                throw new IllegalStateException("batch " + index + " of epoch " + epoch
                        + " used after the loader moved on to epoch " + current);
            }
        }

        @Override
        public String toString() {
            return "batch " + index + " of epoch " + epoch + " (" + length + " rows)";
        }
    }
}
