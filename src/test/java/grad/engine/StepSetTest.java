package grad.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Program#stepsByLength} on {@code loss = Σₜ maskₜ · log(w · xₜ)} over three positions, and
 * {@code logs = [log(w · xₜ)]} as a second output: by hand, d loss / dw = Σₜ maskₜ / w.
 */
class StepSetTest {
    private static final int N = 3;

    private final Value w = Value.of(2);
    private final List<Value> x = new ArrayList<>();
    private final List<Value> mask = new ArrayList<>();
    private final Program program;

    StepSetTest() {
        List<Value> terms = new ArrayList<>();
        List<Value> logs = new ArrayList<>();
        for (int t = 0; t < N; t++) {
            x.add(Value.of(1));
            mask.add(Value.of(1));
            logs.add(w.mul(x.get(t)).log());
            terms.add(logs.get(t).mul(mask.get(t)));
        }
        java.util.Map<String, List<Value>> outputs = new java.util.LinkedHashMap<>();
        outputs.put("loss", List.of(Value.sum(terms)));
        outputs.put("logs", logs);
        program = Compiler.compile(outputs, List.of(w), x, mask);
    }

    private Replay replay(double[] xs, double[] masks) {
        Replay r = program.newInterpretedReplay();
        r.setParameters(new double[] {2});
        r.setInputs(xs);
        r.setTargets(masks);
        return r;
    }

    @Test
    void aLengthRunsOnlyItsPositionsSteps() {
        List<StepSet> sets = program.stepsByLength(new int[] {0}, new int[] {0, 1, 2});
        assertThat(sets).hasSize(N);
        // position t: w·x, log; the masked sum is one step
        assertThat(sets.stream().map(StepSet::size)).containsExactly(3, 5, 7);
        assertThat(program.stepCount()).isEqualTo(7);
        Replay r = replay(new double[] {3, 5, 7}, new double[] {1, 1, 0});
        r.forward(sets.get(1));
        r.backward(sets.get(1));
        double[] g = new double[1];
        r.takeParameterGradients(g);
        assertThat(r.output("loss", 0)).isEqualTo(Math.log(6) + Math.log(10));
        assertThat(g[0]).isEqualTo(1 / 2.0 + 1 / 2.0);
    }

    /** A position past the end whose last run left NaN in its slots adds 0, as in the whole program. */
    @Test
    void aStaleNaNPastTheEndAddsNothing() {
        List<StepSet> sets = program.stepsByLength(new int[] {0}, new int[] {0, 1, 2});
        Replay r = replay(new double[] {3, -1, 7}, new double[] {1, 1, 1});
        r.forward();
        assertThat(r.output("loss", 0)).isNaN();
        r.setTargets(new double[] {1, 0, 0});
        r.forward(sets.get(0));
        assertThat(r.output("loss", 0)).isEqualTo(Math.log(6));
    }

    @Test
    void theBackwardPassNeedsStepsChosenForTheFirstOutput() {
        int last = program.outputIndex("logs", N - 1);
        List<StepSet> sets = program.stepsByLength(new int[] {last}, new int[] {0, 1, 2});
        assertThat(sets.get(0).size()).as("log(w·x₂): two steps, whatever the length").isEqualTo(2);
        Replay r = replay(new double[] {3, 5, 7}, new double[] {1, 0, 0});
        r.forward(sets.get(0));
        assertThat(r.output(last)).isEqualTo(Math.log(14));
        assertThatThrownBy(() -> r.backward(sets.get(0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("output 0");
    }
}
