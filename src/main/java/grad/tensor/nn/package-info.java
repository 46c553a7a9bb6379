/**
 * PyTorch's building blocks on {@link grad.tensor.Tensor}: {@link grad.tensor.nn.Linear},
 * {@link grad.tensor.nn.Embedding}, {@link grad.tensor.nn.RMSNorm}, {@link grad.tensor.nn.LayerNorm} and
 * {@link grad.tensor.nn.GELU}, each a {@link grad.nn.Module} whose parameters (PyTorch's names:
 * {@code weight}, {@code bias}) an optimizer or a {@link grad.engine.ParameterStore} can take, and whose
 * forward pass is ordinary tensor code that the compiler traces.
 */
package grad.tensor.nn;
