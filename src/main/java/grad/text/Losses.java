package grad.text;

import java.util.List;

/**
 * The mean loss of a model on documents, in nats per character: {@code −log p} of every predicted
 * token, BOS→first character and last character→EOS included, averaged over all of them.
 *
 * @param loss   the mean
 * @param tokens how many tokens were predicted
 */
public record Losses(double loss, long tokens) {
    static Losses of(Runner runner, List<int[]> docs) {
        double total = 0;
        long tokens = 0;
        for (int[] doc : docs) {
            total += runner.loss(doc, 1, false);
            tokens += doc.length + 1;
        }
        return new Losses(total / tokens, tokens);
    }
}
