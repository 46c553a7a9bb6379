/**
 * Neural networks on the engine: {@link grad.nn.MLP} (layers of {@link grad.nn.Neuron}s), activations,
 * initializers, softmax and losses.
 *
 * <p>A network keeps its parameters in one flat array, neuron by neuron, each neuron's weights followed
 * by its bias; {@link grad.nn.MLP#forward} records one sample on a {@link grad.engine.Tape} whose first
 * nodes are those parameters, and {@link grad.engine.Tape#backward} fills their gradients.
 */
package grad.nn;
