package grad.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grad.engine.Value;
import grad.nn.Activation;
import grad.nn.Initializer;
import grad.nn.MLP;
import grad.nn.Neuron;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** micrograd's README example and rustygrad's Neuron and MLP examples, in Java. */
class MicrogradExamplesTest {

    @Test
    void microgradsExample() {
        Value a = Value.of(-4.0);
        Value b = Value.of(2.0);
        Value c = a.add(b);
        Value d = a.mul(b).add(b.pow(3));
        c = c.add(c.add(1));
        c = c.add(Value.of(1).add(c).add(a.neg()));
        d = d.add(d.mul(2).add(b.add(a).relu()));
        d = d.add(Value.of(3).mul(d).add(b.sub(a).relu()));
        Value e = c.sub(d);
        Value f = e.pow(2);
        Value g = f.div(2.0);
        g = g.add(Value.of(10.0).div(f));
        g.backward();
        // micrograd's README: 24.7041, dg/da = 138.8338, dg/db = 645.5773
        assertThat(g.data()).isCloseTo(24.7041, within(5e-5));
        assertThat(a.grad()).isCloseTo(138.8338, within(5e-5));
        assertThat(b.grad()).isCloseTo(645.5773, within(5e-5));
    }

    /** rustygrad's Neuron::new(2, true): one weight, a bias, ReLU; forward on 7.0. */
    @Test
    void rustygradsNeuron() {
        MLP single = MLP.create(1, new int[] {1}, Activation.RELU, Activation.RELU,
                new Initializer.Uniform(-1, 1), new SplittableRandom(1));
        Neuron neuron = single.layers().get(0).neurons().get(0);
        Value x = Value.of(7.0);
        Value g = single.call(List.of(x)).get(0);
        double w = neuron.weights().get(0).data(), bias = neuron.bias().data();
        assertThat(w * 7 + bias).as("this seed's neuron is active").isPositive();
        assertThat(g.data()).isEqualTo(w * 7 + bias);
        g.backward();
        assertThat(x.grad()).isEqualTo(w);
        assertThat(neuron.weights().get(0).grad()).isEqualTo(7);
    }

    /** rustygrad's MLP::new(2, vec![2, 1]) on [7, 8]: a ReLU hidden layer of 2, a linear output. */
    @Test
    void rustygradsMlp() {
        MLP model = MLP.create(2, new int[] {2, 1}, Activation.RELU, Activation.LINEAR,
                new Initializer.Uniform(-1, 1), new SplittableRandom(1));
        Value x0 = Value.of(7.0), x1 = Value.of(8.0);
        Value g = model.call(List.of(x0, x1)).get(0);
        double[] p = model.parameterData();   // as PyTorch's state dict: W0 [2, 2], b0 [2], W1 [1, 2], b1 [1]
        double h0 = Math.max(0, p[0] * 7 + p[1] * 8 + p[4]);
        double h1 = Math.max(0, p[2] * 7 + p[3] * 8 + p[5]);
        assertThat(g.data()).isCloseTo(p[6] * h0 + p[7] * h1 + p[8], within(1e-12));
        g.backward();
        assertThat(h0 + h1).as("this seed's hidden layer is not dead").isPositive();
        double dx0 = (h0 > 0 ? p[6] * p[0] : 0) + (h1 > 0 ? p[7] * p[2] : 0);
        assertThat(x0.grad()).isCloseTo(dx0, within(1e-12));
    }
}
