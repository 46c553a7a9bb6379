package grad.examples;

import static org.assertj.core.api.Assertions.assertThat;

import grad.engine.Value;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** r-nn's RNN example: the compiled step is the graph's, and SGD lowers the loss. */
class RnnTest {

    @Test
    void theSequencesCountUpByOneOrTwo() {
        int[][] s = Rnn.sequences();
        assertThat(s[0]).containsExactly(0, 1, 2, 3, 4, 0, 1, 2, 3, 4);
        assertThat(s[1]).containsExactly(1, 3, 0, 2, 4, 1, 3, 0, 2, 4);
    }

    @Test
    void theTracedStepIsTheGraphsAndSgdLowersTheLoss() {
        int[][] data = Rnn.sequences();
        Rnn graph = new Rnn(new Random(20)), traced = new Rnn(new Random(20));
        Value loss = graph.loss(data).value();
        loss.backward();
        double[] losses = traced.train(data, 200);
        assertThat(losses[0]).isEqualTo(loss.data());
        // one step of SGD from the graph's gradients lands where the traced program's first step did
        double[] afterOne = graph.parameters().stream().mapToDouble(p -> p.data() - Rnn.LR * p.grad()).toArray();
        Rnn check = new Rnn(new Random(20));
        check.train(data, 1);
        assertThat(check.parameters().stream().mapToDouble(Value::data).toArray()).containsExactly(afterOne);
        for (int s = 1; s < losses.length; s++) {
            assertThat(losses[s]).as("loss at step %d", s).isLessThan(losses[s - 1]);
        }
        assertThat(losses[0]).isGreaterThan(Math.log(Rnn.VOCAB) - 0.6);
        assertThat(losses[199]).isLessThan(losses[0] - 0.1);
    }
}
