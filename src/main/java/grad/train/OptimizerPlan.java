package grad.train;

/**
 * SGD's settings.
 *
 * @param lr          learning rate
 * @param momentum    momentum
 * @param weightDecay L2 weight decay
 * @param nesterov    Nesterov momentum
 */
public record OptimizerPlan(double lr, double momentum, double weightDecay, boolean nesterov) {
}
