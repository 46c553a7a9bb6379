package grad.gpt2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The float model with its cache against GPT-2's forward pass in PyTorch float64 (no cache) on the same weights. */
class Gpt2Test {
    private static final JsonObject REFERENCE = Reference.json();
    private static final int[] PROMPT = Reference.ints(REFERENCE, "prompt_ids");

    private static Gpt2 tiny(int threads) {
        return Gpt2.load(Gpt2Config.read(Reference.tinyModel().resolve("config.json")),
                Reference.tinyModel().resolve("model.safetensors"), threads);
    }

    @Test
    void logitsAtEveryPromptPositionMatchPyTorch() {
        JsonArray expected = REFERENCE.getAsJsonArray("logits");
        try (Gpt2 gpt2 = tiny(1)) {
            Gpt2.State state = gpt2.newState(PROMPT.length);
            for (int t = 0; t < PROMPT.length; t++) {
                float[] logits = gpt2.step(state, PROMPT[t], true, null);
                JsonArray row = expected.get(t).getAsJsonArray();
                assertThat(logits).hasSize(row.size());
                for (int v = 0; v < logits.length; v++) {
                    assertThat((double) logits[v]).as("position %d, token %d", t, v).isCloseTo(row.get(v).getAsDouble(), within(2e-4));
                }
            }
        }
    }

    @Test
    void attentionOverThePromptMatchesPyTorch() {
        JsonArray expected = REFERENCE.getAsJsonArray("attention");   // [layer][head][query][key]
        List<String> checked = new ArrayList<>();
        try (Gpt2 gpt2 = tiny(1)) {
            Gpt2.State state = gpt2.newState(PROMPT.length);
            for (int token : PROMPT) {
                gpt2.step(state, token, false, (l, h, p, w) -> {
                    JsonArray row = expected.get(l).getAsJsonArray().get(h).getAsJsonArray().get(p).getAsJsonArray();
                    assertThat(w).hasSize(p + 1);
                    for (int k = 0; k < row.size(); k++) {
                        assertThat(k <= p ? w[k] : 0).isCloseTo(row.get(k).getAsDouble(), within(1e-5));
                    }
                    checked.add(l + "," + h + "," + p);
                });
            }
        }
        assertThat(checked).hasSize(2 * 2 * PROMPT.length);
    }

    @Test
    void greedyContinuationWithTheCacheIsPyTorchsWithoutIt() {
        int[] expected = Reference.ints(REFERENCE, "greedy");
        try (Gpt2 gpt2 = tiny(2)) {
            Gpt2.State state = gpt2.newState(PROMPT.length + expected.length);
            float[] logits = null;
            for (int token : PROMPT) {
                logits = gpt2.step(state, token, true, null);
            }
            int[] got = new int[expected.length];
            for (int i = 0; i < got.length; i++) {
                got[i] = Sampler.top(logits, 1)[0];
                logits = gpt2.step(state, got[i], true, null);
            }
            assertThat(got).containsExactly(expected);
        }
    }

    @Test
    void theParameterCountIsTheCheckpointsAndGpt2SmallsIsKnown() {
        assertThat(Gpt2Config.read(Reference.tinyModel().resolve("config.json")).parameters())
                .isEqualTo(REFERENCE.get("parameters").getAsLong());
        // GPT-2 small: 124,439,808 parameters, as Hugging Face's model card counts them
        assertThat(new Gpt2Config(12, 12, 768, 1024, 50257, 1e-5).parameters()).isEqualTo(124_439_808L);
    }

    @Test
    void geluIsTheTanhApproximation() {
        // 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) worked out for x = 1 and x = -2
        assertThat((double) Gpt2.gelu(1f)).isCloseTo(0.8411919906, within(1e-7));
        assertThat((double) Gpt2.gelu(-2f)).isCloseTo(-0.0454022884, within(1e-7));
    }
}
