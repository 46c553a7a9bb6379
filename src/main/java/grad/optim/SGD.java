package grad.optim;

import grad.engine.ParameterStore;
import java.util.Map;

/**
 * Stochastic gradient descent with momentum, as grad-rs writes it: for every parameter {@code p} with
 * gradient {@code g} and velocity {@code v} (starting at 0),
 * <pre>
 *   g ← g + weightDecay·p        (L2, when weightDecay &gt; 0)
 *   g ← g + l1·sign(p)           (L1, when l1 &gt; 0; sign(0) = 0)
 *   v ← μ·v − lr·g
 *   p ← p + v                    (Nesterov: p ← p + μ·v − lr·g)
 * </pre>
 * It changes the store's values in place, from the store's gradients.
 */
public final class SGD implements Optimizer {
    private final ParameterStore store;
    private final double[] velocity;
    private double lr;
    private final double momentum;
    private final double weightDecay;
    private final double l1;
    private final boolean nesterov;

    /** Plain momentum SGD, no weight decay. */
    public SGD(ParameterStore store, double lr, double momentum) {
        this(store, lr, momentum, 0.0, 0.0, false);
    }

    /**
     * Momentum SGD with L2 weight decay and L1 regularization.
     *
     * @param weightDecay the L2 rate: adds {@code weightDecay·p} to each gradient
     * @param l1          the L1 rate: adds {@code l1·sign(p)} to each gradient
     */
    public SGD(ParameterStore store, double lr, double momentum, double weightDecay, double l1, boolean nesterov) {
        this.store = store;
        this.velocity = new double[store.size()];
        this.lr = lr;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.l1 = l1;
        this.nesterov = nesterov;
    }

    /** Moves every parameter by its velocity, updated from its gradient. */
    @Override
    public void step() {
        double[] p = store.data();
        double[] grad = store.grad();
        for (int i = 0; i < velocity.length; i++) {
            double g = grad[i] + weightDecay * p[i] + l1 * Math.signum(p[i]);
            velocity[i] = momentum * velocity[i] - lr * g;
            p[i] = p[i] + (nesterov ? momentum * velocity[i] - lr * g : velocity[i]);
        }
    }

    @Override
    public void zeroGrad() {
        store.zeroGrad();
    }

    @Override
    public double lr() {
        return lr;
    }

    @Override
    public void setLr(double lr) {
        this.lr = lr;
    }

    @Override
    public String id() {
        return "sgd";
    }

    @Override
    public double weightDecay() {
        return weightDecay;
    }

    /** The L1 rate. */
    @Override
    public double l1() {
        return l1;
    }

    /** {@code velocity}: one momentum buffer per parameter, in the store's order. */
    @Override
    public Map<String, double[]> state() {
        return Map.of("velocity", velocity.clone());
    }

    @Override
    public void loadState(Map<String, double[]> state) {
        States.load(state, "velocity", velocity);
    }
}
