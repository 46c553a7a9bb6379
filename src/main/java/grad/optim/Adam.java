package grad.optim;

import grad.engine.ParameterStore;

/**
 * Adam (Kingma and Ba, 2015), as {@code torch.optim.Adam} computes it: per-parameter running averages of
 * the gradient and of its square, bias-corrected (see {@link Moments}). Weight decay is L2, added to the
 * gradient before the averages ({@code g ← g + λ·p}), as PyTorch's Adam does; for decoupled decay use
 * {@link AdamW}.
 */
public final class Adam extends AdaptiveMoments {
    /** PyTorch's defaults. */
    public static final double LR = 1e-3;
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPS = 1e-8;

    private final double[] decayed;

    /** Adam with PyTorch's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, no weight decay. */
    public Adam(ParameterStore store) {
        this(store, LR, BETA1, BETA2, EPS, 0.0);
    }

    /**
     * @param beta1       the decay of the gradient's running average, in [0, 1)
     * @param beta2       the decay of the squared gradient's running average, in [0, 1)
     * @param eps         added to the denominator, &gt; 0
     * @param weightDecay the L2 rate
     */
    public Adam(ParameterStore store, double lr, double beta1, double beta2, double eps, double weightDecay) {
        super(store, lr, beta1, beta2, eps, weightDecay);
        this.decayed = weightDecay != 0 ? new double[store.size()] : null;
    }

    @Override
    public void step() {
        double[] p = store.data();
        double[] g = weightDecay != 0 ? Moments.withL2(store.grad(), p, weightDecay, decayed) : store.grad();
        moments.step(p, g, lr);
    }

    @Override
    public String id() {
        return "adam";
    }
}
