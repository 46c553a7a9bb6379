package grad.train;

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
    private final double[] raw = new double[2];
    private final double[] x = new double[2];

    /** A field of {@code model}'s parameters as they are now; {@code standardizer} may be null. */
    public ModelField(MLP model, Standardizer standardizer) {
        this.predictor = new Predictor(model);
        this.standardizer = standardizer;
    }

    @Override
    public void probabilities(double px, double py, double[] out) {
        raw[0] = px;
        raw[1] = py;
        if (standardizer == null) {
            predictor.probabilities(raw, out);
        } else {
            standardizer.transform(raw, x);
            predictor.probabilities(x, out);
        }
    }
}
