package grad.train;

import grad.nn.Model;
import grad.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Early stopping as training goes ({@code --early-stopping}): reads each epoch's validation loss from its
 * metrics, keeps a copy of the best epoch's weights and optimizer state, tells when the patience has run
 * out, and puts the best epoch's weights back at the end.
 */
final class EarlyStopper {
    private final int patience;
    private final Model model;
    private final Optimizer optimizer;
    private final List<Double> losses = new ArrayList<>();
    private int bestEpoch;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private double[] bestWeights;
    private Map<String, double[]> bestState;

    EarlyStopper(int patience, Model model, Optimizer optimizer) {
        this.patience = patience;
        this.model = model;
        this.optimizer = optimizer;
    }

    /**
     * Notes the epoch's validation loss, keeping the network's weights when it is the best so far.
     *
     * @return whether {@code patience} epochs have passed without a better validation loss
     */
    boolean exhausted(EpochMetrics m) {
        double v = m.validation().loss();
        losses.add(v);
        if (v < bestLoss) {
            bestLoss = v;
            bestEpoch = m.epoch();
            bestWeights = model.store().data().clone();
            bestState = optimizer.state();
            return false;
        }
        return m.epoch() - bestEpoch >= patience;
    }

    /**
     * Puts the best epoch's weights and optimizer state back into the model and optimizer.
     *
     * @param lastEpoch the last epoch trained
     * @param reason    why training stopped: {@code patience} or {@code epochs}
     */
    EarlyStopping.Result restoreBest(int lastEpoch, String reason) {
        if (bestWeights != null) {
            System.arraycopy(bestWeights, 0, model.store().data(), 0, bestWeights.length);
            optimizer.loadState(bestState);
        }
        return new EarlyStopping.Result(bestEpoch, bestLoss, lastEpoch, reason,
                losses.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
