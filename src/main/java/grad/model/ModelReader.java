package grad.model;

import grad.io.Text;
import grad.GradException;
import grad.data.FeatureEncoding;
import grad.data.InputFeatures;
import grad.data.Standardizer;
import grad.data.TargetScale;
import grad.nn.Activation;
import grad.nn.Initializer;
import grad.nn.Loss;
import grad.nn.MLP;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import grad.optim.OptimizerKind;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the JSON of a model file into a {@link SavedModel}, checking that every part is there and fits. */
final class ModelReader {
    private final String where;

    ModelReader(String where) {
        this.where = where;
    }

    SavedModel read(ModelJson json) {
        ModelJson.Schema schema = json.schema();
        boolean regression = switch (require(schema.task(), "task")) {
            case "classification" -> false;
            case "regression" -> true;
            default -> throw invalid("\"task\" must be \"classification\" or \"regression\", not "
                    + Text.quote(schema.task()));
        };
        List<String> features = names(require(schema.features(), "features"), "features");
        if (features.isEmpty()) {
            throw invalid("\"features\" is empty");
        }
        String label = require(schema.label(), "label");
        List<String> classes = names(schema.classes() == null ? List.of() : schema.classes(), "classes");
        if (regression && !classes.isEmpty()) {
            throw invalid("a regression model has no \"classes\", but " + classes.size() + " are listed");
        }
        if (!regression && classes.size() < 2) {
            throw invalid("a classification model needs at least two \"classes\", not " + classes.size());
        }
        ModelJson.Network net = require(json.network(), "network");
        Loss loss = loss(require(net.loss(), "network.loss"), regression);
        FeatureEncoding encoding = EncodingJson.fromJson(schema.encoding(), features, this::invalid);
        InputFeatures inputFeatures = inputFeatures(schema.inputFeatures(), encoding.width());
        int inputs = inputFeatures == null ? encoding.width() : inputFeatures.size();
        MLP network = network(net, inputs, regression ? 1 : classes.size());
        Standardizer standardizer = standardizer(schema.standardization(), inputs);
        TrainingSettings training = training(require(json.training(), "training"));
        OptimizerState optimizer = optimizer(require(json.optimizer(), "optimizer"), network);
        return new SavedModel(encoding, inputFeatures, label, classes, network, loss, standardizer,
                target(schema.targetScale()), training, optimizer);
    }

    /** The input features of a 2-D model ({@code x,y} when the file has none), or null for other models. */
    private InputFeatures inputFeatures(List<String> ids, int features) {
        if (ids == null) {
            return features == 2 ? InputFeatures.DEFAULT : null;
        }
        if (features != 2) {
            throw invalid("\"input_features\" are for models of 2 features, not " + features);
        }
        try {
            return InputFeatures.parse(String.join(",", ids));
        } catch (IllegalArgumentException e) {
            throw invalid("\"input_features\": " + e.getMessage());
        }
    }

    private TargetScale target(ModelJson.TargetJson t) {
        if (t == null) {
            return TargetScale.NONE;
        }
        double mean = require(t.mean(), "target_scale.mean");
        double std = require(t.std(), "target_scale.std");
        if (!Double.isFinite(mean) || !(std > 0) || !Double.isFinite(std)) {
            throw invalid("\"target_scale\" needs a finite mean and a finite std > 0");
        }
        return new TargetScale(mean, std);
    }

    private List<String> names(List<String> names, String field) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw invalid("\"" + field + "\" has an empty name");
            }
            if (!seen.add(name)) {
                throw invalid("\"" + field + "\" lists " + Text.quote(name) + " twice");
            }
        }
        return List.copyOf(names);
    }

    private Loss loss(String id, boolean regression) {
        for (Loss loss : Loss.values()) {
            if (loss.id().equals(id)) {
                if ((loss == Loss.MSE_REGRESSION) != regression) {
                    throw invalid("loss " + Text.quote(id) + " does not fit a " + (regression ? "regression" : "classification")
                            + " model");
                }
                return loss;
            }
        }
        throw invalid("unknown loss " + Text.quote(id) + " (expected mse, cross-entropy or mse-regression)");
    }

    private MLP network(ModelJson.Network net, int features, int outputs) {
        int inputs = require(net.inputs(), "network.inputs");
        if (inputs != features) {
            throw invalid("the network has " + inputs + " inputs but there are " + features + " features");
        }
        List<ModelJson.LayerJson> layers = require(net.layers(), "network.layers");
        if (layers.isEmpty()) {
            throw invalid("\"network.layers\" is empty");
        }
        int[] sizes = new int[layers.size()];
        Activation[] activations = new Activation[layers.size()];
        int fanIn = inputs;
        for (int l = 0; l < layers.size(); l++) {
            String at = "network.layers[" + l + "]";
            ModelJson.LayerJson layer = require(layers.get(l), at);
            if (require(layer.inputs(), at + ".inputs") != fanIn) {
                throw invalid(at + " has " + layer.inputs() + " inputs, expected " + fanIn);
            }
            sizes[l] = require(layer.outputs(), at + ".outputs");
            if (sizes[l] < 1) {
                throw invalid(at + " has " + sizes[l] + " outputs");
            }
            activations[l] = activation(layer, at);
            if (l > 0 && l < layers.size() - 1 && activations[l] != activations[0]) {
                throw invalid(at + " has activation " + activations[l].id() + ", but earlier hidden layers "
                        + activations[0].id());
            }
            fanIn = sizes[l];
        }
        Activation hidden = layers.size() > 1 ? activations[0] : null;
        if (fanIn != outputs) {
            throw invalid("the network has " + fanIn + " outputs, expected " + outputs);
        }
        MLP network = new MLP(inputs, sizes, hidden == null ? Activation.RELU : hidden, activations[sizes.length - 1]);
        network.store().loadStateDict(stateDict(network, layers));
        return network;
    }

    private Activation activation(ModelJson.LayerJson layer, String at) {
        try {
            return Activation.parse(require(layer.activation(), at + ".activation"));
        } catch (IllegalArgumentException e) {
            throw invalid(at + ": unknown activation " + Text.quote(layer.activation()));
        }
    }

    /**
     * The layers' weights and biases by PyTorch's names ({@code layers.0.weight} row-major, {@code layers.0.bias}),
     * checked to be there, of the network's shape, and finite.
     */
    private Map<String, double[]> stateDict(MLP network, List<ModelJson.LayerJson> layers) {
        Map<String, double[]> state = new LinkedHashMap<>();
        for (int l = 0; l < layers.size(); l++) {
            String at = "network.layers[" + l + "]";
            ModelJson.LayerJson layer = layers.get(l);
            int size = network.layers().get(l).outputs();
            int inputs = network.layers().get(l).inputs();
            double[][] weights = require(layer.weights(), at + ".weights");
            double[] biases = require(layer.biases(), at + ".biases");
            if (weights.length != size || biases.length != size) {
                throw invalid(at + " has " + weights.length + " rows of weights and " + biases.length
                        + " biases, expected " + size + " of each (one per neuron)");
            }
            double[] w = new double[size * inputs];
            for (int j = 0; j < size; j++) {
                double[] row = require(weights[j], at + ".weights[" + j + "]");
                if (row.length != inputs) {
                    throw invalid(at + ".weights[" + j + "] has " + row.length + " weights, expected " + inputs);
                }
                System.arraycopy(row, 0, w, j * inputs, inputs);
            }
            state.put("layers." + l + ".weight", w);
            state.put("layers." + l + ".bias", biases.clone());
        }
        for (Map.Entry<String, double[]> e : state.entrySet()) {
            for (int i = 0; i < e.getValue().length; i++) {
                if (!Double.isFinite(e.getValue()[i])) {
                    int slot = network.store().group(e.getKey()).offset() + i;
                    throw invalid("parameter " + network.parameterName(slot) + " is " + e.getValue()[i]);
                }
            }
        }
        return state;
    }

    private Standardizer standardizer(ModelJson.Standardization s, int features) {
        if (s == null) {
            return null;
        }
        double[] means = require(s.means(), "standardization.means");
        double[] stds = require(s.stds(), "standardization.stds");
        if (means.length != features || stds.length != features) {
            throw invalid("\"standardization\" has " + means.length + " means and " + stds.length
                    + " stds for " + features + " features");
        }
        try {
            return Standardizer.of(means, stds);
        } catch (IllegalArgumentException e) {
            throw invalid("\"standardization\": " + e.getMessage());
        }
    }

    private TrainingSettings training(ModelJson.Training training) {
        ModelJson.DataJson data = training.data();
        ModelJson.SgdJson sgd = training.sgd();
        int epochsDone = require(training.epochsDone(), "training.epochs_done");
        int classSize = require(data.classSize(), "training.class_size");
        int batchSize = require(training.batchSize(), "training.batch_size");
        double testSplit = require(data.testSplit(), "training.test_split");
        double lr = require(sgd.lr(), "training.lr");
        double momentum = require(sgd.momentum(), "training.momentum");
        double weightDecay = require(sgd.weightDecay(), "training.weight_decay");
        String delimiter = require(data.delimiter(), "training.delimiter");
        if (epochsDone < 0 || classSize < 1 || batchSize < 1 || !(testSplit >= 0 && testSplit < 1)
                || !(lr > 0 && Double.isFinite(lr)) || !(momentum >= 0 && momentum < 1)
                || !(weightDecay >= 0 && Double.isFinite(weightDecay)) || delimiter.length() != 1) {
            throw invalid("\"training\" has a value out of range (epochs_done >= 0, class_size >= 1, batch_size >= 1, "
                    + "test_split in [0, 1), lr > 0, momentum in [0, 1), weight_decay >= 0, one-character delimiter)");
        }
        if (training.noise() != null
                && !(training.noise() >= 0 && training.noise() <= grad.data.SyntheticDataset.MAX_NOISE)) {
            throw invalid("\"training.noise\" must be from 0 to " + grad.data.SyntheticDataset.MAX_NOISE);
        }
        double l1 = training.l1() == null ? 0 : training.l1();
        if (!(l1 >= 0 && Double.isFinite(l1))) {
            throw invalid("\"training.l1\" must be a finite number >= 0");
        }
        Initializer init;
        try {
            init = Initializer.parse(require(training.init(), "training.init"));
        } catch (IllegalArgumentException e) {
            throw invalid("unknown initializer " + Text.quote(training.init()));
        }
        return new TrainingSettings(epochsDone, require(training.seed(), "training.seed"),
                new TrainingSettings.Data(require(data.dataset(), "training.dataset"), classSize, delimiter.charAt(0), testSplit,
                        training.noise()),
                new TrainingSettings.Sgd(lr, momentum, weightDecay, l1, require(sgd.nesterov(), "training.nesterov")),
                batchSize, init);
    }

    /** The optimizer's kind, settings and buffers (read in neuron order, kept in store order). */
    private OptimizerState optimizer(JsonElement json, MLP network) {
        JsonElement kind = json.isJsonObject() ? json.getAsJsonObject().get("kind") : null;
        String id = kind != null && kind.isJsonPrimitive() ? kind.getAsString() : String.valueOf(kind);
        OptimizerKind k = OptimizerKind.of(id);
        if (k == null || !k.id().equals(id)) {
            throw invalid("unknown optimizer " + Text.quote(id) + " (expected sgd, adam or adamw)");
        }
        int[] order = network.neuronOrderSlots();
        if (k == OptimizerKind.SGD) {
            ModelJson.SgdState s = bind(json, ModelJson.SgdState.class);
            return OptimizerState.sgd(perParameter(s.velocity(), "velocity", order));
        }
        ModelJson.AdamState a = bind(json, ModelJson.AdamState.class);
        double beta1 = require(a.beta1(), "optimizer.beta1");
        double beta2 = require(a.beta2(), "optimizer.beta2");
        double eps = require(a.eps(), "optimizer.eps");
        long step = require(a.step(), "optimizer.step");
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps > 0 && Double.isFinite(eps)) || step < 0) {
            throw invalid("\"optimizer\" has a value out of range (beta1 and beta2 in [0, 1), eps > 0, step >= 0)");
        }
        Map<String, double[]> buffers = new LinkedHashMap<>();
        buffers.put("m", perParameter(a.m(), "m", order));
        buffers.put("v", perParameter(a.v(), "v", order));
        buffers.put("step", new double[] {step});
        return new OptimizerState(k, beta1, beta2, eps, buffers);
    }

    private <T> T bind(JsonElement json, Class<T> type) {
        try {
            return ModelFile.GSON.fromJson(json, type);
        } catch (JsonParseException | NumberFormatException e) {
            throw invalid("\"optimizer\" does not have the expected fields and types");
        }
    }

    /** A per-parameter buffer of the file (in neuron order), checked, in store order. */
    private double[] perParameter(double[] values, String name, int[] order) {
        double[] v = require(values, "optimizer." + name);
        if (v.length != order.length) {
            throw invalid("\"optimizer." + name + "\" has " + v.length + " values for " + order.length + " parameters");
        }
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            if (!Double.isFinite(v[k])) {
                throw invalid("\"optimizer." + name + "\" has a value that is not finite");
            }
            out[order[k]] = v[k];
        }
        return out;
    }

    private <T> T require(T value, String field) {
        if (value == null) {
            throw invalid("\"" + field + "\" is missing");
        }
        return value;
    }

    private GradException invalid(String what) {
        return new GradException(where + ": not a valid grad model file: " + what);
    }
}
