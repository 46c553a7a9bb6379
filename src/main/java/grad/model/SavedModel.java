package grad.model;

import grad.data.Dataset;
import grad.data.FeatureEncoding;
import grad.data.InputFeatures;
import grad.data.Standardizer;
import grad.data.TargetScale;
import grad.nn.Activation;
import grad.nn.Loss;
import grad.nn.MLP;
import java.util.List;

/**
 * A trained network with everything needed to use it on new data and to continue training it.
 *
 * <p>The network and the arrays are copied in and out, so a saved model never changes.
 *
 * @param encoding     the feature columns the model reads, in order, and how they become the network's
 *                     inputs (numbers, with a fill value for missing cells; categories, one-hot); see
 *                     {@link FeatureEncoding}
 * @param inputFeatures for a model of 2 inputs, the inputs the network computes from them before
 *                     standardization ({@link InputFeatures#DEFAULT} for the point itself); {@code null}
 *                     for other models, whose network reads the encoded features as they are
 * @param label        the name of the label column (for generated data, {@code label})
 * @param classes      the class names, index = network output; empty for regression
 * @param network      the network
 * @param loss         the loss it was trained with
 * @param standardizer the z-scoring applied to the encoded features before the network, or {@code null}
 * @param target       the z-scoring of a regression target: the network predicts scaled values
 *                     ({@link TargetScale#NONE} for classification)
 * @param training     how it was trained, with the epochs done
 * @param optimizer    the optimizer and its state, for an exact resume
 */
public record SavedModel(FeatureEncoding encoding, InputFeatures inputFeatures, String label, List<String> classes,
                         MLP network, Loss loss, Standardizer standardizer, TargetScale target, TrainingSettings training,
                         OptimizerState optimizer) {

    /** A model whose network reads number columns as they are ({@code x,y} for 2 features). */
    public SavedModel(List<String> features, String label, List<String> classes, MLP network, Loss loss,
                      Standardizer standardizer, TargetScale target, TrainingSettings training, OptimizerState optimizer) {
        this(FeatureEncoding.plain(features), null, label, classes, network, loss, standardizer, target, training,
                optimizer);
    }

    /** As above, trained by SGD with momentum velocities {@code velocity} (one per parameter, in store order). */
    public SavedModel(List<String> features, String label, List<String> classes, MLP network, Loss loss,
                      Standardizer standardizer, TargetScale target, TrainingSettings training, double[] velocity) {
        this(features, label, classes, network, loss, standardizer, target, training, OptimizerState.sgd(velocity));
    }

    /** Copies everything; checks that the parts fit together. */
    public SavedModel {
        int width = encoding.width();
        if (width == 2 && inputFeatures == null) {
            inputFeatures = InputFeatures.DEFAULT;
        }
        if (width != 2 && inputFeatures != null) {
            throw new IllegalArgumentException("input features " + inputFeatures + " for " + width + " inputs");
        }
        int inputs = inputFeatures == null ? width : inputFeatures.size();
        classes = List.copyOf(classes);
        network = network.copy();
        target = target == null ? TargetScale.NONE : target;
        if (network.inputs() != inputs) {
            throw new IllegalArgumentException(inputs + " inputs for a network of " + network.inputs() + " inputs");
        }
        if (network.outputs() != (classes.isEmpty() ? 1 : classes.size())) {
            throw new IllegalArgumentException(network.outputs() + " outputs for " + classes.size() + " classes");
        }
        for (var buffer : optimizer.perParameter().entrySet()) {
            if (buffer.getValue().length != network.parameterCount()) {
                throw new IllegalArgumentException(buffer.getValue().length + " values of " + buffer.getKey() + " for "
                        + network.parameterCount() + " parameters");
            }
        }
        if (standardizer != null && standardizer.featureCount() != inputs) {
            throw new IllegalArgumentException("standardizer of " + standardizer.featureCount() + " features");
        }
    }

    /** The feature columns the model reads, by name, in order. */
    public List<String> features() {
        return encoding.names();
    }

    /**
     * The network's input for an encoded row (one value per {@link FeatureEncoding#inputNames()}): its input
     * features (for 2-D models), then standardized; {@code out} has one slot per network input.
     */
    public void networkInput(double[] row, double[] out) {
        double[] x = inputFeatures == null || inputFeatures.isDefault() ? row : inputFeatures.apply(row[0], row[1]);
        if (standardizer == null) {
            System.arraycopy(x, 0, out, 0, out.length);
        } else {
            standardizer.transform(x, out);
        }
    }

    /** A copy of the network. */
    @Override
    public MLP network() {
        return network.copy();
    }

    /** A copy of SGD's velocities (one per parameter, in store order), or null for another optimizer. */
    public double[] velocity() {
        return optimizer.buffers().get("velocity");
    }

    /** Whether the network predicts a number rather than a class. */
    public boolean isRegression() {
        return classes.isEmpty();
    }

    /** Whether a decision boundary can be drawn for it: two inputs that are numbers (not one-hot columns), and classes. */
    public boolean isPlottable() {
        return Dataset.isPlottable(encoding.width(), isRegression()) && !encoding.hasCategories();
    }

    /** The hidden layer sizes (all but the output layer). */
    public List<Integer> hidden() {
        int[] sizes = network.sizes();
        return java.util.Arrays.stream(sizes, 0, sizes.length - 1).boxed().toList();
    }

    /** The hidden layers' activation ({@link Activation#RELU} when there are none). */
    public Activation activation() {
        return network.hiddenActivation();
    }
}
