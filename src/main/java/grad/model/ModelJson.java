package grad.model;

import com.google.gson.JsonElement;
import grad.io.InlineRecords.Inline;
import java.util.List;

/**
 * The model file's JSON, as Gson binds it (field names in snake_case). Boxed types, so that a missing
 * field reads as {@code null} and is reported rather than taken as 0. See {@link ModelFile} for the
 * meaning of each field. The components marked {@link Inline} group fields of the object they are in:
 * the file has no {@code schema}, {@code data} or {@code sgd} object.
 */
record ModelJson(String format, Integer version, @Inline Schema schema, Network network, Training training,
                 JsonElement optimizer) {

    /** What the model reads and predicts: the task, the feature and label columns, the classes, the scaling. */
    record Schema(String task, List<String> features, JsonElement encoding, List<String> inputFeatures, String label,
                  List<String> classes, Standardization standardization, TargetJson targetScale) {
    }

    /** Per-feature z-score statistics of the training rows. */
    record Standardization(double[] means, double[] stds) {
    }

    /** A regression target's z-score: the network's output times {@code std} plus {@code mean}. */
    record TargetJson(Double mean, Double std) {
    }

    /** The architecture and the weights. */
    record Network(Integer inputs, String loss, List<LayerJson> layers) {
    }

    /** One fully connected layer: {@code weights[neuron][input]}, {@code biases[neuron]}. */
    record LayerJson(Integer inputs, Integer outputs, String activation, double[][] weights, double[] biases) {
    }

    /** How the model was trained. */
    record Training(Integer epochsDone, Long seed, @Inline DataJson data, Integer batchSize, @Inline SgdJson sgd,
                    String init, Double noise, Double l1) {
    }

    /** The data it trained on, and its split. */
    record DataJson(String dataset, Integer classSize, String delimiter, Double testSplit) {
    }

    /** The optimizer's settings. */
    record SgdJson(Double lr, Double momentum, Double weightDecay, Boolean nesterov) {
    }

    /** SGD's state: one momentum velocity per parameter, in the network's neuron order. */
    record SgdState(String kind, double[] velocity) {
    }

    /** Adam's and AdamW's settings and state: the step count and two averages per parameter, in neuron order. */
    record AdamState(String kind, Double beta1, Double beta2, Double eps, Long step, double[] m, double[] v) {
    }
}
