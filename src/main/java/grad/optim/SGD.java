package grad.optim;

import grad.engine.Value;
import java.util.List;

/**
 * Stochastic gradient descent with momentum, as grad-rs writes it: for every parameter {@code p} with
 * gradient {@code g} and velocity {@code v} (starting at 0),
 * <pre>
 *   g ← g + weightDecay·p        (L2, when weightDecay &gt; 0)
 *   g ← g + l1·sign(p)           (L1, when l1 &gt; 0; sign(0) = 0)
 *   v ← μ·v − lr·g
 *   p ← p + v                    (Nesterov: p ← p + μ·v − lr·g)
 * </pre>
 * The optimizer changes the parameters it was given in place, from their gradients ({@link Value#grad()}).
 */
public final class SGD {
    private final List<Value> parameters;
    private final double[] velocity;
    private double lr;
    private final double momentum;
    private final double weightDecay;
    private final double l1;
    private final boolean nesterov;

    /** Plain momentum SGD, no weight decay. */
    public SGD(List<Value> parameters, double lr, double momentum) {
        this(parameters, lr, momentum, 0.0, false);
    }

    /** Momentum SGD with L2 weight decay, no L1. */
    public SGD(List<Value> parameters, double lr, double momentum, double weightDecay, boolean nesterov) {
        this(parameters, lr, momentum, weightDecay, 0.0, nesterov);
    }

    /**
     * Momentum SGD with L2 weight decay and L1 regularization.
     *
     * @param weightDecay the L2 rate: adds {@code weightDecay·p} to each gradient
     * @param l1          the L1 rate: adds {@code l1·sign(p)} to each gradient
     */
    public SGD(List<Value> parameters, double lr, double momentum, double weightDecay, double l1,
               boolean nesterov) {
        this.parameters = List.copyOf(parameters);
        this.velocity = new double[parameters.size()];
        this.lr = lr;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.l1 = l1;
        this.nesterov = nesterov;
    }

    /** Moves every parameter by its velocity, updated from its gradient. */
    public void step() {
        for (int i = 0; i < velocity.length; i++) {
            Value p = parameters.get(i);
            double g = p.grad() + weightDecay * p.data() + l1 * Math.signum(p.data());
            velocity[i] = momentum * velocity[i] - lr * g;
            p.setData(p.data() + (nesterov ? momentum * velocity[i] - lr * g : velocity[i]));
        }
    }

    /** Changes the learning rate from the next step on (the learning-rate range test raises it step by step). */
    public void setLr(double lr) {
        this.lr = lr;
    }

    /** Sets every gradient to 0. */
    public void zeroGrad() {
        for (Value p : parameters) {
            p.setGrad(0);
        }
    }

    /** The L2 rate. */
    public double weightDecay() {
        return weightDecay;
    }

    /** The L1 rate. */
    public double l1() {
        return l1;
    }

    /** The per-parameter momentum buffers (copied). */
    public double[] velocity() {
        return velocity;
    }

    /** Restores saved velocities. */
    public void setVelocity(double[] saved) {
        if (saved.length != velocity.length) {
            throw new IllegalArgumentException("expected " + velocity.length + " velocities, got " + saved.length);
        }
        System.arraycopy(saved, 0, velocity, 0, velocity.length);
    }
}
