package grad.model;

import grad.nn.Initializer;

/**
 * How a saved model was trained: what {@code --load-model} reuses to continue exactly where it stopped.
 *
 * @param epochsDone the epochs trained so far (the next one is {@code epochsDone + 1})
 * @param seed       the seed of every random choice: data, split, initial weights, shuffles
 * @param data       the data it trained on, and its split
 * @param sgd        the optimizer's settings
 * @param batchSize  the minibatch size
 * @param init       how the weights were initialized
 */
public record TrainingSettings(int epochsDone, long seed, Data data, Sgd sgd, int batchSize, Initializer init) {

    /**
     * The data a model trained on.
     *
     * @param dataset   the {@code --dataset} argument: a generated dataset's name or a CSV path as given
     * @param classSize the {@code --class-size} of a generated dataset
     * @param delimiter the CSV field delimiter
     * @param testSplit the fraction of rows held out for testing (0 for none)
     * @param noise     a generated dataset's {@code --noise}, or null for the dataset's own amount
     */
    public record Data(String dataset, int classSize, char delimiter, double testSplit, Double noise) {
        /** Data with a generated dataset's own noise. */
        public Data(String dataset, int classSize, char delimiter, double testSplit) {
            this(dataset, classSize, delimiter, testSplit, null);
        }
    }

    /**
     * The optimizer's settings.
     *
     * @param lr          the learning rate
     * @param momentum    the SGD momentum
     * @param weightDecay the L2 weight decay
     * @param l1          the L1 regularization rate (0 in files that predate it)
     * @param nesterov    whether Nesterov momentum was used
     */
    public record Sgd(double lr, double momentum, double weightDecay, double l1, boolean nesterov) {
        /** Settings without L1. */
        public Sgd(double lr, double momentum, double weightDecay, boolean nesterov) {
            this(lr, momentum, weightDecay, 0, nesterov);
        }
    }

    public String dataset() {
        return data.dataset();
    }

    public int classSize() {
        return data.classSize();
    }

    public char delimiter() {
        return data.delimiter();
    }

    public double testSplit() {
        return data.testSplit();
    }

    /** A generated dataset's {@code --noise}, or null for its own amount. */
    public Double noise() {
        return data.noise();
    }

    public double lr() {
        return sgd.lr();
    }

    public double momentum() {
        return sgd.momentum();
    }

    public double weightDecay() {
        return sgd.weightDecay();
    }

    public double l1() {
        return sgd.l1();
    }

    public boolean nesterov() {
        return sgd.nesterov();
    }
}
