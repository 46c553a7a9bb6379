package grad.model;

import grad.nn.Predictor;
import grad.nn.Softmax;

/**
 * The predicting part of {@link Predictions}: the network run on every row's features.
 *
 * @param classes       each row's predicted class (all 0 for regression)
 * @param values        each row's predicted value, in the label's units (all 0 for classification)
 * @param probabilities each row's class probabilities (empty rows for regression)
 */
record PredictedOutputs(int[] classes, double[] values, double[][] probabilities) {

    /** {@code model}'s predictions for {@code features} (each row's features before standardization). */
    static PredictedOutputs of(SavedModel model, double[][] features) {
        int n = features.length;
        PredictedOutputs p = new PredictedOutputs(new int[n], new double[n], new double[n][model.classes().size()]);
        Predictor predictor = new Predictor(model.network());
        double[] x = new double[model.network().inputs()];
        double[] outputs = new double[Math.max(1, model.classes().size())];
        for (int i = 0; i < n; i++) {
            model.networkInput(features[i], x);
            predictor.outputs(x, outputs);
            if (model.isRegression()) {
                p.values[i] = model.target().unscale(outputs[0]);
            } else {
                p.classes[i] = Softmax.argmax(outputs);   // as training's accuracy counts
                predictor.probabilities(x, p.probabilities[i]);
            }
        }
        return p;
    }
}
