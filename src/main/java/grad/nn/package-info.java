/**
 * Neural networks on {@link grad.engine.Value}s, in micrograd's words and PyTorch's names: a
 * {@link grad.nn.Module} has named parameters; {@link grad.nn.Linear} ({@code w·x + b}, weight
 * {@code [out][in]}) and the {@link grad.nn.Activation}s are modules, and an {@link grad.nn.MLP} is a
 * module made of them ({@code layers.0.weight}, {@code layers.0.bias}, …); softmax and the losses are
 * {@code Value} expressions too. A {@link grad.nn.Model} is what the trainer trains: a module with a
 * forward pass on one sample and its parameters in one {@link grad.engine.ParameterStore}.
 * {@link grad.nn.Layer} and {@link grad.nn.Neuron} are views of an MLP's parameters for the pictures and
 * the model file.
 *
 * <p>For speed, the same definition is compiled once per network and loss
 * ({@link grad.nn.Model#trainingProgram}, {@link grad.nn.MLP#predictionProgram}) and replayed per sample;
 * {@link grad.nn.Predictor} runs the forward-only program for evaluation, pictures and {@code predict}.
 */
package grad.nn;
