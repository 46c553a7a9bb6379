package grad.train;

import grad.engine.ParameterStore;
import grad.optim.Adam;
import grad.optim.AdamW;
import grad.optim.Optimizer;
import grad.optim.OptimizerKind;
import grad.optim.SGD;

/**
 * The optimizer's settings. SGD reads {@code momentum}, {@code nesterov} and {@code l1}; Adam and AdamW read
 * {@code beta1}, {@code beta2} and {@code eps}; all read {@code lr} and {@code weightDecay}.
 *
 * @param kind        which optimizer
 * @param lr          learning rate
 * @param momentum    SGD's momentum
 * @param weightDecay weight decay (L2 for SGD and Adam, decoupled for AdamW)
 * @param l1          SGD's L1 regularization rate
 * @param nesterov    SGD's Nesterov momentum
 * @param beta1       Adam's decay of the gradient's average
 * @param beta2       Adam's decay of the squared gradient's average
 * @param eps         Adam's term added to the denominator
 * @param lrAuto      whether the rate was chosen by the learning-rate range test ({@code --lr auto})
 */
public record OptimizerPlan(OptimizerKind kind, double lr, double momentum, double weightDecay, double l1,
                            boolean nesterov, double beta1, double beta2, double eps, boolean lrAuto) {

    /** SGD settings with a learning rate the user gave. */
    public OptimizerPlan(double lr, double momentum, double weightDecay, double l1, boolean nesterov) {
        this(OptimizerKind.SGD, lr, momentum, weightDecay, l1, nesterov, Adam.BETA1, Adam.BETA2, Adam.EPS, false);
    }

    /** SGD settings without L1. */
    public OptimizerPlan(double lr, double momentum, double weightDecay, boolean nesterov) {
        this(lr, momentum, weightDecay, 0, nesterov);
    }

    /** The same settings at the learning rate {@code lr} chosen by the learning-rate range test ({@code --lr auto}). */
    public OptimizerPlan withAutoLr(double lr) {
        return new OptimizerPlan(kind, lr, momentum, weightDecay, l1, nesterov, beta1, beta2, eps, true);
    }

    /** The optimizer these settings describe, over {@code store}. */
    public Optimizer create(ParameterStore store) {
        return create(store, lr);
    }

    /** As {@link #create(ParameterStore)}, starting at the learning rate {@code rate}. */
    public Optimizer create(ParameterStore store, double rate) {
        return switch (kind) {
            case SGD -> new SGD(store, rate, momentum, weightDecay, l1, nesterov);
            case ADAM -> new Adam(store, rate, beta1, beta2, eps, weightDecay);
            case ADAMW -> new AdamW(store, rate, beta1, beta2, eps, weightDecay);
        };
    }
}
