package grad.text;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import grad.GradException;
import grad.data.DataException;
import grad.engine.ParameterStore;
import grad.io.AtomicFiles;
import grad.io.TextFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A text model saved as JSON: {@code {"format": "grad-text", "version": 1, "model": "gpt", "config":
 * {…}, "vocab": [the characters in id order, BOS left out], "tensors": {"<name>": {"shape": […],
 * "data": [row-major numbers]}}}}, the tensors by their names in {@link TextModel#namedParameters()}
 * (microgpt's for the GPT). Numbers are written in full, so a model reads back to the same bits.
 */
public final class TextModelFile {
    public static final String FORMAT = "grad-text";
    public static final int VERSION = 1;

    private TextModelFile() {
    }

    /** Writes {@code model} with the values now in {@code store}, atomically. */
    public static void write(Path file, TextModel model, ParameterStore store) {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            JsonWriter json = new JsonWriter(w);
            json.beginObject();
            json.name("format").value(FORMAT);
            json.name("version").value(VERSION);
            json.name("model").value(model.kind().id());
            json.name("config").beginObject();
            for (Map.Entry<String, Integer> e : model.config().entrySet()) {
                json.name(e.getKey()).value(e.getValue());
            }
            json.endObject();
            json.name("vocab").beginArray();
            for (String c : model.vocabulary().chars()) {
                json.value(c);
            }
            json.endArray();
            writeTensors(json, store);
            json.endObject();
            json.flush();
            w.write('\n');
            w.flush();
        });
    }

    private static void writeTensors(JsonWriter json, ParameterStore store) throws IOException {
        json.name("tensors").beginObject();
        double[] data = store.data();
        for (ParameterStore.Group g : store.groups()) {
            json.name(g.name()).beginObject();
            json.name("shape").beginArray();
            for (int d : g.shape()) {
                json.value(d);
            }
            json.endArray();
            json.name("data").beginArray();
            for (int i = g.offset(); i < g.offset() + g.size(); i++) {
                json.value(data[i]);
            }
            json.endArray();
            json.endObject();
        }
        json.endObject();
    }

    /**
     * A model read from {@code file}, with its parameters in a new store.
     *
     * @throws GradException naming the file when it is not a grad text model or does not fit its config
     */
    public static Loaded read(Path file) {
        String text = TextFiles.read(file, "grad text model file");
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject()) {
                throw bad(file, "not a grad text model file (not a JSON object)");
            }
            root = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw bad(file, "not a grad text model file (not JSON)");
        }
        try {
            return parse(file, root);
        } catch (IllegalStateException | UnsupportedOperationException | NumberFormatException | ClassCastException e) {
            throw bad(file, "not a valid grad text model file: " + e.getMessage());
        }
    }

    private static Loaded parse(Path file, JsonObject root) {
        String format = root.has("format") && root.get("format").isJsonPrimitive() ? root.get("format").getAsString() : null;
        if (!FORMAT.equals(format)) {
            throw bad(file, "not a grad text model file (format " + (format == null ? "missing" : "\"" + format + "\"")
                    + ", expected \"" + FORMAT + "\")" + ("grad-model".equals(format)
                    ? "; it is a model of plain grad: use grad predict" : ""));
        }
        if (!root.has("version") || root.get("version").getAsInt() != VERSION) {
            throw bad(file, "grad text model file version " + root.get("version") + " is not supported (expected " + VERSION + ")");
        }
        TextModelKind kind = TextModelKind.byId(string(root, "model", file));
        if (kind == null) {
            throw bad(file, "unknown model \"" + root.get("model").getAsString() + "\" (expected bigram, mlp, rnn, gru or gpt)");
        }
        Map<String, Integer> config = config(file, root, kind);
        List<String> chars = new ArrayList<>();
        for (JsonElement c : array(root, "vocab", file)) {
            chars.add(c.getAsString());
        }
        Vocabulary vocab;
        try {
            vocab = new Vocabulary(chars);
        } catch (IllegalArgumentException e) {
            throw bad(file, "vocab: " + e.getMessage());
        }
        TextModel model = kind.create(vocab, config, 0);
        ParameterStore store = ParameterStore.of(model.namedParameters());
        store.loadStateDict(tensors(file, root, store));
        return new Loaded(model, store);
    }

    private static Map<String, Integer> config(Path file, JsonObject root, TextModelKind kind) {
        JsonObject c = root.has("config") && root.get("config").isJsonObject() ? root.getAsJsonObject("config") : null;
        if (c == null) {
            throw bad(file, "no \"config\" object");
        }
        Map<String, Integer> config = new LinkedHashMap<>();
        for (String key : c.keySet()) {
            if (!kind.hasSize(key)) {
                throw bad(file, "config: " + kind.id() + " has no size \"" + key + "\"");
            }
            int value = c.get(key).getAsInt();
            if (value < 1 || value > 100_000) {
                throw bad(file, "config: " + key + " must be from 1 to 100000, got " + value);
            }
            config.put(key, value);
        }
        if (kind == TextModelKind.GPT && config.getOrDefault("n_embd", 16) % config.getOrDefault("n_head", 4) != 0) {
            throw bad(file, "config: n_embd is not divisible by n_head");
        }
        return config;
    }

    private static Map<String, double[]> tensors(Path file, JsonObject root, ParameterStore store) {
        JsonObject t = root.has("tensors") && root.get("tensors").isJsonObject() ? root.getAsJsonObject("tensors") : null;
        if (t == null) {
            throw bad(file, "no \"tensors\" object");
        }
        Map<String, double[]> state = new LinkedHashMap<>();
        for (ParameterStore.Group g : store.groups()) {
            JsonObject tensor = t.has(g.name()) && t.get(g.name()).isJsonObject() ? t.getAsJsonObject(g.name()) : null;
            if (tensor == null) {
                throw bad(file, "tensors: no \"" + g.name() + "\"");
            }
            JsonArray shape = array(tensor, "shape", file);
            int[] expected = g.shape();
            boolean same = shape.size() == expected.length;
            for (int i = 0; same && i < expected.length; i++) {
                same = shape.get(i).getAsInt() == expected[i];
            }
            JsonArray data = array(tensor, "data", file);
            if (!same || data.size() != g.size()) {
                throw bad(file, "tensors: " + g.name() + " has shape " + shape + " and " + data.size()
                        + " numbers; the config needs shape " + java.util.Arrays.toString(expected));
            }
            double[] values = new double[data.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = data.get(i).getAsDouble();
                if (!Double.isFinite(values[i])) {
                    throw bad(file, "tensors: " + g.name() + "[" + i + "] is not a finite number");
                }
            }
            state.put(g.name(), values);
        }
        return state;
    }

    private static String string(JsonObject o, String key, Path file) {
        if (!o.has(key) || !o.get(key).isJsonPrimitive()) {
            throw bad(file, "no \"" + key + "\"");
        }
        return o.get(key).getAsString();
    }

    private static JsonArray array(JsonObject o, String key, Path file) {
        if (!o.has(key) || !o.get(key).isJsonArray()) {
            throw bad(file, "no \"" + key + "\" array");
        }
        return o.getAsJsonArray(key);
    }

    private static DataException bad(Path file, String message) {
        return new DataException(file + ": " + message);
    }

    /**
     * A model read from a file.
     *
     * @param model its architecture and vocabulary
     * @param store its parameters' values
     */
    public record Loaded(TextModel model, ParameterStore store) {
        /**
         * {@code count} new lines, each begun with {@code prefix}, drawn at {@code temperature} from
         * {@code new Random(seed)}, as the samples file of a run is.
         *
         * @throws DataException when the prefix has a character the model does not know
         */
        public List<String> sample(int count, double temperature, long seed, String prefix) {
            Vocabulary vocab = model.vocabulary();
            String unknown = vocab.unknown(prefix);
            if (unknown != null) {
                throw new DataException("--prefix: " + grad.io.Text.quote(unknown) + " is not one of the model's characters "
                        + grad.io.Text.quote(String.join("", vocab.chars())));
            }
            int[] ids = vocab.encode(prefix);
            if (ids.length >= model.maxPositions()) {
                throw new DataException("--prefix has " + ids.length + " characters; the model reads at most "
                        + (model.maxPositions() - 1));
            }
            Sampler sampler = new Sampler(Runner.of(TextEngine.COMPILED, model, store, model.maxPositions() == Integer.MAX_VALUE
                    ? ids.length + 16 : model.maxPositions()));
            java.util.Random random = new java.util.Random(seed);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                out.add(sampler.sample(ids, temperature, random));
            }
            return out;
        }

        /**
         * The mean loss on {@code docs}, in nats per character over every predicted token, as
         * {@code final.val_loss} is measured; lines longer than a GPT's block are cut as in training.
         *
         * @throws DataException naming the line of the first character the model does not know
         */
        public Losses score(Documents docs) {
            Documents lines = model.maxPositions() == Integer.MAX_VALUE ? docs : docs.cutTo(model.maxPositions() - 1);
            List<int[]> encoded = new ArrayList<>();
            int longest = 0;
            for (int i = 0; i < lines.size(); i++) {
                String unknown = model.vocabulary().unknown(lines.lines().get(i));
                if (unknown != null) {
                    throw new DataException(docs.file() + ":" + docs.numbers()[i] + ": " + grad.io.Text.quote(unknown)
                            + " is not one of the model's characters");
                }
                encoded.add(model.vocabulary().encode(lines.lines().get(i)));
                longest = Math.max(longest, encoded.get(i).length);
            }
            return Losses.of(Runner.of(TextEngine.COMPILED, model, store, longest + 1), encoded);
        }
    }
}
