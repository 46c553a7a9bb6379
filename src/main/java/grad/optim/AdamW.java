package grad.optim;

import grad.engine.ParameterStore;

/**
 * AdamW (Loshchilov and Hutter, 2019), as {@code torch.optim.AdamW} computes it: Adam's update (see
 * {@link Moments}) with the weight decay decoupled from the gradient, each parameter first shrunk by
 * {@code p ← p·(1 − lr·λ)}.
 */
public final class AdamW extends AdaptiveMoments {
    /** PyTorch's default weight decay for AdamW (the other defaults are {@link Adam}'s). */
    public static final double WEIGHT_DECAY = 0.01;

    /** AdamW with PyTorch's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay 0.01. */
    public AdamW(ParameterStore store) {
        this(store, Adam.LR, Adam.BETA1, Adam.BETA2, Adam.EPS, WEIGHT_DECAY);
    }

    /** See {@link Adam#Adam(ParameterStore, double, double, double, double, double)}; the decay is decoupled. */
    public AdamW(ParameterStore store, double lr, double beta1, double beta2, double eps, double weightDecay) {
        super(store, lr, beta1, beta2, eps, weightDecay);
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
    public String id() {
        return "adamw";
    }
}
