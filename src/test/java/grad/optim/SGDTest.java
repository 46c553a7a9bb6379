package grad.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import grad.engine.ParameterStore;
import grad.engine.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SGDTest {

    @Test
    void momentumAsGradRs() {
        ParameterStore store = store(1.0);
        store.grad()[0] = 1.0;
        SGD sgd = new SGD(store, 0.1, 0.9);
        sgd.step();
        assertThat(store.data()[0]).isCloseTo(0.9, within(1e-15));
        assertThat(sgd.state().get("velocity")[0]).isCloseTo(-0.1, within(1e-15));
        sgd.step();
        assertThat(store.data()[0]).isCloseTo(0.71, within(1e-15));
        assertThat(sgd.state().get("velocity")[0]).isCloseTo(-0.19, within(1e-15));
        sgd.zeroGrad();
        assertThat(store.values().get(0).grad()).isZero();
    }

    @Test
    void weightDecayAddsL2TermToTheGradient() {
        ParameterStore store = store(2.0);
        store.grad()[0] = 0.5;
        new SGD(store, 0.1, 0.0, 0.01, 0.0, false).step();
        assertThat(store.data()[0]).isCloseTo(2.0 - 0.1 * (0.5 + 0.01 * 2.0), within(1e-15));
    }

    @Test
    void l1AddsTheSignOfEachParameterBesideWeightDecay() {
        ParameterStore store = store(2.0, -4.0, 0.0);
        java.util.Arrays.fill(store.grad(), 0.5);
        new SGD(store, 0.1, 0.0, 0.01, 0.3, false).step();
        // g = 0.5 + 0.01·p + 0.3·sign(p); p ← p − 0.1·g
        assertThat(store.data()[0]).isCloseTo(2.0 - 0.1 * (0.5 + 0.02 + 0.3), within(1e-15));
        assertThat(store.data()[1]).isCloseTo(-4.0 - 0.1 * (0.5 - 0.04 - 0.3), within(1e-15));
        assertThat(store.data()[2]).isCloseTo(-0.05, within(1e-15));
    }

    @Test
    void l1WithMomentumCarriesIntoTheVelocity() {
        ParameterStore store = store(1.0);
        SGD sgd = new SGD(store, 0.1, 0.5, 0.0, 0.2, false);
        sgd.step();   // g = 0.2, v = -0.02, p = 0.98
        sgd.step();   // g = 0.2, v = 0.5·(-0.02) - 0.02 = -0.03, p = 0.95
        assertThat(sgd.state().get("velocity")[0]).isCloseTo(-0.03, within(1e-15));
        assertThat(store.data()[0]).isCloseTo(0.95, within(1e-15));
    }

    @Test
    void nesterovLooksAhead() {
        ParameterStore store = store(1.0);
        store.grad()[0] = 1.0;
        SGD sgd = new SGD(store, 0.1, 0.9, 0.0, 0.0, true);
        sgd.step();   // v = -0.1; p += 0.9*(-0.1) - 0.1 = -0.19
        assertThat(store.data()[0]).isCloseTo(0.81, within(1e-15));
        sgd.step();   // v = -0.19; p += 0.9*(-0.19) - 0.1 = -0.271
        assertThat(store.data()[0]).isCloseTo(0.539, within(1e-15));
    }

    @Test
    void minimizesAQuadraticThroughTheValueViews() {
        Value a = Value.of(5.0);
        Value b = Value.of(-3.0);
        SGD sgd = new SGD(ParameterStore.of(Map.of("p", new ParameterStore.Shaped(new int[] {2}, List.of(a, b)))),
                0.05, 0.9);
        for (int i = 0; i < 500; i++) {
            sgd.zeroGrad();
            a.sub(1).pow(2).add(b.add(2).pow(2)).backward();
            sgd.step();
        }
        assertThat(a.data()).isCloseTo(1.0, within(1e-9));
        assertThat(b.data()).isCloseTo(-2.0, within(1e-9));
    }

    @Test
    void stateIsACopyAndRestoresTheVelocity() {
        ParameterStore store = store(1.0, 2.0);
        java.util.Arrays.fill(store.grad(), 1.0);
        SGD sgd = new SGD(store, 0.1, 0.9);
        sgd.step();
        Map<String, double[]> saved = sgd.state();
        sgd.step();
        assertThat(saved.get("velocity")).containsExactly(-0.1, -0.1);
        SGD other = new SGD(store(0.0, 0.0), 0.1, 0.9);
        other.loadState(saved);
        assertThat(other.state().get("velocity")).containsExactly(-0.1, -0.1);
        assertThatThrownBy(() -> other.loadState(Map.of("velocity", new double[3])))
                .hasMessage("expected 2 values of velocity, got 3");
    }

    /** A store of one group {@code p} holding {@code values}. */
    static ParameterStore store(double... values) {
        List<Value> leaves = new java.util.ArrayList<>();
        for (double v : values) {
            leaves.add(Value.of(v));
        }
        return ParameterStore.of(Map.of("p", new ParameterStore.Shaped(new int[] {values.length}, leaves)));
    }
}
