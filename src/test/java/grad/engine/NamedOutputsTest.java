package grad.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A program's outputs come in named groups, looked up by name, and still numbered all together. */
class NamedOutputsTest {

    @Test
    void groupsAreReadByNameAndByPosition() {
        Networks net = new Networks(Networks.Shape.BIAS_FIRST, new int[] {2, 3, 2}, Op.RELU, new SplittableRandom(5));
        List<Value> x = Networks.leaves(0, 0);
        List<Value> t = Networks.leaves(0, 0);
        List<Value> logits = net.call(x);
        Map<String, List<Value>> outputs = new LinkedHashMap<>();
        outputs.put("loss", List.of(Networks.crossEntropy(logits, t)));
        outputs.put("logits", logits);
        outputs.put("probs", softmax(logits));
        Program program = Compiler.compile(outputs, net.parameters, x, t);
        assertThat(program.outputNames()).containsExactly("loss", "logits", "probs");
        assertThat(program.outputCount()).isEqualTo(5);
        assertThat(program.outputSize("probs")).isEqualTo(2);
        assertThat(program.listing()).contains("loss: s", "logits: s", "probs: s");

        double[] xs = {0.5, -1.25};
        double[] ts = {0, 1};
        List<Value> out = net.call(Networks.leaves(xs));
        Value loss = Networks.crossEntropy(out, Networks.leaves(ts));
        List<Value> probs = softmax(out);
        for (Replay replay : List.of(program.newGeneratedReplay(), program.newInterpretedReplay())) {
            replay.setParameters(FusionTest.data(net.parameters));
            replay.setInputs(xs);
            replay.setTargets(ts);
            replay.forward();
            assertThat(replay.output("loss", 0)).isEqualTo(loss.data()).isEqualTo(replay.output(0));
            assertThat(replay.output("logits", 1)).isEqualTo(out.get(1).data()).isEqualTo(replay.output(2));
            assertThat(replay.outputs("probs", new double[2])).containsExactly(probs.get(0).data(), probs.get(1).data());
            assertThat(probs.get(0).data() + probs.get(1).data()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-15));
        }
    }

    @Test
    void anUnknownGroupOrIndexIsAClearError() {
        Value p = Value.of(2);
        Program program = Compiler.compile(Map.of("loss", List.of(p.mul(p))), List.of(p), List.of(), List.of());
        Replay replay = program.newInterpretedReplay();
        replay.setParameters(new double[] {3});
        replay.forward();
        assertThat(replay.output("loss", 0)).isEqualTo(9);
        assertThatThrownBy(() -> replay.output("probs", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no output called probs; there are [loss]");
        assertThatThrownBy(() -> replay.output("loss", 1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("output loss has 1 values, not 2");
        assertThat(Compiler.compile(List.of(p.mul(p)), List.of(p), List.of(), List.of()).outputNames())
                .containsExactly("outputs");
    }

    private static List<Value> softmax(List<Value> logits) {
        Value max = logits.get(0).max(logits.get(1)).detach();
        List<Value> exps = new ArrayList<>();
        for (Value l : logits) {
            exps.add(l.sub(max).exp());
        }
        Value sum = Value.sum(exps);
        List<Value> probs = new ArrayList<>();
        for (Value e : exps) {
            probs.add(e.div(sum));
        }
        return probs;
    }
}
