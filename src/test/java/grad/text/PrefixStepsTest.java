package grad.text;

import static org.assertj.core.api.Assertions.assertThat;

import grad.engine.Compiler;
import grad.engine.ParameterStore;
import grad.engine.Program;
import grad.engine.Replay;
import grad.engine.StepSet;
import grad.engine.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A document shorter than its padded program, run through only the steps of its own positions
 * ({@link Program#stepsByLength}), gets the padded program's loss and last logits to the bit and every
 * parameter's gradient equal (a zero's sign aside), for every model and every length; the documents come
 * longest, shortest, then in between, so that each run finds the slots of the last one's positions stale.
 */
class PrefixStepsTest {
    private static final Vocabulary VOCAB = new Vocabulary(List.of("a", "b", "c", "d", "e"));
    private static final int LEN = 6;
    private static final String[] DOCS = {"abcde", "", "eed", "a", "bbbb", "ca", "abcde", "d"};

    @ParameterizedTest
    @EnumSource(TextModelKind.class)
    void prefixStepsGiveThePaddedProgramsNumbers(TextModelKind kind) {
        Map<String, Integer> sizes = kind == TextModelKind.GPT
                ? Map.of("n_layer", 2, "n_embd", 8, "n_head", 2, "block_size", LEN) : Map.of();
        TextModel model = kind.create(VOCAB, sizes, 7);
        ParameterStore store = ParameterStore.of(model.namedParameters());
        Unrolled blank = Unrolled.blank(model, LEN);
        Map<String, List<Value>> outputs = new LinkedHashMap<>();
        outputs.put("loss", List.of(blank.loss));
        outputs.put("logits", blank.logits);
        Program program = Compiler.compile(outputs, store.values(), blank.inputs, blank.targets);
        int[] mask = new int[LEN];
        for (int t = 0; t < LEN; t++) {
            mask[t] = LEN + t;
        }
        List<StepSet> sets = program.stepsByLength(new int[] {0}, mask);
        double[] padGrad = new double[store.size()];
        double[] prefixGrad = new double[store.size()];
        Replay padded = program.newInterpretedReplay();
        padded.useParameters(store.data(), padGrad);
        Replay prefix = program.newInterpretedReplay();
        prefix.useParameters(store.data(), prefixGrad);
        int v = VOCAB.size();
        for (String line : DOCS) {
            int n = line.length() + 1;
            double[] in = new double[LEN + 1];
            double[] out = new double[2 * LEN];
            Unrolled.fill(VOCAB.encode(line), VOCAB.bos(), LEN, 0.25, in, out);
            for (Replay r : List.of(padded, prefix)) {
                r.setInputs(in);
                r.setTargets(out);
            }
            padded.forward();
            padded.backward();
            prefix.forward(sets.get(n - 1));
            prefix.backward(sets.get(n - 1));
            assertThat(bits(prefix.output("loss", 0))).as("%s %s: loss", kind, line).isEqualTo(bits(padded.output("loss", 0)));
            for (int i = 0; i < v; i++) {
                int at = program.outputIndex("logits", (n - 1) * v + i);
                assertThat(bits(prefix.output(at))).as("%s %s: logit %d", kind, line, i).isEqualTo(bits(padded.output(at)));
            }
            for (int i = 0; i < padGrad.length; i++) {
                assertThat(prefixGrad[i] == padGrad[i]).as("%s %s: gradient %d, %s against %s", kind, line, i,
                        prefixGrad[i], padGrad[i]).isTrue();
            }
            assertThat(sets.get(n - 1).size()).isLessThanOrEqualTo(program.stepCount());
        }
        assertThat(sets.get(0).size()).as("one position's steps").isLessThan(sets.get(LEN - 1).size());
    }

    private static long bits(double x) {
        return Double.doubleToLongBits(x);
    }
}
