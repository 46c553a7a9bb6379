package grad.gpt2;

import grad.GradException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The float loops of the model, split over a few threads. A weight stored {@code [in, out]} (GPT-2's
 * Conv1D layout) is applied as {@code y += x[i] * W[i, :]} row by row, so each thread reads its columns of
 * every row in order and the inner loop is one the JIT vectorises; each output is summed in the same
 * order whatever the number of threads, so results do not depend on it.
 */
final class MatVec implements AutoCloseable {
    /** Below this many multiply-adds a product is not worth handing to another thread. */
    private static final long PARALLEL_WORK = 1 << 16;

    private final int threads;
    private final ExecutorService pool;

    MatVec(int threads) {
        this.threads = Math.max(1, threads);
        this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads - 1, r -> {
            Thread t = new Thread(r, "grad-gpt2");
            t.setDaemon(true);
            return t;
        });
    }

    /** A range of outputs, from {@code from} (inclusive) to {@code to}. */
    @FunctionalInterface
    interface Part {
        void run(int from, int to);
    }

    /** Runs {@code part} over {@code 0..n}, split into one contiguous range per thread when {@code work} is large. */
    void split(int n, long work, Part part) {
        if (pool == null || work < PARALLEL_WORK) {
            part.run(0, n);
            return;
        }
        Future<?>[] others = new Future<?>[threads - 1];
        for (int t = 1; t < threads; t++) {
            int from = bound(n, t);
            int to = bound(n, t + 1);
            others[t - 1] = pool.submit(() -> part.run(from, to));
        }
        part.run(0, bound(n, 1));
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GradException("interrupted");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    /** The start of part {@code t}, on a multiple of 16 so that threads do not share cache lines. */
    private int bound(int n, int t) {
        return t >= threads ? n : Math.min(n, (int) ((long) n * t / threads) & ~15);
    }

    /**
     * {@code y = b + x W} for {@code W} stored {@code [in, out]} row-major. Four rows at a time, so that
     * each output is loaded and stored once per four multiply-adds rather than once per one.
     */
    void affine(float[] x, float[] w, float[] b, float[] y, int in, int out) {
        split(out, (long) in * out, (from, to) -> {
            System.arraycopy(b, from, y, from, to - from);
            int i = 0;
            for (; i + 4 <= in; i += 4) {
                float x0 = x[i];
                float x1 = x[i + 1];
                float x2 = x[i + 2];
                float x3 = x[i + 3];
                int r0 = i * out;
                int r1 = r0 + out;
                int r2 = r1 + out;
                int r3 = r2 + out;
                for (int j = from; j < to; j++) {
                    y[j] += x0 * w[r0 + j] + x1 * w[r1 + j] + x2 * w[r2 + j] + x3 * w[r3 + j];
                }
            }
            for (; i < in; i++) {
                float xi = x[i];
                int row = i * out;
                for (int j = from; j < to; j++) {
                    y[j] += xi * w[row + j];
                }
            }
        });
    }

    /** {@code y[v] = E[v, :] . x} for the {@code rows x width} matrix {@code E} (the tied lm_head). */
    void rows(float[] e, float[] x, float[] y, int rows, int width) {
        split(rows, (long) rows * width, (from, to) -> {
            for (int v = from; v < to; v++) {
                y[v] = dot(e, v * width, x, width);
            }
        });
    }

    /** A dot product with eight running sums, so that the additions do not wait on one another. */
    static float dot(float[] a, int offset, float[] x, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            int k = offset + i;
            s0 += a[k] * x[i];
            s1 += a[k + 1] * x[i + 1];
            s2 += a[k + 2] * x[i + 2];
            s3 += a[k + 3] * x[i + 3];
            s4 += a[k + 4] * x[i + 4];
            s5 += a[k + 5] * x[i + 5];
            s6 += a[k + 6] * x[i + 6];
            s7 += a[k + 7] * x[i + 7];
        }
        for (; i < n; i++) {
            s0 += a[offset + i] * x[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
