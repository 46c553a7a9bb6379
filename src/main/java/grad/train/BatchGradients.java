package grad.train;

import grad.data.Dataset;
import grad.nn.Loss;
import grad.nn.MLP;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The summed gradient of a minibatch, computed one sample at a time on up to {@code threads} threads.
 *
 * <p>Whatever the thread count, the result is the same to the last bit: each sample's gradient is
 * computed on its own, then the per-sample gradients are added to the network's gradients in sample
 * order. With one thread that is exactly what the replay does when it adds each sample's gradient to its
 * parameters' gradients; with several, each sample's gradient waits in its own buffer until the sum reaches it.
 *
 * <p>With several threads a minibatch goes in two steps, each shared out through a counter so that a
 * thread the machine is slow to run simply takes less of the work: first the threads take samples one
 * at a time, each into its own buffer; then they take slices of the parameters, each thread adding up
 * its slice over the buffers in sample order (so every parameter's sum has the one-thread order).
 */
final class BatchGradients implements AutoCloseable {
    /** Below this much work per minibatch (samples × parameters), threads cost more than they save. */
    private static final long PARALLEL_WORK = 20_000;
    /** Parameters per summing task: 4 KiB of doubles, so two threads never write the same cache line. */
    private static final int SLICE = 512;

    private final MLP model;
    private final double[] parameters;
    private final double[] gradients;
    private final SampleWorker[] workers;
    private final WorkerThreads threads;
    private final double[][] sampleGradients;
    private final double[] sampleLoss;
    private final boolean[] sampleCorrect;
    private final AtomicInteger nextSample = new AtomicInteger();
    private final AtomicInteger nextSlice = new AtomicInteger();

    BatchGradients(MLP model, Loss loss, Dataset data, int threads, int batchSize) {
        this.model = model;
        this.parameters = new double[model.parameterCount()];
        this.gradients = new double[model.parameterCount()];
        boolean parallel = threads > 1 && (long) batchSize * model.parameterCount() >= PARALLEL_WORK;
        int n = parallel ? Math.min(threads, batchSize) : 1;
        this.workers = new SampleWorker[n];
        for (int i = 0; i < n; i++) {
            workers[i] = new SampleWorker(model, loss, data);
        }
        this.threads = n > 1 ? new WorkerThreads(n - 1) : null;
        this.sampleGradients = n > 1 ? new double[batchSize][model.parameterCount()] : null;
        this.sampleLoss = new double[batchSize];
        this.sampleCorrect = new boolean[batchSize];
    }

    /** The number of threads in use (1 when the network is too small for threads to pay). */
    int threads() {
        return workers.length;
    }

    /**
     * Sets the gradient of each of the network's parameters to its summed gradient over the rows, added
     * up in row order.
     *
     * @return the summed loss of the rows; {@link #correct()} then tells how many were classified right
     */
    double accumulate(int[] rows) {
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = model.parameters().get(i).data();
        }
        for (SampleWorker w : workers) {
            w.loadParameters(parameters);
        }
        if (workers.length == 1) {
            for (int i = 0; i < rows.length; i++) {
                sampleLoss[i] = workers[0].sample(rows[i]);
                sampleCorrect[i] = workers[0].lastWasCorrect(rows[i]);
            }
            workers[0].takeGradients(gradients);
        } else {
            java.util.Arrays.fill(gradients, 0.0);
            nextSample.set(0);
            threads.run(t -> computeSamples(t, rows));
            nextSlice.set(0);
            threads.run(t -> sumSlices(rows.length));
        }
        for (int i = 0; i < gradients.length; i++) {
            model.parameters().get(i).setGrad(gradients[i]);
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

    /** Worker {@code t} takes the next sample not yet taken, until none is left. */
    private void computeSamples(int t, int[] rows) {
        SampleWorker w = workers[t];
        for (int i = nextSample.getAndIncrement(); i < rows.length; i = nextSample.getAndIncrement()) {
            sampleLoss[i] = w.sample(rows[i]);
            w.takeGradients(sampleGradients[i]);
            sampleCorrect[i] = w.lastWasCorrect(rows[i]);
        }
    }

    /** Takes slices of the parameters until none is left, adding each slice's gradients in sample order. */
    private void sumSlices(int samples) {
        for (int from = nextSlice.getAndAdd(SLICE); from < gradients.length; from = nextSlice.getAndAdd(SLICE)) {
            int to = Math.min(from + SLICE, gradients.length);
            for (int i = 0; i < samples; i++) {
                double[] g = sampleGradients[i];
                for (int k = from; k < to; k++) {
                    gradients[k] += g[k];
                }
            }
        }
    }

    @Override
    public void close() {
        if (threads != null) {
            threads.close();
        }
    }
}
