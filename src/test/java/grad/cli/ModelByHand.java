package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * A model file's network applied by hand, independently of {@code grad}'s engine, as the reference the
 * tests check {@code predict} against: z-score the features with the file's statistics, then each layer's
 * {@code weights · x + biases} (ReLU on the hidden layers, linear at the output), then a softmax.
 */
final class ModelByHand {
    private ModelByHand() {
    }

    /** The class probabilities the model file {@code json} gives the (already computed) {@code features}. */
    static double[] probabilities(JsonObject json, double... features) {
        JsonObject stats = json.getAsJsonObject("standardization");
        double[] x = new double[features.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (features[i] - stats.getAsJsonArray("means").get(i).getAsDouble())
                    / stats.getAsJsonArray("stds").get(i).getAsDouble();
        }
        JsonArray layers = json.getAsJsonObject("network").getAsJsonArray("layers");
        for (int l = 0; l < layers.size(); l++) {
            JsonObject layer = layers.get(l).getAsJsonObject();
            assertThat(layer.get("activation").getAsString()).isEqualTo(l < layers.size() - 1 ? "relu" : "linear");
            JsonArray weights = layer.getAsJsonArray("weights");
            double[] y = new double[weights.size()];
            for (int j = 0; j < y.length; j++) {
                double z = layer.getAsJsonArray("biases").get(j).getAsDouble();
                for (int i = 0; i < x.length; i++) {
                    z += weights.get(j).getAsJsonArray().get(i).getAsDouble() * x[i];
                }
                y[j] = l < layers.size() - 1 ? Math.max(0, z) : z;
            }
            x = y;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[x.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(x[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }
}
