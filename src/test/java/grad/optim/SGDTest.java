package grad.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SGDTest {

    @Test
    void momentumAsGradRs() {
        double[] p = {1.0};
        double[] g = {1.0};
        SGD sgd = new SGD(p, g, 0.1, 0.9);
        sgd.step();
        assertThat(p[0]).isCloseTo(0.9, within(1e-15));
        assertThat(sgd.velocity()[0]).isCloseTo(-0.1, within(1e-15));
        sgd.step();
        assertThat(p[0]).isCloseTo(0.71, within(1e-15));
        assertThat(sgd.velocity()[0]).isCloseTo(-0.19, within(1e-15));
        sgd.zeroGrad();
        assertThat(g[0]).isZero();
    }

    @Test
    void weightDecayAddsL2TermToTheGradient() {
        double[] p = {2.0};
        double[] g = {0.5};
        new SGD(p, g, 0.1, 0.0, 0.01, false).step();
        assertThat(p[0]).isCloseTo(2.0 - 0.1 * (0.5 + 0.01 * 2.0), within(1e-15));
    }

    @Test
    void nesterovLooksAhead() {
        double[] p = {1.0};
        double[] g = {1.0};
        SGD sgd = new SGD(p, g, 0.1, 0.9, 0.0, true);
        sgd.step();   // v = -0.1; p += 0.9*(-0.1) - 0.1 = -0.19
        assertThat(p[0]).isCloseTo(0.81, within(1e-15));
        sgd.step();   // v = -0.19; p += 0.9*(-0.19) - 0.1 = -0.271
        assertThat(p[0]).isCloseTo(0.539, within(1e-15));
    }

    @Test
    void minimizesAQuadratic() {
        double[] p = {5.0, -3.0};
        double[] g = new double[2];
        SGD sgd = new SGD(p, g, 0.05, 0.9);
        for (int i = 0; i < 500; i++) {
            g[0] = 2 * (p[0] - 1);
            g[1] = 2 * (p[1] + 2);
            sgd.step();
        }
        assertThat(p[0]).isCloseTo(1.0, within(1e-9));
        assertThat(p[1]).isCloseTo(-2.0, within(1e-9));
    }
}
