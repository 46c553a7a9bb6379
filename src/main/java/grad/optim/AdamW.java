package grad.optim;

import grad.engine.ParameterStore;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter, 2019), as {@code torch.optim.AdamW} computes it: Adam's update (see
 * {@link Moments}) with the weight decay decoupled from the gradient, each parameter first shrunk by
 * {@code p ← p·(1 − lr·λ)}.
 */
public final class AdamW implements Optimizer {
    /** PyTorch's default weight decay for AdamW (the other defaults are {@link Adam}'s). */
    public static final double WEIGHT_DECAY = 0.01;

    private final ParameterStore store;
    private final Moments moments;
    private final double weightDecay;
    private double lr;

    /** AdamW with PyTorch's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay 0.01. */
    public AdamW(ParameterStore store) {
        this(store, Adam.LR, Adam.BETA1, Adam.BETA2, Adam.EPS, WEIGHT_DECAY);
    }

    /** See {@link Adam#Adam(ParameterStore, double, double, double, double, double)}; the decay is decoupled. */
    public AdamW(ParameterStore store, double lr, double beta1, double beta2, double eps, double weightDecay) {
        this.store = store;
        this.moments = new Moments(store.size(), beta1, beta2, eps);
        this.weightDecay = weightDecay;
        this.lr = lr;
    }

    @Override
    public void step() {
        double[] p = store.data();
        double shrink = 1 - lr * weightDecay;
        for (int i = 0; i < p.length; i++) {
            p[i] = p[i] * shrink;
        }
        moments.step(p, store.grad(), lr);
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
        return "adamw";
    }

    @Override
    public double weightDecay() {
        return weightDecay;
    }

    public double beta1() { return moments.beta1(); }
    public double beta2() { return moments.beta2(); }
    public double eps() { return moments.eps(); }

    @Override
    public Map<String, double[]> state() {
        return moments.state();
    }

    @Override
    public void loadState(Map<String, double[]> state) {
        moments.loadState(state);
    }
}
