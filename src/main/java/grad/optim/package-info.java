/** Optimizers: they move a network's parameters against their gradients (SGD with momentum and weight decay). */
package grad.optim;
