package grad.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grad.engine.ParameterStore;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Adam and AdamW against {@code torch.optim.Adam} / {@code AdamW} (PyTorch 1.13, float64): the first
 * three steps on a tiny model's gradients, kept in {@code grad/optim/adam.json} by
 * {@code src/test/python/adam_fixture.py}.
 */
class AdamTest {
    private static JsonObject cases() throws IOException {
        try (Reader r = new InputStreamReader(AdamTest.class.getResourceAsStream("/grad/optim/adam.json"),
                StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(r).getAsJsonObject().getAsJsonObject("cases");
        }
    }

    static Stream<String> names() throws IOException {
        return cases().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("names")
    void firstThreeStepsEqualPyTorchs(String name) throws IOException {
        JsonObject c = cases().getAsJsonObject(name);
        ParameterStore store = SGDTest.store(doubles(c.getAsJsonArray("start")));
        Optimizer opt = optimizer(c, store);
        JsonArray grads = c.getAsJsonArray("grads");
        JsonArray after = c.getAsJsonArray("after");
        assertThat(grads.size()).isEqualTo(3);
        for (int step = 0; step < 3; step++) {
            double[] g = doubles(grads.get(step).getAsJsonArray());
            System.arraycopy(g, 0, store.grad(), 0, g.length);
            opt.step();
            double[] expected = doubles(after.get(step).getAsJsonArray());
            for (int i = 0; i < expected.length; i++) {
                double tolerance = 1e-12 * Math.abs(expected[i]);
                assertThat(Math.abs(store.data()[i] - expected[i]))
                        .as("%s step %d parameter %d", name, step + 1, i).isLessThanOrEqualTo(tolerance);
            }
        }
        assertThat(opt.state().get("step")).containsExactly(3.0);
    }

    private static Optimizer optimizer(JsonObject c, ParameterStore store) {
        double lr = c.get("lr").getAsDouble();
        double beta1 = c.get("beta1").getAsDouble();
        double beta2 = c.get("beta2").getAsDouble();
        double eps = c.get("eps").getAsDouble();
        double decay = c.get("weight_decay").getAsDouble();
        return switch (c.get("optimizer").getAsString()) {
            case "adam" -> new Adam(store, lr, beta1, beta2, eps, decay);
            case "adamw" -> new AdamW(store, lr, beta1, beta2, eps, decay);
            default -> throw new IllegalArgumentException(c.get("optimizer").getAsString());
        };
    }

    @Test
    void defaultsArePyTorchs() throws IOException {
        Adam adam = new Adam(SGDTest.store(1.0));
        AdamW adamw = new AdamW(SGDTest.store(1.0));
        JsonObject torchAdam = cases().getAsJsonObject("adam");
        JsonObject torchAdamW = cases().getAsJsonObject("adamw");
        assertThat(new double[] {adam.lr(), adam.beta1(), adam.beta2(), adam.eps(), adam.weightDecay()})
                .containsExactly(settings(torchAdam));
        assertThat(new double[] {adamw.lr(), adamw.beta1(), adamw.beta2(), adamw.eps(), adamw.weightDecay()})
                .containsExactly(settings(torchAdamW));
    }

    @Test
    void theFirstStepMovesEachParameterByLrAgainstItsGradientsSign() {
        // m̂ = g and v̂ = g² after one step, so p moves by lr·g/(|g| + eps): lr·sign(g) up to eps
        ParameterStore store = SGDTest.store(1.0, 1.0);
        store.grad()[0] = 3.0;
        store.grad()[1] = -0.001;
        new Adam(store, 0.1, 0.9, 0.999, 0.0, 0.0).step();
        assertThat(store.data()).containsExactly(new double[] {0.9, 1.1}, within(1e-15));
    }

    @Test
    void stateRoundTripsForAnExactResume() {
        ParameterStore a = SGDTest.store(1.0, -2.0);
        ParameterStore b = SGDTest.store(1.0, -2.0);
        Adam straight = new Adam(a, 0.01, 0.9, 0.999, 1e-8, 0.0);
        Adam first = new Adam(b, 0.01, 0.9, 0.999, 1e-8, 0.0);
        for (int step = 0; step < 5; step++) {
            a.grad()[0] = b.grad()[0] = 0.3 * step - 1;
            a.grad()[1] = b.grad()[1] = 2 - step;
            straight.step();
            if (step < 2) {
                first.step();
            } else {
                if (step == 2) {
                    Map<String, double[]> saved = first.state();
                    first = new Adam(b, 0.01, 0.9, 0.999, 1e-8, 0.0);
                    first.loadState(saved);
                }
                first.step();
            }
        }
        assertThat(b.data()).containsExactly(a.data());
        Adam fresh = new Adam(SGDTest.store(0.0, 0.0));
        assertThatThrownBy(() -> fresh.loadState(Map.of("m", new double[2], "v", new double[2], "step", new double[] {1.5})))
                .hasMessageContaining("whole number");
    }

    private static double[] settings(JsonObject c) {
        return new double[] {c.get("lr").getAsDouble(), c.get("beta1").getAsDouble(), c.get("beta2").getAsDouble(),
                c.get("eps").getAsDouble(), c.get("weight_decay").getAsDouble()};
    }

    private static double[] doubles(JsonArray a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).getAsDouble();
        }
        return d;
    }
}
