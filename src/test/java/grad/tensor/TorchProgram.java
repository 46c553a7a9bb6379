package grad.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One program of {@code torch_programs.json} (made by {@code src/test/python/tensor_fixtures.py}) replayed
 * with {@link Tensor}s: the same inputs, each named result checked against PyTorch's as it is computed
 * and added to the loss with the same weights, then every input's gradient checked.
 */
public final class TorchProgram {
    /** Relative tolerance, with a floor of 1e-12 of the result's largest element for elements near 0. */
    static final double TOLERANCE = 1e-12;

    private static JsonObject all;

    private final JsonObject program;
    private final Map<String, Tensor> inputs = new LinkedHashMap<>();
    private final List<Tensor> terms = new ArrayList<>();
    private final TreeSet<String> checked = new TreeSet<>();

    private TorchProgram(JsonObject program) {
        this.program = program;
    }

    public static TorchProgram named(String name) {
        if (all == null) {
            try (InputStream in = TorchProgram.class.getResourceAsStream("torch_programs.json")) {
                all = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new TorchProgram(all.getAsJsonObject("programs").getAsJsonObject(name));
    }

    public Tensor input(String name) {
        return inputs.computeIfAbsent(name, n -> {
            JsonObject t = program.getAsJsonObject("inputs").getAsJsonObject(n);
            assertThat(t).as("input " + n).isNotNull();
            return Tensor.of(doubles(t, "data"), ints(t, "shape"));
        });
    }

    /** Checks {@code t} against PyTorch's result {@code name} and adds {@code (t · w_name).sum()} to the loss. */
    public Tensor keep(String name, Tensor t) {
        check(name, t);
        terms.add(t.mul(input("w_" + name)).sum());
        return t;
    }

    /** Back-propagates the loss, checks it and every input's gradient, and that every PyTorch result was checked. */
    public void finish() {
        Tensor loss = terms.get(0);
        for (int i = 1; i < terms.size(); i++) {
            loss = loss.add(terms.get(i));
        }
        check("loss", loss);
        loss.backward();
        assertThat(checked).containsExactlyInAnyOrderElementsOf(program.getAsJsonObject("values").keySet());
        for (String name : program.getAsJsonObject("grads").keySet()) {
            JsonObject g = program.getAsJsonObject("grads").getAsJsonObject(name);
            assertClose("grad of " + name, input(name).grad(), doubles(g, "data"));
        }
    }

    private void check(String name, Tensor t) {
        JsonObject expected = program.getAsJsonObject("values").getAsJsonObject(name);
        assertThat(expected).as("PyTorch result " + name).isNotNull();
        assertThat(t.shape()).as("shape of " + name).containsExactly(ints(expected, "shape"));
        assertClose(name, t.data(), doubles(expected, "data"));
        checked.add(name);
    }

    static void assertClose(String what, double[] actual, double[] expected) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < actual.length; i++) {
            double bound = TOLERANCE * Math.max(Math.abs(expected[i]), scale * 1e-3);
            assertThat(Math.abs(actual[i] - expected[i]))
                    .as("%s[%d]: %s, PyTorch %s", what, i, actual[i], expected[i]).isLessThanOrEqualTo(bound);
        }
    }

    private static double[] doubles(JsonObject t, String key) {
        var array = t.getAsJsonArray(key);
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsDouble();
        }
        return out;
    }

    private static int[] ints(JsonObject t, String key) {
        var array = t.getAsJsonArray(key);
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsInt();
        }
        return out;
    }

}
