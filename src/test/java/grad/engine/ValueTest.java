package grad.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference values from micrograd's tests, which check them against PyTorch. */
class ValueTest {

    @Test
    void microgradSanityCheck() {
        Value x = Value.of(-4.0);
        Value z = x.mul(2).add(2).add(x);
        Value q = z.relu().add(z.mul(x));
        Value h = z.mul(z).relu();
        Value y = h.add(q).add(q.mul(x));
        y.backward();

        assertThat(y.data()).isEqualTo(-20.0);
        assertThat(x.grad()).isEqualTo(46.0);
    }

    @Test
    void microgradMoreOps() {
        Value a = Value.of(-4.0);
        Value b = Value.of(2.0);
        Value c = a.add(b);
        Value d = a.mul(b).add(b.pow(3));
        c = c.add(c.add(1));
        c = c.add(Value.of(1).add(c).add(a.neg()));
        d = d.add(d.mul(2).add(b.add(a).relu()));
        d = d.add(d.mul(3).add(b.sub(a).relu()));
        Value e = c.sub(d);
        Value f = e.pow(2);
        Value g = f.div(2.0);
        g = g.add(Value.of(10.0).div(f));
        g.backward();

        assertThat(g.data()).isCloseTo(24.70408163265306, within(1e-9));
        assertThat(a.grad()).isCloseTo(138.83381924198252, within(1e-9));
        assertThat(b.grad()).isCloseTo(645.5772594752186, within(1e-9));
    }

    @Test
    void rustygradExample() {
        Value a = Value.of(1), b = Value.of(2), c = Value.of(3), d = Value.of(4);
        Value g = a.add(b).mul(c.add(d)).pow(2);
        g.backward();
        assertThat(g.data()).isEqualTo(441.0);
        assertThat(a.grad()).isEqualTo(294.0);
        assertThat(b.grad()).isEqualTo(294.0);
        assertThat(c.grad()).isEqualTo(126.0);
        assertThat(d.grad()).isEqualTo(126.0);
    }

    @Test
    void reusedNodeAccumulatesThroughEveryOp() {
        // r-nn's bug: relu's backward overwrote x's gradient, giving d/dx = 1 instead of 1 + y.
        Value x = Value.of(3.0);
        Value y = Value.of(5.0);
        Value out = x.relu().add(x.mul(y));
        out.backward();
        assertThat(x.grad()).isEqualTo(1 + 5.0);
        assertThat(y.grad()).isEqualTo(3.0);

        Value u = Value.of(0.5);
        Value v = u.exp().add(u.log()).add(u.tanh()).add(u.sigmoid()).add(u);
        v.backward();
        double t = Math.tanh(0.5);
        double s = 1 / (1 + Math.exp(-0.5));
        assertThat(u.grad()).isCloseTo(Math.exp(0.5) + 1 / 0.5 + (1 - t * t) + s * (1 - s) + 1, within(1e-15));
    }

    @Test
    void tanhBackwardUsesTheOutputNotTheInput() {
        // r-nn's bug: 1 − x² instead of 1 − tanh(x)².
        Value x = Value.of(0.8);
        Value y = x.tanh();
        y.backward();
        assertThat(x.grad()).isCloseTo(1 - Math.tanh(0.8) * Math.tanh(0.8), within(1e-15));
        assertThat(x.grad()).isNotCloseTo(1 - 0.8 * 0.8, within(1e-3));
    }

    @Test
    void leafGradientsAccumulateAcrossCallsButIntermediateOnesDoNot() {
        Value x = Value.of(2.0);
        Value h = x.mul(x);        // dh/dx = 4
        Value y = h.mul(3);        // dy/dh = 3
        y.backward();
        y.backward();
        assertThat(x.grad()).isEqualTo(24.0);   // 12 + 12, as in PyTorch
        assertThat(h.grad()).isEqualTo(3.0);    // this call's gradient
        assertThat(y.grad()).isEqualTo(1.0);

        y.zeroGrad();
        assertThat(x.grad()).isZero();
        y.backward();
        assertThat(x.grad()).isEqualTo(12.0);
    }

    @Test
    void backwardOnAMillionNodeChainDoesNotOverflowTheStack() throws Exception {
        // Run on a thread with the JVM's default stack size, whatever Surefire's -Xss says.
        double[] result = new double[2];
        Thread t = new Thread(() -> {
            Value x = Value.of(1.0);
            Value y = x;
            for (int i = 0; i < 1_000_000; i++) {
                y = y.add(1e-6);
            }
            y.backward();
            result[0] = y.data();
            result[1] = x.grad();
        });
        t.start();
        t.join();
        assertThat(result[0]).isCloseTo(2.0, within(1e-6));
        assertThat(result[1]).isEqualTo(1.0);
    }

    @Test
    void edgeCasesFollowIeeeAndPyTorch() {
        Value zero = Value.of(0.0);
        Value logZero = zero.log();
        logZero.backward();
        assertThat(logZero.data()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(zero.grad()).isEqualTo(Double.POSITIVE_INFINITY);

        Value neg = Value.of(-1.0);
        assertThat(neg.log().data()).isNaN();

        // d(a^b)/db at a = 0, b >= 0 is taken as 0 (PyTorch), not 0 * -inf = NaN.
        Value a = Value.of(0.0);
        Value b = Value.of(2.0);
        Value p = a.pow(b);
        p.backward();
        assertThat(p.data()).isZero();
        assertThat(a.grad()).isZero();
        assertThat(b.grad()).isZero();

        // A negative base: the value is fine for an integer exponent, d/db is NaN (log of a negative).
        Value c = Value.of(-2.0);
        Value e = Value.of(3.0);
        Value q = c.pow(e);
        q.backward();
        assertThat(q.data()).isEqualTo(-8.0);
        assertThat(c.grad()).isEqualTo(12.0);
        assertThat(e.grad()).isNaN();

        Value r = Value.of(0.0);
        Value relu = r.relu();
        relu.backward();
        assertThat(r.grad()).as("relu'(0)").isZero();

        assertThat(Value.of(-1000).sigmoid().data()).isZero();
        assertThat(Value.of(1000).sigmoid().data()).isEqualTo(1.0);
    }

    @Test
    void maxSendsTheGradientToTheLargerOperandAndToTheFirstOnATie() {
        Value a = Value.of(2);
        Value b = Value.of(5);
        Value m = a.max(b).mul(3);
        m.backward();
        assertThat(m.data()).isEqualTo(15.0);
        assertThat(a.grad()).isZero();
        assertThat(b.grad()).isEqualTo(3.0);

        Value c = Value.of(1);
        Value d = Value.of(1);
        c.max(d).backward();
        assertThat(c.grad()).as("a tie: the first operand").isEqualTo(1.0);
        assertThat(d.grad()).isZero();
    }

    @Test
    void detachKeepsTheValueAndStopsTheGradient() {
        Value x = Value.of(3);
        Value y = x.mul(x).sub(x.mul(x).detach());   // zero, whose gradient is still 2x
        y.backward();
        assertThat(y.data()).isZero();
        assertThat(x.grad()).isEqualTo(6.0);
        assertThat(x.detach().data()).isEqualTo(3.0);
    }

    @Test
    void onlyLeavesCanBeSet() {
        Value x = Value.of(1);
        x.setData(2);
        assertThat(x.data()).isEqualTo(2);
        Value y = x.exp();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> y.setData(1))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void graphSnapshotListsOperandsBeforeResults() {
        Value a = Value.of(2, "a");
        Value b = Value.of(3, "b");
        Value c = a.mul(b).add(a);
        c.backward();
        Graph g = Graph.of(c);
        assertThat(g.nodes()).hasSize(4);
        assertThat(g.edgeCount()).isEqualTo(4);
        assertThat(g.root().op()).isEqualTo(Op.ADD);
        assertThat(g.root().data()).isEqualTo(8);
        for (Graph.Node n : g.nodes()) {
            for (int operand : n.operands()) {
                assertThat(operand).isLessThan(n.id());
            }
        }
        assertThat(g.nodes().get(0).label()).isEqualTo("a");
        assertThat(g.nodes().get(0).grad()).isEqualTo(4.0);
    }
}
