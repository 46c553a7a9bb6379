package grad.text;

import java.util.Random;

/** New documents, one character at a time, from softmax(logits / temperature), as microgpt samples them. */
final class Sampler {
    /** The most characters a sample of a model without a block size gets. */
    static final int MAX_CHARS = 100;

    private final Runner runner;
    private final Vocabulary vocab;

    Sampler(Runner runner) {
        this.runner = runner;
        this.vocab = runner.model.vocabulary();
    }

    /**
     * One document: {@code prefix}, then characters drawn until BOS (the end) is drawn or the model's
     * block size is full.
     */
    String sample(int[] prefix, double temperature, Random random) {
        int limit = Math.min(runner.model.maxPositions(), MAX_CHARS);
        int[] read = new int[limit + 1];
        read[0] = vocab.bos();
        System.arraycopy(prefix, 0, read, 1, prefix.length);
        StringBuilder out = new StringBuilder();
        for (int id : prefix) {
            out.append(vocab.decode(id));
        }
        for (int n = prefix.length + 1; n <= limit; n++) {
            int next = draw(runner.nextLogits(java.util.Arrays.copyOf(read, n)), temperature, random);
            if (next == vocab.bos()) {
                break;
            }
            out.append(vocab.decode(next));
            read[n] = next;
        }
        return out.toString();
    }

    /** An id drawn with probability softmax(logits / temperature), the max subtracted first. */
    static int draw(double[] logits, double temperature, Random random) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l / temperature);
        }
        double[] p = new double[logits.length];
        double total = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] / temperature - max);
            total += p[i];
        }
        double u = random.nextDouble() * total;
        double cumulative = 0;
        for (int i = 0; i < p.length; i++) {
            cumulative += p[i];
            if (u < cumulative) {
                return i;
            }
        }
        return p.length - 1;
    }
}
