package grad.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import grad.data.ColumnEncoding;
import grad.data.FeatureEncoding;
import grad.io.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A model's {@link FeatureEncoding} as the model file's {@code encoding} array: one object per feature
 * column, in order, {@code {"column": "age", "kind": "number", "fill": 29.5}} (no {@code fill}: a missing
 * cell is an error) or {@code {"column": "sex", "kind": "categorical", "categories": ["female", "male"],
 * "missing_category": false}}. A file without it (or {@code null}) reads numbers as they are.
 */
final class EncodingJson {
    private EncodingJson() {
    }

    /** The array, or JSON null for an encoding that reads numbers as they are (what a file without one means). */
    static JsonElement toJson(FeatureEncoding encoding) {
        if (encoding.isPlain()) {
            return JsonNull.INSTANCE;
        }
        JsonArray array = new JsonArray();
        for (ColumnEncoding c : encoding.columns()) {
            JsonObject o = new JsonObject();
            o.addProperty("column", c.name());
            o.addProperty("kind", c.categorical() ? "categorical" : "number");
            if (c.categorical()) {
                JsonArray categories = new JsonArray();
                c.categories().forEach(categories::add);
                o.add("categories", categories);
                o.addProperty("missing_category", c.missingCategory());
            } else if (!Double.isNaN(c.fill())) {
                o.addProperty("fill", c.fill());
            }
            array.add(o);
        }
        return array;
    }

    /**
     * The encoding of {@code features} that {@code array} describes (null: numbers as they are).
     *
     * @param invalid makes the error for a problem ({@code "encoding[1]": ...})
     */
    static FeatureEncoding fromJson(JsonElement json, List<String> features, Function<String, RuntimeException> invalid) {
        if (json == null || json.isJsonNull()) {
            return FeatureEncoding.plain(features);
        }
        if (!(json instanceof JsonArray array)) {
            throw invalid.apply("\"encoding\" must be a list, one object per feature");
        }
        if (array.size() != features.size()) {
            throw invalid.apply("\"encoding\" has " + array.size() + " columns for " + features.size() + " features");
        }
        List<ColumnEncoding> columns = new ArrayList<>();
        for (int j = 0; j < array.size(); j++) {
            String at = "\"encoding\"[" + j + "]: ";
            if (!(array.get(j) instanceof JsonObject o)) {
                throw invalid.apply(at + "expected an object");
            }
            String column = string(o.get("column"));
            if (!features.get(j).equals(column)) {
                throw invalid.apply(at + "column " + Text.quote(String.valueOf(column)) + " is not feature "
                        + Text.quote(features.get(j)));
            }
            try {
                columns.add(column(o, column, at, invalid));
            } catch (IllegalArgumentException e) {
                throw invalid.apply(at + e.getMessage());
            }
        }
        return FeatureEncoding.of(columns);
    }

    private static ColumnEncoding column(JsonObject o, String column, String at, Function<String, RuntimeException> invalid) {
        String kind = string(o.get("kind"));
        if ("number".equals(kind)) {
            JsonElement fill = o.get("fill");
            if (fill == null || fill.isJsonNull()) {
                return ColumnEncoding.number(column, Double.NaN);
            }
            if (!(fill instanceof JsonPrimitive p && p.isNumber() && Double.isFinite(p.getAsDouble()))) {
                throw invalid.apply(at + "\"fill\" must be a finite number");
            }
            return ColumnEncoding.number(column, fill.getAsDouble());
        }
        if (!"categorical".equals(kind)) {
            throw invalid.apply(at + "\"kind\" must be \"number\" or \"categorical\"");
        }
        if (!(o.get("categories") instanceof JsonArray array)) {
            throw invalid.apply(at + "\"categories\" must be a list of texts");
        }
        List<String> categories = new ArrayList<>();
        for (JsonElement e : array) {
            String c = string(e);
            if (c == null) {
                throw invalid.apply(at + "\"categories\" must be a list of texts");
            }
            categories.add(c);
        }
        JsonElement missing = o.get("missing_category");
        boolean hasMissing = missing instanceof JsonPrimitive p && p.isBoolean() && p.getAsBoolean();
        return ColumnEncoding.categorical(column, categories, hasMissing);
    }

    /** The text of a JSON string, or null for anything else. */
    private static String string(JsonElement e) {
        return e instanceof JsonPrimitive p && p.isString() ? p.getAsString() : null;
    }
}
