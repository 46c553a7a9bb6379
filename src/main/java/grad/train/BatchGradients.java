package grad.train;

import grad.GradException;
import grad.data.Dataset;
import grad.nn.Loss;
import grad.nn.MLP;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The summed gradient of a minibatch, computed one sample at a time on up to {@code threads} threads.
 *
 * <p>Whatever the thread count, the result is the same to the last bit: each sample's gradient is
 * computed on its own, then the per-sample gradients are added to the network's gradients in sample
 * order. With one thread that is exactly what draining each sample's gradient straight into the sum
 * does; with several, each sample's gradient waits in its own buffer until the sum reaches it.
 */
final class BatchGradients implements AutoCloseable {
    /** Below this much work per minibatch (samples × parameters), threads cost more than they save. */
    private static final long PARALLEL_WORK = 20_000;

    private final MLP model;
    private final SampleWorker[] workers;
    private final ExecutorService pool;
    private final double[][] sampleGradients;
    private final double[] sampleLoss;
    private final boolean[] sampleCorrect;

    BatchGradients(MLP model, Loss loss, Dataset data, int threads, int batchSize) {
        this.model = model;
        boolean parallel = threads > 1 && (long) batchSize * model.parameterCount() >= PARALLEL_WORK;
        int n = parallel ? Math.min(threads, batchSize) : 1;
        this.workers = new SampleWorker[n];
        for (int i = 0; i < n; i++) {
            workers[i] = new SampleWorker(model, loss, data);
        }
        this.pool = n > 1 ? Executors.newFixedThreadPool(n - 1, r -> {
            Thread t = new Thread(r, "grad-worker");
            t.setDaemon(true);
            return t;
        }) : null;
        this.sampleGradients = n > 1 ? new double[batchSize][model.parameterCount()] : null;
        this.sampleLoss = new double[batchSize];
        this.sampleCorrect = new boolean[batchSize];
    }

    /** The number of threads in use (1 when the network is too small for threads to pay). */
    int threads() {
        return workers.length;
    }

    /**
     * Adds the gradient of every row to the network's gradients, in row order.
     *
     * @return the summed loss of the rows; {@link #correct()} then tells how many were classified right
     */
    double accumulate(int[] rows) {
        for (SampleWorker w : workers) {
            w.loadParameters();
        }
        if (workers.length == 1) {
            double[] gradients = model.gradients();
            for (int i = 0; i < rows.length; i++) {
                sampleLoss[i] = workers[0].sample(rows[i], gradients);
                sampleCorrect[i] = workers[0].lastWasCorrect(rows[i]);
            }
        } else {
            runInParallel(rows);
            double[] gradients = model.gradients();
            for (int i = 0; i < rows.length; i++) {
                double[] g = sampleGradients[i];
                for (int k = 0; k < g.length; k++) {
                    gradients[k] += g[k];
                }
            }
        }
        double total = 0;
        correct = 0;
        for (int i = 0; i < rows.length; i++) {
            total += sampleLoss[i];
            correct += sampleCorrect[i] ? 1 : 0;
        }
        return total;
    }

    private int correct;

    /** How many rows of the last {@link #accumulate} call had the right class. */
    int correct() {
        return correct;
    }

    private void runInParallel(int[] rows) {
        int n = workers.length;
        List<Future<?>> futures = new ArrayList<>(n - 1);
        for (int t = 1; t < n; t++) {
            int worker = t;
            futures.add(pool.submit(() -> chunk(worker, rows)));
        }
        chunk(0, rows);
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GradException("interrupted while training", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new GradException("worker failed", e);
            }
        }
    }

    /** Worker {@code t} takes a contiguous share of the rows. */
    private void chunk(int t, int[] rows) {
        int n = workers.length;
        int from = (int) ((long) rows.length * t / n);
        int to = (int) ((long) rows.length * (t + 1) / n);
        SampleWorker w = workers[t];
        for (int i = from; i < to; i++) {
            java.util.Arrays.fill(sampleGradients[i], 0.0);
            sampleLoss[i] = w.sample(rows[i], sampleGradients[i]);
            sampleCorrect[i] = w.lastWasCorrect(rows[i]);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
