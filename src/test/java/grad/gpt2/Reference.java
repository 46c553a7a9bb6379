package grad.gpt2;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The tiny GPT-2 and what PyTorch made of it, written by src/test/python/gpt2_fixture.py. */
public final class Reference {
    private Reference() {
    }

    /** The folder of the tiny checkpoint (config.json, model.safetensors, vocab.json, merges.txt). */
    public static Path tinyModel() {
        try {
            return Path.of(Reference.class.getResource("/grad/gpt2/tiny/config.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** reference.json: encodings, prompt ids, logits, attention, greedy continuation, parameter count. */
    public static JsonObject json() {
        try (InputStream in = Reference.class.getResourceAsStream("/grad/gpt2/reference.json")) {
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The integers of the array {@code name} in {@code o}. */
    public static int[] ints(JsonObject o, String name) {
        return o.getAsJsonArray(name).asList().stream().mapToInt(e -> e.getAsInt()).toArray();
    }
}
