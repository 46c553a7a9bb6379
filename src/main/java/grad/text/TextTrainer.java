package grad.text;

import grad.engine.ParameterStore;
import grad.optim.Adam;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * microgpt's training loop: step s reads the next {@code batchSize} training documents (shuffled once,
 * then taken in turn), takes the mean loss over their predicted tokens, and moves every parameter by
 * Adam with a learning rate falling linearly from {@code lr} to 0.
 */
final class TextTrainer {
    private final Runner runner;
    private final Adam adam;
    private final int[][] docs;
    private final double lr;
    private final int steps;
    private final int batchSize;

    TextTrainer(Runner runner, ParameterStore store, List<int[]> train, TextSettings settings) {
        this.runner = runner;
        this.adam = new Adam(store, settings.lr(), TextSettings.BETA1, TextSettings.BETA2, TextSettings.EPS, 0);
        int[] order = Documents.shuffled(train.size(), new Random(settings.seed() + 1));   // Collections.shuffle's order
        this.docs = new int[order.length][];
        for (int i = 0; i < order.length; i++) {
            docs[i] = train.get(order[i]);
        }
        this.lr = settings.lr();
        this.steps = settings.steps();
        this.batchSize = settings.batchSize();
    }

    /** Step {@code s} (from 0): the batch's mean loss per token before the step. */
    double step(int s) {
        List<int[]> batch = new ArrayList<>(batchSize);
        long tokens = 0;
        for (int j = 0; j < batchSize; j++) {
            int[] doc = docs[(int) (((long) s * batchSize + j) % docs.length)];
            batch.add(doc);
            tokens += doc.length + 1;
        }
        double scale = 1.0 / tokens;
        double loss = 0;
        for (int[] doc : batch) {
            loss += runner.loss(doc, scale, true);
        }
        adam.setLr(lr * (1 - (double) s / steps));
        adam.step();
        adam.zeroGrad();
        return loss;
    }
}
