package grad.gpt2;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import grad.GradException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A GPT-2's shape, as Hugging Face's {@code config.json} gives it.
 *
 * @param layers {@code n_layer}
 * @param heads {@code n_head}
 * @param width {@code n_embd}
 * @param context {@code n_positions} (or the older {@code n_ctx})
 * @param vocabulary {@code vocab_size}
 * @param epsilon {@code layer_norm_epsilon} (1e-5 when absent)
 */
public record Gpt2Config(int layers, int heads, int width, int context, int vocabulary, double epsilon) {

    /** Checks that the numbers fit together. */
    public Gpt2Config {
        if (layers < 1 || heads < 1 || width < 1 || context < 1 || vocabulary < 1) {
            throw new GradException("the config needs positive n_layer, n_head, n_embd, n_positions and vocab_size");
        }
        if (width % heads != 0) {
            throw new GradException("the config's n_embd " + width + " is not a multiple of n_head " + heads);
        }
    }

    /**
     * Reads {@code config.json}.
     *
     * @throws GradException naming the file, when it is missing or lacks a field
     */
    public static Gpt2Config read(Path file) {
        JsonObject o;
        try {
            o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (NoSuchFileException e) {
            throw new GradException("no such file: " + file);
        } catch (IOException e) {
            throw new GradException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException | IllegalStateException e) {
            throw new GradException(file + " is not a JSON object");
        }
        String activation = o.has("activation_function") ? o.get("activation_function").getAsString() : "gelu_new";
        if (!activation.equals("gelu_new")) {
            throw new GradException(file + ": activation_function " + activation + " is not GPT-2's gelu_new");
        }
        try {
            return new Gpt2Config(integer(file, o, "n_layer"), integer(file, o, "n_head"), integer(file, o, "n_embd"),
                    o.has("n_positions") ? integer(file, o, "n_positions") : integer(file, o, "n_ctx"),
                    integer(file, o, "vocab_size"),
                    o.has("layer_norm_epsilon") ? o.get("layer_norm_epsilon").getAsDouble() : 1e-5);
        } catch (GradException e) {
            throw new GradException(file + ": " + e.getMessage());
        }
    }

    private static int integer(Path file, JsonObject o, String name) {
        JsonElement e = o.get(name);
        try {
            if (e == null) {
                throw new GradException("no " + name);
            }
            return e.getAsInt();
        } catch (NumberFormatException | IllegalStateException | UnsupportedOperationException ex) {
            throw new GradException(name + " is not an integer");
        }
    }

    /** The width of one attention head. */
    public int headWidth() {
        return width / heads;
    }

    /** The number of learned numbers: embeddings, positions, every block and the final LayerNorm (lm_head is tied). */
    public long parameters() {
        long w = width;
        long block = 2 * 2 * w + w * 3 * w + 3 * w + w * w + w + w * 4 * w + 4 * w + 4 * w * w + w;
        return (long) vocabulary * w + (long) context * w + layers * block + 2 * w;
    }
}
