package grad.model;

import grad.data.Standardizer;
import grad.nn.MLP;
import grad.nn.Predictor;
import grad.plot.ProbabilityField;

/**
 * A saved two-feature classifier as a field of class probabilities over the plane, in the data's
 * original units. One per thread.
 */
final class ModelProbabilities implements ProbabilityField {
    private final Predictor predictor;
    private final Standardizer standardizer;
    private final double[] raw = new double[2];
    private final double[] x = new double[2];

    ModelProbabilities(MLP network, Standardizer standardizer) {
        this.predictor = new Predictor(network);
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
