package grad.text;

import static org.assertj.core.api.Assertions.assertThat;

import grad.engine.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Losses on many documents, measured on two threads, are the one-thread sum's to the bit. */
class LossesTest {
    @Test
    void twoThreadsGiveTheOneThreadSum() {
        Vocabulary vocab = new Vocabulary(List.of("a", "b", "c"));
        TextModel model = TextModelKind.GPT.create(vocab, Map.of("n_embd", 4, "n_head", 2, "block_size", 8), 3);
        ParameterStore store = ParameterStore.of(model.namedParameters());
        Random random = new Random(5);
        List<int[]> docs = new ArrayList<>();
        for (int i = 0; i < 3 * Losses.PARALLEL_DOCS; i++) {
            int[] doc = new int[random.nextInt(8)];
            for (int j = 0; j < doc.length; j++) {
                doc[j] = random.nextInt(3);
            }
            docs.add(doc);
        }
        Runner runner = Runner.of(TextEngine.COMPILED, model, store, 8);
        assertThat(runner.sibling()).isNotNull();
        Losses two = Losses.of(runner, docs);
        Runner alone = Runner.of(TextEngine.COMPILED, model, store, 8);
        double total = 0;
        long tokens = 0;
        for (int[] doc : docs) {
            total += alone.loss(doc, 1, false);
            tokens += doc.length + 1;
        }
        assertThat(two.tokens()).isEqualTo(tokens);
        assertThat(Double.doubleToLongBits(two.loss())).isEqualTo(Double.doubleToLongBits(total / tokens));
        assertThat(Losses.of(Runner.of(TextEngine.VALUE, model, store, 8), docs.subList(0, 50)).loss())
                .isCloseTo(Losses.of(runner, docs.subList(0, 50)).loss(), org.assertj.core.data.Offset.offset(1e-12));
    }
}
