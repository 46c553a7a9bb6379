package grad.optim;

import grad.engine.ParameterStore;
import java.util.Map;

/**
 * What {@link Adam} and {@link AdamW} share: the store, the bias-corrected running averages
 * ({@link Moments}), the learning rate and the weight-decay rate. They differ only in how the decay
 * enters their {@link #step()}.
 */
abstract sealed class AdaptiveMoments implements Optimizer permits Adam, AdamW {
    final ParameterStore store;
    final Moments moments;
    final double weightDecay;
    double lr;

    AdaptiveMoments(ParameterStore store, double lr, double beta1, double beta2, double eps, double weightDecay) {
        this.store = store;
        this.moments = new Moments(store.size(), beta1, beta2, eps);
        this.weightDecay = weightDecay;
        this.lr = lr;
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
