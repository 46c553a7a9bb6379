package grad.train;

import grad.nn.MLP;
import grad.optim.SGD;
import java.util.ArrayList;
import java.util.List;

/**
 * Early stopping as training goes ({@code --early-stopping}): reads each epoch's validation loss from its
 * metrics, keeps a copy of the best epoch's weights and velocities, tells when the patience has run out,
 * and puts the best epoch's weights back at the end.
 */
final class EarlyStopper {
    private final int patience;
    private final MLP model;
    private final SGD sgd;
    private final List<Double> losses = new ArrayList<>();
    private int bestEpoch;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private double[] bestWeights;
    private double[] bestVelocity;

    EarlyStopper(int patience, MLP model, SGD sgd) {
        this.patience = patience;
        this.model = model;
        this.sgd = sgd;
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
            bestWeights = model.parameterData();
            bestVelocity = sgd.state().get("velocity");
            return false;
        }
        return m.epoch() - bestEpoch >= patience;
    }

    /**
     * Puts the best epoch's weights and velocities back into the network and optimizer.
     *
     * @param lastEpoch the last epoch trained
     * @param reason    why training stopped: {@code patience} or {@code epochs}
     */
    EarlyStopping.Result restoreBest(int lastEpoch, String reason) {
        if (bestWeights != null) {
            model.setParameterData(bestWeights);
            sgd.loadState(java.util.Map.of("velocity", bestVelocity));
        }
        return new EarlyStopping.Result(bestEpoch, bestLoss, lastEpoch, reason,
                losses.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
