package grad.train;

import grad.data.Dataset;
import grad.nn.Loss;
import grad.engine.ParameterStore;
import grad.nn.Model;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The summed gradient of a minibatch, computed one sample at a time on up to {@code threads} threads.
 *
 * <p>Whatever the thread count, the result is the same to the last bit: each sample's gradient is
 * computed on its own, then the per-sample gradients are added to the network's gradients in sample
 * order. With one thread that is exactly what the replay does when it adds each sample's gradient to the
 * store's gradients.
 *
 * <p>With several threads a minibatch goes in two steps, each shared out so that a thread the machine is
 * slow to run simply takes less of the work: first the calling thread takes samples from the front of the
 * minibatch, adding up their gradients as it goes, while the others take samples from the back, each into
 * a buffer of that sample's, until the two ends meet; then the threads take slices of the parameters, each
 * adding the buffered gradients of its slice, in sample order, to the caller's sum (so every parameter's
 * sum has the one-thread order).
 *
 * <p>Nothing is copied per minibatch: the programs take the parameters in the store's own order, every
 * replay reads the store's values by reference, and the calling thread's replay adds its gradients
 * straight into the store's gradient array (zeroed first).
 */
final class BatchGradients implements Gradients {
    /** Below this much work per minibatch (samples × parameters), threads cost more than they save. */
    private static final long PARALLEL_WORK = 20_000;
    /** Parameters per summing task: 4 KiB of doubles, so two threads never write the same cache line. */
    private static final int SLICE = 512;

    private final ParameterStore store;
    /** The store's gradients: the sum the calling thread's replay adds to. */
    private final double[] gradients;
    private final SampleWorker[] workers;
    private final WorkerThreads threads;
    private final double[][] sampleGradients;
    private final double[] sampleLoss;
    private final boolean[] sampleCorrect;
    /** The samples not yet taken, {@code [front, back)}, packed as {@code front << 32 | back}. */
    private final AtomicLong untaken = new AtomicLong();
    private final AtomicInteger nextSlice = new AtomicInteger();

    /** @param interpreted whether the replays run the interpreter even where there is generated code */
    BatchGradients(Model model, Loss loss, Dataset data, int threads, int batchSize, boolean interpreted) {
        this.store = model.store();
        int size = store.size();
        this.gradients = store.grad();
        boolean parallel = threads > 1 && (long) batchSize * size >= PARALLEL_WORK;
        int n = parallel ? Math.min(threads, batchSize) : 1;
        this.workers = new SampleWorker[n];
        for (int i = 0; i < n; i++) {
            workers[i] = new SampleWorker(model, loss, data, interpreted);
        }
        workers[0].addGradientsTo(gradients);
        this.threads = n > 1 ? new WorkerThreads(n - 1) : null;
        this.sampleGradients = n > 1 ? new double[batchSize][size] : null;
        this.sampleLoss = new double[batchSize];
        this.sampleCorrect = new boolean[batchSize];
    }

    /** The number of threads in use (1 when the network is too small for threads to pay). */
    @Override
    public int threads() {
        return workers.length;
    }

    @Override
    public double accumulate(int[] rows) {
        Arrays.fill(gradients, 0.0);
        if (workers.length == 1) {
            for (int i = 0; i < rows.length; i++) {
                sampleLoss[i] = workers[0].sample(rows[i]);
                sampleCorrect[i] = workers[0].lastWasCorrect(rows[i]);
            }
        } else {
            untaken.set(rows.length);   // front 0, back rows.length
            threads.run(t -> computeSamples(t, rows));
            int firstBuffered = (int) untaken.get();   // where the two ends met
            nextSlice.set(0);
            threads.run(t -> sumSlices(firstBuffered, rows.length));
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

    @Override
    public int correct() {
        return correct;
    }

    /**
     * Thread 0 takes samples from the front and adds each one's gradient to those before it, as one
     * thread alone would; the other threads take samples from the back, each into its own buffer, until
     * the two ends meet. Then only the buffered samples are left to add, after thread 0's sum and in
     * order, so every sum has the one-thread order.
     */
    private void computeSamples(int t, int[] rows) {
        SampleWorker w = workers[t];
        for (int i = take(t == 0); i >= 0; i = take(t == 0)) {
            if (t != 0) {
                Arrays.fill(sampleGradients[i], 0.0);
                w.addGradientsTo(sampleGradients[i]);
            }
            sampleLoss[i] = w.sample(rows[i]);
            sampleCorrect[i] = w.lastWasCorrect(rows[i]);
        }
    }

    /** The next sample from the front or the back, or -1 when none is left. */
    private int take(boolean front) {
        while (true) {
            long both = untaken.get();
            int first = (int) (both >>> 32);
            int end = (int) both;
            if (first >= end) {
                return -1;
            }
            long next = front ? (long) (first + 1) << 32 | end : (long) first << 32 | (end - 1);
            if (untaken.compareAndSet(both, next)) {
                return front ? first : end - 1;
            }
        }
    }

    /** Takes slices of the parameters until none is left, adding the buffered samples' gradients in order. */
    private void sumSlices(int from, int to) {
        for (int lo = nextSlice.getAndAdd(SLICE); lo < gradients.length; lo = nextSlice.getAndAdd(SLICE)) {
            int hi = Math.min(lo + SLICE, gradients.length);
            for (int i = from; i < to; i++) {
                double[] g = sampleGradients[i];
                for (int k = lo; k < hi; k++) {
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
