package grad.data;

/**
 * A regression target's z-score, fitted on the training rows: networks learn a target of mean 0 and
 * spread 1 far more easily than prices in the hundreds. Losses are then in those units; the RMSE is
 * reported back in the target's own units (R² does not change with the scale).
 *
 * @param mean the training targets' mean
 * @param std  their (population) standard deviation, 1 if they are all equal
 */
public record TargetScale(double mean, double std) {
    /** No scaling: classification, or a regression target left as it is. */
    public static final TargetScale NONE = new TargetScale(0, 1);

    public static TargetScale fit(Dataset train) {
        double mean = 0;
        for (int i = 0; i < train.size(); i++) {
            mean += train.target(i);
        }
        mean /= train.size();
        double var = 0;
        for (int i = 0; i < train.size(); i++) {
            var += (train.target(i) - mean) * (train.target(i) - mean);
        }
        double std = Math.sqrt(var / train.size());
        return new TargetScale(mean, std > 0 ? std : 1);
    }

    /** The dataset with its targets scaled (classification data is returned as it is). */
    public Dataset apply(Dataset data) {
        if (!data.isRegression() || this.equals(NONE)) {
            return data;
        }
        double[] targets = data.targets();
        for (int i = 0; i < targets.length; i++) {
            targets[i] = (targets[i] - mean) / std;
        }
        return Dataset.regression(data.name(), data.featureNames(), data.features(), targets);
    }

    /** A value the network predicts, back in the target's units. */
    public double unscale(double value) {
        return value * std + mean;
    }
}
