/**
 * Optimizers: they move a model's parameters against their gradients, both read from one
 * {@link grad.engine.ParameterStore}: {@link grad.optim.SGD} (momentum, Nesterov, weight decay, L1),
 * {@link grad.optim.Adam} and {@link grad.optim.AdamW} (PyTorch's formulas and defaults).
 */
package grad.optim;
