/**
 * Neural networks on {@link grad.engine.Value}s, in micrograd's shape: a {@link grad.nn.Neuron} computes
 * {@code activation(w₀·x₀ + … + b)} with {@code Value} multiplications and additions, a
 * {@link grad.nn.Layer} is a list of neurons and an {@link grad.nn.MLP} a list of layers; softmax and the
 * losses are {@code Value} expressions too. {@link grad.nn.MLP#call} is the one definition of a model.
 *
 * <p>For speed, the same definition is compiled once per network and loss
 * ({@link grad.nn.MLP#trainingProgram}, {@link grad.nn.MLP#predictionProgram}) and replayed per sample;
 * {@link grad.nn.Predictor} runs the forward-only program for evaluation, pictures and {@code predict}.
 */
package grad.nn;
