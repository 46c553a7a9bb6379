package grad.gpt2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import grad.engine.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Tensor definition of GPT-2, compiled, against GPT-2's forward pass in PyTorch float64 on the same
 * float32 weights (src/test/python/gpt2_fixture.py) and against the hand-compiled float path.
 */
class Gpt2ModuleTest {
    private static final JsonObject REFERENCE = Reference.json();
    private static final int[] PROMPT = Reference.ints(REFERENCE, "prompt_ids");
    private static final Gpt2Config CONFIG = Gpt2Config.read(Reference.tinyModel().resolve("config.json"));
    private static final Gpt2Module MODULE = Gpt2Module.load(CONFIG, Reference.tinyModel().resolve("model.safetensors"));

    @Test
    void parametersHaveHuggingFacesNamesAndTheConv1DLayout() {
        Map<String, ParameterStore.Shaped> named = MODULE.namedParameters();
        assertThat(named.keySet()).startsWith("wte.weight", "wpe.weight", "h.0.ln_1.weight", "h.0.ln_1.bias",
                "h.0.attn.c_attn.weight", "h.0.attn.c_attn.bias", "h.0.attn.c_proj.weight", "h.0.attn.c_proj.bias",
                "h.0.ln_2.weight", "h.0.ln_2.bias", "h.0.mlp.c_fc.weight", "h.0.mlp.c_fc.bias",
                "h.0.mlp.c_proj.weight", "h.0.mlp.c_proj.bias", "h.1.ln_1.weight").endsWith("ln_f.weight", "ln_f.bias");
        assertThat(named.get("h.1.attn.c_attn.weight").shape()).containsExactly(16, 48);   // [in, out], as stored
        assertThat(named.get("h.1.mlp.c_proj.weight").shape()).containsExactly(64, 16);
        assertThat(MODULE.store().size()).isEqualTo(REFERENCE.get("parameters").getAsLong()).isEqualTo(CONFIG.parameters());
    }

    @Test
    void theStoreHoldsTheCheckpointsFloatsExactly() {
        try (Safetensors file = Safetensors.open(Reference.tinyModel().resolve("model.safetensors"))) {
            float[] cAttn = file.floats("h.1.attn.c_attn.weight", 16, 48);
            ParameterStore.Group g = MODULE.store().group("h.1.attn.c_attn.weight");
            double[] data = MODULE.store().data();
            for (int i = 0; i < cAttn.length; i++) {
                assertThat(data[g.offset() + i]).isEqualTo((double) cAttn[i]);
            }
        }
    }

    @Test
    void logitsAtEveryPromptPositionMatchPyTorchAndTheFloatPath() {
        JsonArray expected = REFERENCE.getAsJsonArray("logits");
        Gpt2Compiled compiled = new Gpt2Compiled(MODULE);
        Gpt2Compiled.Session session = compiled.newSession(PROMPT.length);
        try (Gpt2 floats = Gpt2.load(CONFIG, Reference.tinyModel().resolve("model.safetensors"), 1)) {
            Gpt2.State state = floats.newState(PROMPT.length);
            for (int t = 0; t < PROMPT.length; t++) {
                double[] logits = session.logits(new int[] {PROMPT[t]}, null);
                float[] fromFloats = floats.step(state, PROMPT[t], true, null);
                JsonArray row = expected.get(t).getAsJsonArray();
                assertThat(logits).hasSize(row.size());
                for (int v = 0; v < logits.length; v++) {
                    // both in double from the same float32 weights: only the order of additions differs
                    assertThat(logits[v]).as("position %d, token %d", t, v).isCloseTo(row.get(v).getAsDouble(), within(1e-9));
                    assertThat(logits[v]).as("float path, position %d, token %d", t, v).isCloseTo(fromFloats[v], within(2e-4));
                }
            }
        }
        // the first position's program (no cache), then one step program for every later position
        assertThat(compiled.programCount()).isEqualTo(2);
    }

    @Test
    void thePromptInOneProgramWithTheCausalMaskGivesPyTorchsAttentionAndLogits() {
        JsonArray expected = REFERENCE.getAsJsonArray("attention");   // [layer][head][query][key]
        List<String> checked = new ArrayList<>();
        Gpt2Compiled compiled = new Gpt2Compiled(MODULE);
        double[] logits = compiled.newSession(PROMPT.length).logits(PROMPT, (l, h, p, w) -> {
            JsonArray row = expected.get(l).getAsJsonArray().get(h).getAsJsonArray().get(p).getAsJsonArray();
            assertThat(w).hasSize(p + 1);
            for (int k = 0; k < row.size(); k++) {
                assertThat(k <= p ? w[k] : 0).isCloseTo(row.get(k).getAsDouble(), within(1e-12));
            }
            checked.add(l + "," + h + "," + p);
        });
        assertThat(checked).hasSize(2 * 2 * PROMPT.length);
        assertThat(compiled.programCount()).isEqualTo(1);
        JsonArray last = REFERENCE.getAsJsonArray("logits").get(PROMPT.length - 1).getAsJsonArray();
        for (int v = 0; v < logits.length; v++) {
            assertThat(logits[v]).isCloseTo(last.get(v).getAsDouble(), within(1e-9));
        }
    }

    @Test
    void greedyContinuationIsPyTorchsAndTheFloatPathsWithOneProgramPerShape() {
        int[] expected = Reference.ints(REFERENCE, "greedy");
        Gpt2Compiled compiled = new Gpt2Compiled(MODULE);
        int capacity = PROMPT.length + expected.length;
        int[] tensor = greedy(compiled.newSession(capacity), expected.length);
        int[] floats = greedy(Gpt2.load(CONFIG, Reference.tinyModel().resolve("model.safetensors"), 1).generator(capacity),
                expected.length);
        assertThat(tensor).containsExactly(expected);
        assertThat(floats).containsExactly(expected);
        // the prompt's program and the step's; a second sequence compiles nothing new
        assertThat(compiled.programCount()).isEqualTo(2);
        assertThat(greedy(compiled.newSession(capacity), expected.length)).containsExactly(expected);
        assertThat(compiled.programCount()).isEqualTo(2);
    }

    private static int[] greedy(Generator generator, int tokens) {
        try (generator) {
            float[] logits = generator.feed(PROMPT, null);
            int[] got = new int[tokens];
            for (int i = 0; i < tokens; i++) {
                got[i] = Sampler.top(logits, 1)[0];
                logits = generator.feed(new int[] {got[i]}, null);
            }
            return got;
        }
    }

    @Test
    void theMaskHidesLaterPositionsAndTheCachesUnusedRows() {
        // a cache of 3 rows holding 1 position, 2 new tokens: the first sees cache row 0 and itself,
        // the second cache row 0, the first and itself
        double x = Double.NEGATIVE_INFINITY;
        assertThat(Gpt2Compiled.mask(3, 1, 2)).containsExactly(0, x, x, 0, x, 0, x, x, 0, 0);
        // the prompt, no cache: causal
        assertThat(Gpt2Compiled.mask(0, 0, 2)).containsExactly(0, x, 0, 0);
    }

    @Test
    void feedingTwoTokensAfterTheCacheGivesTheLogitsOfFeedingThemOneByOne() {
        Gpt2Compiled compiled = new Gpt2Compiled(MODULE);
        Gpt2Compiled.Session together = compiled.newSession(PROMPT.length);
        Gpt2Compiled.Session oneByOne = compiled.newSession(PROMPT.length);
        together.logits(Arrays.copyOf(PROMPT, 3), null);
        oneByOne.logits(Arrays.copyOf(PROMPT, 3), null);
        double[] a = together.logits(Arrays.copyOfRange(PROMPT, 3, 5), null);
        oneByOne.logits(new int[] {PROMPT[3]}, null);
        double[] b = oneByOne.logits(new int[] {PROMPT[4]}, null);
        JsonArray expected = REFERENCE.getAsJsonArray("logits").get(4).getAsJsonArray();
        for (int v = 0; v < a.length; v++) {
            assertThat(a[v]).isCloseTo(b[v], within(1e-12)).isCloseTo(expected.get(v).getAsDouble(), within(1e-9));
        }
    }
}
