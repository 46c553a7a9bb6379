package grad.optim;

import java.util.Map;

/**
 * Adam's running averages of each gradient ({@code m}) and of its square ({@code v}), and the step count,
 * updated as PyTorch 1.13's single-tensor Adam does, operation for operation:
 * <pre>
 *   t ← t + 1
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g·g
 *   p ← p − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 */
final class Moments {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double[] m;
    private final double[] v;
    private long step;

    Moments(int size, double beta1, double beta2, double eps) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.m = new double[size];
        this.v = new double[size];
    }

    /** One step of every parameter {@code p[i]} from its gradient {@code g[i]} (weight decay already applied). */
    void step(double[] p, double[] g, double lr) {
        step++;
        double bias1 = 1 - Math.pow(beta1, step);
        double bias2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        double stepSize = -(lr / bias1);
        double keep1 = 1 - beta1;
        double keep2 = 1 - beta2;
        for (int i = 0; i < p.length; i++) {
            m[i] = m[i] * beta1 + keep1 * g[i];
            v[i] = v[i] * beta2 + keep2 * g[i] * g[i];
            double denom = Math.sqrt(v[i]) / bias2Sqrt + eps;
            p[i] = p[i] + stepSize * m[i] / denom;
        }
    }

    /** Adam's gradient with L2 weight decay, as {@code torch.optim.Adam} adds it: {@code g + λ·p}. */
    static double[] withL2(double[] g, double[] p, double weightDecay, double[] into) {
        for (int i = 0; i < g.length; i++) {
            into[i] = g[i] + weightDecay * p[i];
        }
        return into;
    }

    double beta1() { return beta1; }
    double beta2() { return beta2; }
    double eps() { return eps; }

    /** {@code m}, {@code v} (one per parameter) and {@code step} (one number). */
    Map<String, double[]> state() {
        return Map.of("m", m.clone(), "v", v.clone(), "step", new double[] {step});
    }

    void loadState(Map<String, double[]> state) {
        double[] t = new double[1];
        States.load(state, "step", t);
        if (!(t[0] >= 0 && t[0] == Math.rint(t[0]))) {
            throw new IllegalArgumentException("the optimizer's step count must be a whole number ≥ 0, got " + t[0]);
        }
        States.load(state, "m", m);
        States.load(state, "v", v);
        step = (long) t[0];
    }
}
