package grad.text;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The mean loss of a model on documents, in nats per character: {@code −log p} of every predicted
 * token, BOS→first character and last character→EOS included, averaged over all of them.
 *
 * @param loss   the mean
 * @param tokens how many tokens were predicted
 */
public record Losses(double loss, long tokens) {
    /** The fewest documents worth a second thread (a thread costs about what a few documents do). */
    static final int PARALLEL_DOCS = 200;

    /**
     * Each document's loss, the second half on another thread when there are many and the runner has a
     * {@link Runner#sibling}; then their sum in document order, so that the result is the same to the bit
     * on one thread or two.
     */
    static Losses of(Runner runner, List<int[]> docs) {
        return ofEach(runner, List.of(docs)).get(0);
    }

    /**
     * The losses of several sets of documents, measured as one (split once between two threads), each
     * summed in its own document order: the same numbers as {@link #of(Runner, List)} of each.
     */
    static List<Losses> ofEach(Runner runner, List<List<int[]>> sets) {
        List<int[]> docs = new ArrayList<>();
        sets.forEach(docs::addAll);
        double[] each = new double[docs.size()];
        Runner other = docs.size() >= PARALLEL_DOCS ? runner.sibling() : null;
        int half = other == null ? docs.size() : docs.size() / 2;
        CompletableFuture<Void> rest = other == null ? null
                : CompletableFuture.runAsync(() -> measure(other, docs, half, docs.size(), each), task -> {
                    Thread t = new Thread(task, "grad-text-losses");
                    t.setDaemon(true);
                    t.start();
                });
        measure(runner, docs, 0, half, each);
        if (rest != null) {
            try {
                rest.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        List<Losses> out = new ArrayList<>(sets.size());
        int i = 0;
        for (List<int[]> set : sets) {
            double total = 0;
            long tokens = 0;
            for (int[] doc : set) {
                total += each[i++];
                tokens += doc.length + 1;
            }
            out.add(new Losses(total / tokens, tokens));
        }
        return out;
    }

    private static void measure(Runner runner, List<int[]> docs, int from, int to, double[] each) {
        for (int i = from; i < to; i++) {
            each[i] = runner.loss(docs.get(i), 1, false);
        }
    }
}
