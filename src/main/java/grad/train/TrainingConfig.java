package grad.train;

import grad.data.CsvOptions;
import grad.nn.Activation;
import grad.nn.Initializer;
import grad.nn.Loss;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a training run needs to know, as the command line gave it.
 *
 * @param dataset          a generated dataset's name, or a path to a CSV file
 * @param csv              how to read a CSV dataset
 * @param classSize        generated datasets' size (grad-rs's meaning: in total for linear and xor, per class for moons and circles)
 * @param batchSize        minibatch size
 * @param epochs           epochs to train (in total, counting those of a loaded model)
 * @param lr               learning rate
 * @param momentum         SGD momentum
 * @param weightDecay      L2 weight decay
 * @param nesterov         Nesterov momentum
 * @param printEvery       log and draw every this many epochs (and at the last)
 * @param outputDir        where files go
 * @param hidden           hidden layer sizes
 * @param graphviz         whether to write the computation graph of one sample at print epochs
 * @param graphvizMaxNodes above this many nodes, graphs are reduced
 * @param seed             every random choice comes from it
 * @param loss             the loss function (classification)
 * @param activation       the hidden layers' activation
 * @param init             the initializer
 * @param plots            whether to draw pictures
 * @param gifEvery         an animation frame every this many epochs (0: at print epochs)
 * @param threads          threads for a minibatch's samples
 * @param testSplit        the fraction held out for testing, or null for the default (0.2 for CSV, 0 for generated)
 * @param standardize      z-score features, or null for the default (on for CSV, off for generated)
 * @param saveModel        where to save the trained model, or null
 * @param loadModel        a saved model to continue training, or null
 */
public record TrainingConfig(
        String dataset, CsvOptions csv, int classSize, int batchSize, int epochs, double lr, double momentum,
        double weightDecay, boolean nesterov, int printEvery, Path outputDir, List<Integer> hidden, boolean graphviz,
        int graphvizMaxNodes, long seed, Loss loss, Activation activation, Initializer init, boolean plots,
        int gifEvery, int threads, Double testSplit, Boolean standardize, Path saveModel, Path loadModel) {

    public TrainingConfig {
        hidden = List.copyOf(hidden);
    }

    /** Whether {@code epoch} gets an animation frame: every {@code gifEvery} epochs and the last, or at print epochs. */
    public boolean isFrameEpoch(int epoch) {
        return gifEvery > 0 ? (epoch - 1) % gifEvery == 0 || epoch == epochs : isPrintEpoch(epoch);
    }

    /** Whether {@code epoch} is one to log and draw: 1, 1+p, 1+2p, … and the last. */
    public boolean isPrintEpoch(int epoch) {
        return (epoch - 1) % printEvery == 0 || epoch == epochs;
    }
}
