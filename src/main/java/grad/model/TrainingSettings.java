package grad.model;

import grad.nn.Initializer;

/**
 * How a saved model was trained: what {@code --load-model} reuses to continue exactly where it stopped.
 *
 * @param epochsDone  the epochs trained so far (the next one is {@code epochsDone + 1})
 * @param seed        the seed of every random choice: data, split, initial weights, shuffles
 * @param dataset     the {@code --dataset} argument: a generated dataset's name or a CSV path as given
 * @param classSize   the {@code --class-size} of a generated dataset
 * @param delimiter   the CSV field delimiter
 * @param testSplit   the fraction of rows held out for testing (0 for none)
 * @param batchSize   the minibatch size
 * @param lr          the learning rate
 * @param momentum    the SGD momentum
 * @param weightDecay the L2 weight decay
 * @param nesterov    whether Nesterov momentum was used
 * @param init        how the weights were initialized
 */
public record TrainingSettings(int epochsDone, long seed, String dataset, int classSize, char delimiter,
                               double testSplit, int batchSize, double lr, double momentum, double weightDecay,
                               boolean nesterov, Initializer init) {
}
