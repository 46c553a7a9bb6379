package grad.optim;

import java.util.Map;

/**
 * Changes a model's parameters from their gradients, both read from one
 * {@link grad.engine.ParameterStore}. Lifecycle per minibatch: gradients accumulate (backward passes),
 * {@link #step()}, {@link #zeroGrad()}.
 */
public interface Optimizer {
    /** Moves every parameter by one step, from the gradients now in the store. */
    void step();

    /** Sets every gradient to 0. */
    void zeroGrad();

    /** The learning rate of the next step. */
    double lr();

    /** Changes the learning rate from the next step on (a range test or a schedule). */
    void setLr(double lr);

    /** The weight-decay rate (L2 for SGD and Adam, decoupled for AdamW); 0 for none. */
    double weightDecay();

    /** The L1 rate (SGD's); 0 for an optimizer without one. */
    default double l1() {
        return 0.0;
    }

    /** A short name for logs, files and the command line: {@code sgd}, {@code adam}, {@code adamw}. */
    String id();

    /**
     * A copy of the buffers an exact resume needs, by name (SGD's {@code velocity}; Adam's {@code m},
     * {@code v} and {@code step}), each as long as the store or one number.
     */
    Map<String, double[]> state();

    /** Restores buffers saved by {@link #state()}; throws IllegalArgumentException on a size mismatch. */
    void loadState(Map<String, double[]> state);
}
