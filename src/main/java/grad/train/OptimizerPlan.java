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
public record OptimizerPlan(double lr, double momentum, double weightDecay, double l1, boolean nesterov, boolean lrAuto) {

    /** Settings with a learning rate the user gave. */
    public OptimizerPlan(double lr, double momentum, double weightDecay, double l1, boolean nesterov) {
        this(lr, momentum, weightDecay, l1, nesterov, false);
    }

    /** The same settings at the learning rate {@code lr} chosen by the learning-rate range test ({@code --lr auto}). */
    public OptimizerPlan withAutoLr(double lr) {
        return new OptimizerPlan(lr, momentum, weightDecay, l1, nesterov, true);
    }

    /** Settings without L1. */
    public OptimizerPlan(double lr, double momentum, double weightDecay, boolean nesterov) {
        this(lr, momentum, weightDecay, 0, nesterov);
    }
}
