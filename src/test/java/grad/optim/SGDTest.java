package grad.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grad.engine.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class SGDTest {

    @Test
    void momentumAsGradRs() {
        Value p = parameter(1.0, 1.0);
        SGD sgd = new SGD(List.of(p), 0.1, 0.9);
        sgd.step();
        assertThat(p.data()).isCloseTo(0.9, within(1e-15));
        assertThat(sgd.velocity()[0]).isCloseTo(-0.1, within(1e-15));
        sgd.step();
        assertThat(p.data()).isCloseTo(0.71, within(1e-15));
        assertThat(sgd.velocity()[0]).isCloseTo(-0.19, within(1e-15));
        sgd.zeroGrad();
        assertThat(p.grad()).isZero();
    }

    @Test
    void weightDecayAddsL2TermToTheGradient() {
        Value p = parameter(2.0, 0.5);
        new SGD(List.of(p), 0.1, 0.0, 0.01, false).step();
        assertThat(p.data()).isCloseTo(2.0 - 0.1 * (0.5 + 0.01 * 2.0), within(1e-15));
    }

    @Test
    void l1AddsTheSignOfEachParameterBesideWeightDecay() {
        Value positive = parameter(2.0, 0.5);
        Value negative = parameter(-4.0, 0.5);
        Value zero = parameter(0.0, 0.5);
        new SGD(List.of(positive, negative, zero), 0.1, 0.0, 0.01, 0.3, false).step();
        // g = 0.5 + 0.01·p + 0.3·sign(p); p ← p − 0.1·g
        assertThat(positive.data()).isCloseTo(2.0 - 0.1 * (0.5 + 0.02 + 0.3), within(1e-15));
        assertThat(negative.data()).isCloseTo(-4.0 - 0.1 * (0.5 - 0.04 - 0.3), within(1e-15));
        assertThat(zero.data()).isCloseTo(-0.05, within(1e-15));
    }

    @Test
    void l1WithMomentumCarriesIntoTheVelocity() {
        Value p = parameter(1.0, 0.0);
        SGD sgd = new SGD(List.of(p), 0.1, 0.5, 0.0, 0.2, false);
        sgd.step();   // g = 0.2, v = -0.02, p = 0.98
        sgd.step();   // g = 0.2, v = 0.5·(-0.02) - 0.02 = -0.03, p = 0.95
        assertThat(sgd.velocity()[0]).isCloseTo(-0.03, within(1e-15));
        assertThat(p.data()).isCloseTo(0.95, within(1e-15));
    }

    @Test
    void nesterovLooksAhead() {
        Value p = parameter(1.0, 1.0);
        SGD sgd = new SGD(List.of(p), 0.1, 0.9, 0.0, true);
        sgd.step();   // v = -0.1; p += 0.9*(-0.1) - 0.1 = -0.19
        assertThat(p.data()).isCloseTo(0.81, within(1e-15));
        sgd.step();   // v = -0.19; p += 0.9*(-0.19) - 0.1 = -0.271
        assertThat(p.data()).isCloseTo(0.539, within(1e-15));
    }

    @Test
    void minimizesAQuadratic() {
        Value a = Value.of(5.0);
        Value b = Value.of(-3.0);
        SGD sgd = new SGD(List.of(a, b), 0.05, 0.9);
        for (int i = 0; i < 500; i++) {
            sgd.zeroGrad();
            a.sub(1).pow(2).add(b.add(2).pow(2)).backward();
            sgd.step();
        }
        assertThat(a.data()).isCloseTo(1.0, within(1e-9));
        assertThat(b.data()).isCloseTo(-2.0, within(1e-9));
    }

    private static Value parameter(double data, double grad) {
        Value p = Value.of(data);
        p.setGrad(grad);
        return p;
    }
}
