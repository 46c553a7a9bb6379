package grad.train;

/**
 * SGD's settings.
 *
 * @param lr          learning rate
 * @param momentum    momentum
 * @param weightDecay L2 weight decay
 * @param l1          L1 regularization rate
 * @param nesterov    Nesterov momentum
 */
public record OptimizerPlan(double lr, double momentum, double weightDecay, double l1, boolean nesterov) {

    /** Settings without L1. */
    public OptimizerPlan(double lr, double momentum, double weightDecay, boolean nesterov) {
        this(lr, momentum, weightDecay, 0, nesterov);
    }
}
