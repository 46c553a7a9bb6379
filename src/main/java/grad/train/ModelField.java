package grad.train;

import grad.data.InputFeatures;
import grad.data.Standardizer;
import grad.nn.MLP;
import grad.nn.Predictor;
import grad.plot.ProbabilityField;

/**
 * A snapshot of the network as a field of class probabilities over the plane, in the data's original
 * units: points are standardized the way training data was before they reach the network. What the
 * decision-boundary pictures of a run and of {@code grad predict} ask. One per thread.
 */
public final class ModelField implements ProbabilityField {
    private final Predictor predictor;
    private final Standardizer standardizer;
    private final InputFeatures features;
    private final double[] raw;
    private final double[] x;

    /** A field of {@code model}'s parameters as they are now; {@code standardizer} may be null. */
    public ModelField(MLP model, Standardizer standardizer) {
        this(model, null, standardizer);
    }

    /**
     * A field of {@code model}'s parameters as they are now, whose network reads the input features
     * {@code features} of each plane point ({@code null}: the point itself), standardized by
     * {@code standardizer} (may be null).
     */
    public ModelField(MLP model, InputFeatures features, Standardizer standardizer) {
        this(model, model.store().data(), features, standardizer);   // the predictor copies them
    }

    /** As above, with the network's parameters {@code parameters} (in its flat order) rather than its own. */
    public ModelField(MLP model, double[] parameters, InputFeatures features, Standardizer standardizer) {
        this.predictor = new Predictor(model, parameters);
        this.standardizer = standardizer;
        this.features = features == null || features.isDefault() ? null : features;
        this.raw = new double[this.features == null ? 2 : this.features.size()];
        this.x = new double[raw.length];
    }

    @Override
    public void probabilities(double px, double py, double[] out) {
        if (features == null) {
            raw[0] = px;
            raw[1] = py;
        } else {
            features.apply(px, py, raw);
        }
        if (standardizer == null) {
            predictor.probabilities(raw, out);
        } else {
            standardizer.transform(raw, x);
            predictor.probabilities(x, out);
        }
    }
}
