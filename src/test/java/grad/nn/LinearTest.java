package grad.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grad.engine.ParameterStore;
import grad.engine.Value;
import grad.optim.Adam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearTest {
    private static List<Value> leaves(double... xs) {
        List<Value> out = new ArrayList<>();
        for (double x : xs) {
            out.add(Value.of(x));
        }
        return out;
    }

    @Test
    void weightIsOutByInAndTheBiasIsOptional() {
        Linear withBias = new Linear(3, 2, true);
        Linear noBias = new Linear(3, 2, false);
        double[] w = {1, 2, 3, -1, 0.5, 4};   // [2][3], row-major as PyTorch's weight
        for (Linear l : List.of(withBias, noBias)) {
            List<Value> weight = l.namedParameters().get("weight").values();
            for (int k = 0; k < w.length; k++) {
                weight.get(k).setData(w[k]);
            }
        }
        withBias.bias(0).setData(0.25);
        withBias.bias(1).setData(-2);
        List<Value> x = leaves(2, -1, 0.5);
        // row 0: 2 - 2 + 1.5 = 1.5; row 1: -2 - 0.5 + 2 = -0.5
        assertThat(noBias.call(x)).extracting(Value::data).containsExactly(1.5, -0.5);
        assertThat(withBias.call(x)).extracting(Value::data).containsExactly(1.75, -2.5);
        assertThat(withBias.namedParameters().keySet()).containsExactly("weight", "bias");
        assertThat(withBias.namedParameters().get("weight").shape()).containsExactly(2, 3);
        assertThat(noBias.namedParameters().keySet()).containsExactly("weight");
        assertThat(noBias.parameters()).hasSize(6);
        assertThat(withBias.weight(1, 2).label()).isEqualTo("weight[1][2]");
    }

    @Test
    void theGradientOfEachWeightIsItsInput() {
        Linear l = new Linear(2, 1, true);
        ParameterStore store = ParameterStore.of(l.namedParameters());
        l.call(leaves(3, -4)).get(0).backward();
        assertThat(store.grad()).containsExactly(3, -4, 1);
    }

    @Test
    void anMlpIsNamedAsPyTorchNamesASequentialOfLinears() {
        MLP mlp = MLP.create(2, new int[] {3, 2}, Activation.TANH, Activation.LINEAR, new Initializer.He(),
                new SplittableRandom(4));
        Map<String, double[]> state = mlp.store().stateDict();
        assertThat(state.keySet()).containsExactly("layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias");
        assertThat(state.get("layers.1.weight")).hasSize(6);
        // neuron 1 of layer 0 by hand, from the state dict: tanh(w[1]·x + b[1])
        double[] w = state.get("layers.0.weight");
        double[] b = state.get("layers.0.bias");
        double x0 = 0.3;
        double x1 = -0.7;
        Predictor predictor = new Predictor(mlp);
        predictor.run(new double[] {x0, x1});
        assertThat(predictor.neuronOutput(0, 1)).isCloseTo(Math.tanh(w[2] * x0 + w[3] * x1 + b[1]), within(1e-15));
        assertThat(mlp.layers().get(0).neurons().get(1).weights().get(1).data()).isEqualTo(w[3]);
    }

    @Test
    void adamTrainsAModuleThroughItsValueViews() {
        // fit y = 2x - 1 with one Linear(1, 1) on four points, gradients from Value.backward()
        Linear l = new Linear(1, 1, true);
        ParameterStore store = ParameterStore.of(l.namedParameters());
        Adam adam = new Adam(store, 0.05, 0.9, 0.999, 1e-8, 0);
        for (int step = 0; step < 4000; step++) {
            if (step == 2000) {
                adam.setLr(0.002);   // then settle
            }
            adam.zeroGrad();
            for (double x : new double[] {-1, 0, 1, 2}) {
                l.call(leaves(x)).get(0).sub(Value.of(2 * x - 1)).pow(2).backward();
            }
            adam.step();
        }
        assertThat(l.weight(0, 0).data()).isCloseTo(2, within(1e-4));
        assertThat(l.bias(0).data()).isCloseTo(-1, within(1e-4));
    }
}
