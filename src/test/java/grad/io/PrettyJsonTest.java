package grad.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link PrettyJson} writes every kind of tree as Gson's pretty printing does, byte for byte. */
class PrettyJsonTest {
    private static String gson(com.google.gson.JsonElement tree) {
        return new GsonBuilder().setPrettyPrinting().create().toJson(tree);
    }

    @Test
    void everyKindOfElementIsWrittenAsGsonWritesIt() {
        JsonObject root = new JsonObject();
        root.addProperty("text", "a <b> & 'c' = \"d\" \\ é ü 名 \n\t\u2028 😀");
        root.addProperty("int", 42);
        root.addProperty("long", 1L << 53);
        root.addProperty("negative", -0.0);
        root.addProperty("small", 1e-9);
        root.addProperty("big", 1.0e300);
        root.addProperty("nan", Double.NaN);
        root.addProperty("infinite", Double.NEGATIVE_INFINITY);
        root.addProperty("decimal", new BigDecimal("3.14159265358979323846"));
        root.addProperty("yes", true);
        root.addProperty("char", 'x');
        root.add("null member", JsonNull.INSTANCE);
        root.add("empty object", new JsonObject());
        root.add("empty array", new JsonArray());
        JsonArray mixed = new JsonArray();
        mixed.add(1.5);
        mixed.add(JsonNull.INSTANCE);
        mixed.add("s");
        mixed.add(false);
        JsonObject inner = new JsonObject();
        inner.add("deeper", new JsonArray());
        inner.getAsJsonArray("deeper").add(new JsonArray());
        mixed.add(inner);
        root.add("mixed", mixed);
        JsonArray doubles = new JsonArray();
        new SplittableRandom(1).doubles(200, -10, 10).forEach(doubles::add);
        root.add("doubles", doubles);
        root.add("parsed", JsonParser.parseString("{\"n\": 12345678901234567890, \"f\": 1.50}"));

        assertThat(PrettyJson.of(root)).isEqualTo(gson(root)).contains("\"nan\": NaN").doesNotContain("null member");
        for (var e : root.entrySet()) {
            assertThat(PrettyJson.of(e.getValue())).as(e.getKey()).isEqualTo(gson(e.getValue()));
        }
        assertThat(PrettyJson.of(JsonNull.INSTANCE)).isEqualTo(gson(JsonNull.INSTANCE));
    }
}
