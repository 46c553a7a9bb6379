package grad.gpt2;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks the next token from the logits: the most likely one at temperature 0 (the lowest id among equals,
 * as {@code torch.argmax}), else one drawn from {@code softmax(logits / temperature)}, restricted to the
 * {@code topK} most likely tokens when {@code topK > 0}. Draws come from a generator seeded once, so the
 * same seed gives the same text.
 */
final class Sampler {
    private final double temperature;
    private final int topK;
    private final SplittableRandom random;

    Sampler(double temperature, int topK, long seed) {
        this.temperature = temperature;
        this.topK = topK;
        this.random = new SplittableRandom(seed);
    }

    int next(float[] logits) {
        if (temperature == 0) {
            return top(logits, 1)[0];
        }
        double floor = Double.NEGATIVE_INFINITY;
        if (topK > 0 && topK < logits.length) {
            float[] sorted = logits.clone();
            Arrays.sort(sorted);
            floor = sorted[sorted.length - topK];
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double[] weights = new double[logits.length];
        double sum = 0;
        for (int v = 0; v < logits.length; v++) {
            weights[v] = logits[v] >= floor ? Math.exp((logits[v] - max) / temperature) : 0;
            sum += weights[v];
        }
        double r = random.nextDouble() * sum;
        int last = 0;
        for (int v = 0; v < logits.length; v++) {
            if (weights[v] > 0) {
                last = v;
                r -= weights[v];
                if (r < 0) {
                    return v;
                }
            }
        }
        return last;   // rounding left r a hair above zero
    }

    /** The ids of the {@code k} largest logits, largest first (lower id first among equals). */
    static int[] top(float[] logits, int k) {
        int n = Math.min(k, logits.length);
        int[] best = new int[n];
        int filled = 0;
        for (int v = 0; v < logits.length; v++) {
            if (filled == n && logits[v] <= logits[best[n - 1]]) {
                continue;
            }
            int i = filled < n ? filled++ : n - 1;
            while (i > 0 && logits[best[i - 1]] < logits[v]) {
                best[i] = best[i - 1];
                i--;
            }
            best[i] = v;
        }
        return best;
    }

    /** {@code softmax(logits)} in double, the maximum subtracted first. */
    static double[] probabilities(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int v = 0; v < logits.length; v++) {
            p[v] = Math.exp(logits[v] - max);
            sum += p[v];
        }
        for (int v = 0; v < logits.length; v++) {
            p[v] /= sum;
        }
        return p;
    }
}
