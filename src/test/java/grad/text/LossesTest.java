package grad.text;

import static org.assertj.core.api.Assertions.assertThat;

import grad.engine.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Losses on many documents, measured on two threads, are the one-thread sum's to the bit; a runner on a
 * copy of the parameters measures them as they were when copied, while training changes them.
 */
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

        // several sets measured as one: each as measured alone, to the bit
        List<List<int[]>> sets = List.of(docs.subList(0, 7), docs.subList(7, 450), docs.subList(100, 101));
        List<Losses> together = Losses.ofEach(runner, sets);
        assertThat(together).hasSize(3);
        for (int k = 0; k < sets.size(); k++) {
            double sum = 0;
            long count = 0;
            for (int[] doc : sets.get(k)) {
                sum += alone.loss(doc, 1, false);
                count += doc.length + 1;
            }
            assertThat(together.get(k).tokens()).isEqualTo(count);
            assertThat(Double.doubleToLongBits(together.get(k).loss())).as("set %d", k).isEqualTo(Double.doubleToLongBits(sum / count));
        }
    }

    @Test
    void aRunnerOnACopyMeasuresTheParametersAsTheyWereWhenCopied() {
        Vocabulary vocab = new Vocabulary(List.of("a", "b", "c"));
        TextModel model = TextModelKind.GPT.create(vocab, Map.of("n_embd", 4, "n_head", 2, "block_size", 8), 3);
        ParameterStore store = ParameterStore.of(model.namedParameters());
        Runner runner = Runner.of(TextEngine.COMPILED, model, store, 8);
        List<int[]> docs = List.of(new int[] {0, 1}, new int[] {2, 2, 1, 0}, new int[] {});
        Runner copy = runner.onCopy();
        double before = Losses.of(runner, docs).loss();
        assertThat(Losses.of(copy, docs).loss()).isEqualTo(before);

        for (int i = 0; i < store.size(); i++) {   // what a training step does to the parameters
            store.data()[i] += 0.01 * Math.sin(i);
        }
        double after = Losses.of(runner, docs).loss();
        assertThat(after).isNotEqualTo(before);
        assertThat(Losses.of(copy, docs).loss()).as("the copy, not the store").isEqualTo(before);
        copy.copyParameters();
        assertThat(Losses.of(copy, docs).loss()).isEqualTo(after);
        assertThat(Runner.of(TextEngine.VALUE, model, store, 8).onCopy()).isNull();
    }
}
