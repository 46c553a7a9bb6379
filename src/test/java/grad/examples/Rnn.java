package grad.examples;

import grad.engine.ParameterStore;
import grad.engine.Value;
import grad.optim.SGD;
import grad.tensor.Tensor;
import grad.tensor.TracedStep;
import grad.tensor.nn.Embedding;
import grad.tensor.nn.Linear;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * r-nn's RNN example with {@link Tensor}s: an embedding, a tanh hidden state of 20, log-softmax and the
 * negative log-likelihood of the next symbol, SGD at lr 0.01; on sequences it generates, each counting
 * up modulo {@link #VOCAB} with a stride of 1 or 2 that only the history tells.
 */
final class Rnn {
    static final int VOCAB = 5, EMBED = 8, HIDDEN = 20, SEQUENCES = 8, LENGTH = 10;
    static final double LR = 0.01;

    final Embedding embedding;
    final Linear inputToHidden;
    final Linear hiddenToHidden;
    final Linear hiddenToOutput;

    Rnn(Random random) {
        embedding = new Embedding(VOCAB, EMBED, random);
        inputToHidden = new Linear(EMBED, HIDDEN, true, random);
        hiddenToHidden = new Linear(HIDDEN, HIDDEN, false, random);
        hiddenToOutput = new Linear(HIDDEN, VOCAB, true, random);
    }

    /** Sequence i starts at i mod VOCAB and counts up by 1 (even i) or 2 (odd i): {@code [SEQUENCES][LENGTH]}. */
    static int[][] sequences() {
        int[][] out = new int[SEQUENCES][LENGTH];
        for (int i = 0; i < SEQUENCES; i++) {
            for (int t = 0; t < LENGTH; t++) {
                out[i][t] = (i + t * (1 + i % 2)) % VOCAB;
            }
        }
        return out;
    }

    static int[] column(int[][] sequences, int t) {
        int[] out = new int[sequences.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = sequences[i][t];
        }
        return out;
    }

    /** The mean over time steps of the batch's NLL of each next symbol under log-softmax of the outputs. */
    Tensor loss(int[][] sequences) {
        Tensor h = Tensor.zeros(sequences.length, HIDDEN);
        Tensor total = null;
        for (int t = 0; t + 1 < LENGTH; t++) {
            Tensor x = embedding.forward(column(sequences, t));
            h = inputToHidden.forward(x).add(hiddenToHidden.forward(h)).tanh();
            // cross-entropy is the log-softmax of the outputs and the NLL of the next symbols, averaged
            Tensor nll = hiddenToOutput.forward(h).crossEntropy(column(sequences, t + 1));
            total = total == null ? nll : total.add(nll);
        }
        return total.div(LENGTH - 1);
    }

    List<Value> parameters() {
        List<Value> all = new ArrayList<>(embedding.parameters());
        all.addAll(inputToHidden.parameters());
        all.addAll(hiddenToHidden.parameters());
        all.addAll(hiddenToOutput.parameters());
        return all;
    }

    /** {@code steps} full-batch SGD steps, the loss traced once (the data never changes): the loss before each. */
    double[] train(int[][] sequences, int steps) {
        TracedStep step = TracedStep.compile(loss(sequences), parameters(), List.of());
        SGD sgd = new SGD(ParameterStore.of(parameters()), LR, 0);
        double[] losses = new double[steps];
        for (int s = 0; s < steps; s++) {
            sgd.zeroGrad();
            losses[s] = step.step();
            sgd.step();
        }
        return losses;
    }
}
