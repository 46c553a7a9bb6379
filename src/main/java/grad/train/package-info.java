/**
 * Training: minibatch SGD over a dataset, one sample's forward and backward pass at a time (on several
 * threads when the network is big enough), with metrics, divergence checks, and the run that ties data,
 * network, optimizer and outputs together.
 */
package grad.train;
