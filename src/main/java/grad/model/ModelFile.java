package grad.model;

import grad.io.Text;
import grad.io.TextFiles;
import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.google.gson.stream.JsonToken;
import grad.GradException;
import grad.io.AtomicFiles;
import grad.io.InlineRecords;
import grad.nn.Layer;
import grad.nn.MLP;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import grad.optim.OptimizerKind;

/**
 * Writes and reads {@link SavedModel}s as JSON files, with Gson.
 *
 * <p>The file is an object with {@code "format": "grad-model"} and {@code "version": 1}, then
 * {@code task}, {@code features}, {@code encoding} (how the features become the network's inputs: see
 * {@link EncodingJson}; a file without it reads numbers as they are), {@code input_features} (for 2-D data, the inputs the network computes
 * from them, {@code ["x", "y"]} when they are the point itself; a file without it means that), {@code label}, {@code classes}, {@code standardization},
 * {@code network} (its {@code layers} with {@code weights[neuron][input]} and {@code biases[neuron]}),
 * {@code training} (the settings and {@code epochs_done}; {@code l1} and a generated dataset's {@code noise}
 * may be missing, read as 0 and the dataset's own noise) and {@code optimizer}: its {@code kind}, then for
 * {@code sgd} the momentum {@code velocity} of every parameter, for {@code adam} and {@code adamw} its
 * {@code beta1}, {@code beta2}, {@code eps}, {@code step} and the averages {@code m} and {@code v} of every
 * parameter; a parameter's buffers are in the network's neuron order: layer by layer, neuron by
 * neuron, each neuron's weights then its bias. Doubles are written in Java's shortest round-trip form,
 * so reading a file gives back the very same bits; nothing in a file depends on the time, so the same
 * model always gives the same bytes.
 *
 * <p>A reader accepts every version up to {@link #VERSION}; a newer version, a file that is not a model,
 * or a model whose parts do not fit together is a {@link GradException} whose one-line message names the
 * file.
 */
public final class ModelFile {
    /** The value of the {@code format} field that marks a grad model file. */
    public static final String FORMAT = "grad-model";
    /** The format version this code writes, and the newest it reads. */
    public static final int VERSION = 1;

    static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .registerTypeAdapterFactory(new InlineRecords())
            .setPrettyPrinting()
            .serializeNulls()
            .disableHtmlEscaping()
            .create();

    private ModelFile() {
    }

    /**
     * Writes {@code model} to {@code file}, atomically (see {@link AtomicFiles}).
     *
     * @throws GradException naming the file, if it cannot be written or a number is not finite
     */
    public static void write(Path file, SavedModel model) {
        String json;
        try {
            json = toJson(model);
        } catch (IllegalArgumentException e) {
            throw new GradException("cannot save the model to " + file + ": " + e.getMessage(), e);
        }
        AtomicFiles.writeString(file, json);
    }

    /**
     * The model as the text of a model file (ending with a newline).
     *
     * @throws IllegalArgumentException if a weight, velocity or setting is NaN or infinite
     */
    public static String toJson(SavedModel model) {
        MLP network = model.network();
        double[] p = network.parameterData();
        for (int i = 0; i < p.length; i++) {
            if (!Double.isFinite(p[i])) {
                throw new IllegalArgumentException("parameter " + network.parameterName(i) + " is " + p[i]);
            }
        }
        Map<String, double[]> state = network.store().stateDict();
        List<ModelJson.LayerJson> layers = new ArrayList<>();
        for (Layer layer : network.layers()) {
            double[] w = state.get("layers." + layer.index() + ".weight");   // [outputs][inputs], row-major
            double[][] weights = new double[layer.outputs()][];
            for (int j = 0; j < weights.length; j++) {
                weights[j] = Arrays.copyOfRange(w, j * layer.inputs(), (j + 1) * layer.inputs());
            }
            layers.add(new ModelJson.LayerJson(layer.inputs(), layer.outputs(), layer.activation().id(), weights,
                    state.get("layers." + layer.index() + ".bias")));
        }
        TrainingSettings t = model.training();
        ModelJson json = new ModelJson(FORMAT, VERSION, schema(model),
                new ModelJson.Network(network.inputs(), model.loss().id(), layers),
                new ModelJson.Training(t.epochsDone(), t.seed(),
                        new ModelJson.DataJson(t.dataset(), t.classSize(), String.valueOf(t.delimiter()), t.testSplit()),
                        t.batchSize(), new ModelJson.SgdJson(t.lr(), t.momentum(), t.weightDecay(), t.nesterov()),
                        t.init().id(), t.noise(), t.l1()),
                optimizer(model.optimizer(), network));
        return GSON.toJson(json) + "\n";
    }

    /** The {@code optimizer} object: its kind, Adam's settings, and its buffers in the network's neuron order. */
    private static JsonElement optimizer(OptimizerState o, MLP network) {
        Map<String, double[]> b = o.buffers();
        int[] order = network.neuronOrderSlots();
        for (Map.Entry<String, double[]> e : o.perParameter().entrySet()) {
            for (double x : e.getValue()) {
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("the optimizer's " + e.getKey() + " has a value that is not finite");
                }
            }
        }
        Object json = o.kind() == OptimizerKind.SGD
                ? new ModelJson.SgdState("sgd", inOrder(b.get("velocity"), order))
                : new ModelJson.AdamState(o.kind().id(), o.beta1(), o.beta2(), o.eps(), o.step(),
                        inOrder(b.get("m"), order), inOrder(b.get("v"), order));
        return GSON.toJsonTree(json);
    }

    /** {@code values} (in store order) in the order of {@code slots}. */
    private static double[] inOrder(double[] values, int[] slots) {
        double[] out = new double[slots.length];
        for (int k = 0; k < slots.length; k++) {
            out[k] = values[slots[k]];
        }
        return out;
    }

    private static ModelJson.Schema schema(SavedModel model) {
        return new ModelJson.Schema(model.isRegression() ? "regression" : "classification",
                model.features(), EncodingJson.toJson(model.encoding()), model.inputFeatures() == null ? null : model.inputFeatures().ids(),
                model.label(), model.classes(),
                model.standardizer() == null ? null
                        : new ModelJson.Standardization(model.standardizer().means(), model.standardizer().stds()),
                model.isRegression() ? new ModelJson.TargetJson(model.target().mean(), model.target().std()) : null);
    }

    /**
     * Reads a model file.
     *
     * @throws GradException naming the file, if it cannot be read, is not a grad model, has a newer
     *                       format version, or its parts do not fit together
     */
    public static SavedModel read(Path file) {
        return fromJson(TextFiles.read(file, "grad model file"), file.toString());
    }

    /**
     * Reads the text of a model file; {@code where} names it in messages.
     *
     * @throws GradException as {@link #read(Path)}
     */
    public static SavedModel fromJson(String text, String where) {
        if (text.isBlank()) {
            throw new GradException(where + ": not a grad model file (not JSON): empty file");
        }
        JsonElement tree;
        JsonReader reader = strictReader(text);
        try {
            tree = JsonParser.parseReader(reader);
        } catch (RuntimeException e) {
            throw new GradException(where + ": not a grad model file (not JSON): " + jsonProblem(e), e);
        }
        boolean ended;
        try {
            ended = reader.peek() == JsonToken.END_DOCUMENT;
        } catch (IOException | RuntimeException e) {
            ended = false;
        }
        if (!ended) {
            throw new GradException(where + ": not a grad model file (not JSON): " + location(reader.toString())
                    + "more data after the end of the JSON value");
        }
        JsonElement format = tree.isJsonObject() ? tree.getAsJsonObject().get("format") : null;
        if (format == null || !format.isJsonPrimitive() || !FORMAT.equals(format.getAsString())) {
            throw new GradException(where + ": not a grad model file (no \"format\": \"" + FORMAT
                    + "\"; grad --save-model FILE writes one)");
        }
        int version = version(tree.getAsJsonObject(), where);
        if (version > VERSION) {
            throw new GradException(where + ": model format version " + version
                    + " is newer than this grad reads (up to " + VERSION + "); use a newer grad");
        }
        ModelJson json;
        try {
            json = GSON.fromJson(strictReader(text), ModelJson.class);
        } catch (RuntimeException e) {
            throw new GradException(where + ": not a valid grad model file: " + gsonReason(e), e);
        }
        return new ModelReader(where).read(json);
    }

    private static int version(JsonObject root, String where) {
        JsonElement v = root.get("version");
        if (v instanceof JsonPrimitive p && p.isNumber()) {
            BigDecimal d = p.getAsBigDecimal();
            if (d.signum() > 0 && d.stripTrailingZeros().scale() <= 0) {
                return d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 ? Integer.MAX_VALUE : d.intValueExact();
            }
        }
        throw new GradException(where + ": not a valid grad model file: \"version\" must be a whole number from 1, not "
                + (v == null ? "missing" : Text.quote(v.toString())));
    }

    private static JsonReader strictReader(String text) {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        return reader;
    }

    /** Where Gson says a problem is: "at line 3 column 7 path $.network". */
    private static final Pattern JSON_AT = Pattern.compile("\\s*at line (\\d+) column (\\d+)(?: path (\\S+))?");

    /** {@code "line 3 column 7: "} from Gson's " at line 3 column 7 path $.x", or nothing. */
    private static String location(String message) {
        Matcher m = JSON_AT.matcher(message);
        return m.find() ? "line " + m.group(1) + " column " + m.group(2) + ": " : "";
    }

    /**
     * Why Gson could not read the text as JSON, with where: {@code line 3 column 7: unterminated object}; its
     * advice to read leniently (a class name) becomes "malformed JSON".
     */
    private static String jsonProblem(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null && message == null; t = t.getCause()) {
            message = t.getMessage();
        }
        String line = message == null ? "" : message.lines().findFirst().orElse("").strip();
        String at = location(line);
        line = JSON_AT.matcher(line).replaceAll("");
        line = line.replaceAll("(?:[\\w$]+\\.)+[\\w$]*(?:Exception|Error):\\s*", "")
                .replaceAll("Use JsonReader\\.setStrictness\\(Strictness\\.LENIENT\\) to accept malformed JSON",
                        "malformed JSON")
                .replaceAll("Nesting limit (\\d+) reached", "nested more than $1 deep")
                .replaceAll("^End of input$", "the file ends too soon")
                .strip();
        if (line.isEmpty() || line.matches(".*\\b(?:[a-z]\\w*\\.)+[A-Z]\\w*.*")) {
            line = "malformed JSON";
        }
        return at + Character.toLowerCase(line.charAt(0)) + line.substring(1);
    }

    /** Gson's explanation on one line, without exception class names and its troubleshooting link. */
    private static String gsonReason(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null && message == null; t = t.getCause()) {
            message = t.getMessage();
        }
        if (message == null) {
            return "unexpected structure";
        }
        String line = message.lines().findFirst().orElse("").strip();
        line = line.replaceAll("^(?:[\\w$]+\\.)*[\\w$]*(?:Exception|Error):\\s*", "");
        line = line.replaceFirst("^For input string: (.*)$", "not a number: $1");
        return line.isEmpty() ? "unexpected structure" : line;
    }
}
