/** Optimizers: they move parameters against their gradients. */
package grad.optim;
