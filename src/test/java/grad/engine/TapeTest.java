package grad.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TapeTest {

    @Test
    void linearNodeIsADotProductPlusBias() {
        Tape t = new Tape(2);
        int w = t.leaves(new double[] {0.5, -2.0, 0.25});   // w0, w1, bias
        int x = t.leaves(new double[] {3.0, 1.5});
        int y = t.linear(w, x, 2);
        int out = t.mul(y, y);
        t.backward(out);
        double pre = 0.5 * 3.0 + -2.0 * 1.5 + 0.25;   // -1.25
        assertThat(t.data(y)).isEqualTo(pre);
        assertThat(t.grad(w)).isEqualTo(2 * pre * 3.0);
        assertThat(t.grad(w + 1)).isEqualTo(2 * pre * 1.5);
        assertThat(t.grad(w + 2)).isEqualTo(2 * pre);
        assertThat(t.grad(x)).isEqualTo(2 * pre * 0.5);
        assertThat(t.grad(x + 1)).isEqualTo(2 * pre * -2.0);
        assertThat(t.operands(y)).containsExactly(w, w + 1, w + 2, x, x + 1);
    }

    @Test
    void truncateReusesTheTapeAndKeepsEarlierLeaves() {
        Tape t = new Tape(4);
        int p = t.leaf(3.0);
        int mark = t.size();
        for (int sample = 1; sample <= 3; sample++) {
            t.truncate(mark);
            int x = t.leaf(sample);
            t.backward(t.mul(p, x));
        }
        assertThat(t.grad(p)).as("1 + 2 + 3 accumulated on the parameter").isEqualTo(6.0);
        assertThat(t.size()).isEqualTo(3);
        double[] out = new double[1];
        t.drainGradients(p, out);
        assertThat(out[0]).isEqualTo(6.0);
        assertThat(t.grad(p)).isZero();
    }

    @Test
    void growsPastItsInitialCapacity() {
        Tape t = new Tape(1);
        int x = t.leaf(1.0);
        int y = x;
        for (int i = 0; i < 10_000; i++) {
            y = t.mul(y, x);
        }
        t.backward(y);
        assertThat(t.grad(x)).isCloseTo(10_001.0, within(1e-9));
    }

    @Test
    void secondBackwardOnTheSameRecordingAccumulatesOnlyInLeaves() {
        Tape t = new Tape();
        int x = t.leaf(2.0);
        int h = t.mul(x, x);
        int y = t.mul(h, t.leaf(3.0));
        t.backward(y);
        t.backward(y);
        assertThat(t.grad(x)).isEqualTo(24.0);
        assertThat(t.grad(h)).isEqualTo(3.0);
    }

    @Test
    void takeGradientsOverwritesTheOutputAndZeroesTheTape() {
        Tape t = new Tape();
        int p = t.leaves(new double[] {2.0, -3.0});
        t.backward(t.mul(p, p + 1));
        double[] out = {99.0, 99.0};
        t.takeGradients(p, out);
        assertThat(out).containsExactly(-3.0, 2.0);
        assertThat(t.grad(p)).isZero();
        assertThat(t.grad(p + 1)).isZero();
    }
}
