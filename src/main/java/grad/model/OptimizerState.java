package grad.model;

import grad.optim.OptimizerKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A saved optimizer: which one, Adam's settings, and its buffers for an exact resume (see
 * {@link grad.optim.Optimizer#state()}), each parameter's values in the network's store order.
 *
 * @param kind    the optimizer
 * @param beta1   Adam's β₁ (SGD's files have none: Adam's default)
 * @param beta2   Adam's β₂
 * @param eps     Adam's ε
 * @param buffers SGD's {@code velocity}; Adam's {@code m}, {@code v} and {@code step} (one number)
 */
public record OptimizerState(OptimizerKind kind, double beta1, double beta2, double eps, Map<String, double[]> buffers) {

    /** Copies the buffers. */
    public OptimizerState {
        Map<String, double[]> copy = new LinkedHashMap<>();
        buffers.forEach((name, values) -> copy.put(name, values.clone()));
        buffers = copy;
    }

    /** SGD's state: its velocities. */
    public static OptimizerState sgd(double[] velocity) {
        return new OptimizerState(OptimizerKind.SGD, grad.optim.Adam.BETA1, grad.optim.Adam.BETA2, grad.optim.Adam.EPS,
                Map.of("velocity", velocity));
    }

    /** A copy of the buffers. */
    @Override
    public Map<String, double[]> buffers() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        buffers.forEach((name, values) -> copy.put(name, values.clone()));
        return copy;
    }

    /** The buffers that hold one value per parameter (all but Adam's {@code step}), by name. */
    Map<String, double[]> perParameter() {
        Map<String, double[]> out = new LinkedHashMap<>(buffers);
        out.remove("step");
        return out;
    }

    /** Adam's step count (0 for SGD). */
    public long step() {
        double[] s = buffers.get("step");
        return s == null ? 0 : (long) s[0];
    }
}
