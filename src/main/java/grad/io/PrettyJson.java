package grad.io;

import com.google.gson.FormattingStyle;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A tree of JSON as {@code new GsonBuilder().setPrettyPrinting().create().toJson(tree)} writes it, byte for
 * byte, through Gson's {@link JsonWriter} alone: a {@code Gson} instance builds its type adapters (about a
 * hundred classes), which a tree does not need, and a short command's cold start pays for them (about
 * 30 ms of {@code grad text}).
 */
public final class PrettyJson {
    private PrettyJson() {
    }

    /** The tree, indented by two spaces, HTML characters escaped, null members left out (Gson's defaults). */
    public static String of(JsonElement tree) {
        StringWriter out = new StringWriter();
        JsonWriter w = new JsonWriter(out);
        w.setFormattingStyle(FormattingStyle.PRETTY);
        w.setHtmlSafe(true);
        w.setSerializeNulls(false);
        w.setStrictness(Strictness.LENIENT);
        try {
            write(w, tree);
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a StringWriter does not fail
        }
        return out.toString();
    }

    /** As Gson's adapter of {@link JsonElement} writes one. */
    private static void write(JsonWriter w, JsonElement e) throws IOException {
        if (e == null || e.isJsonNull()) {
            w.nullValue();
        } else if (e instanceof JsonPrimitive p) {
            if (p.isNumber()) {
                w.value(p.getAsNumber());
            } else if (p.isBoolean()) {
                w.value(p.getAsBoolean());
            } else {
                w.value(p.getAsString());
            }
        } else if (e instanceof JsonArray a) {
            w.beginArray();
            for (JsonElement item : a) {
                write(w, item);
            }
            w.endArray();
        } else {
            w.beginObject();
            for (Map.Entry<String, JsonElement> member : ((JsonObject) e).entrySet()) {
                w.name(member.getKey());
                write(w, member.getValue());
            }
            w.endObject();
        }
    }
}
