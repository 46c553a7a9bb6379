package grad.optim;

import java.util.Arrays;

/**
 * Stochastic gradient descent with momentum, as grad-rs writes it: for every parameter {@code p} with
 * gradient {@code g} and velocity {@code v} (starting at 0),
 * <pre>
 *   g ← g + weightDecay·p        (L2, when weightDecay &gt; 0)
 *   v ← μ·v − lr·g
 *   p ← p + v                    (Nesterov: p ← p + μ·v − lr·g)
 * </pre>
 * The optimizer works on the parameter and gradient arrays it was given, in place.
 */
public final class SGD {
    private final double[] parameters;
    private final double[] gradients;
    private final double[] velocity;
    private final double lr;
    private final double momentum;
    private final double weightDecay;
    private final boolean nesterov;

    /** Plain momentum SGD, no weight decay. */
    public SGD(double[] parameters, double[] gradients, double lr, double momentum) {
        this(parameters, gradients, lr, momentum, 0.0, false);
    }

    public SGD(double[] parameters, double[] gradients, double lr, double momentum, double weightDecay,
               boolean nesterov) {
        if (parameters.length != gradients.length) {
            throw new IllegalArgumentException(parameters.length + " parameters but " + gradients.length + " gradients");
        }
        this.parameters = parameters;
        this.gradients = gradients;
        this.velocity = new double[parameters.length];
        this.lr = lr;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
    }

    /** Moves every parameter by its velocity, updated from its gradient. */
    public void step() {
        for (int i = 0; i < parameters.length; i++) {
            double g = gradients[i] + weightDecay * parameters[i];
            velocity[i] = momentum * velocity[i] - lr * g;
            parameters[i] += nesterov ? momentum * velocity[i] - lr * g : velocity[i];
        }
    }

    /** Sets every gradient to 0. */
    public void zeroGrad() {
        Arrays.fill(gradients, 0.0);
    }

    /** The velocities, live (for saving the optimizer's state). */
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
