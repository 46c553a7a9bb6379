package grad.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import grad.engine.ParameterStore;
import grad.engine.Value;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Expected values computed with PyTorch in float64. */
class NetworkTest {

    @Test
    void softmaxMatchesPyTorch() {
        List<Value> p = Softmax.softmax(List.of(Value.of(1), Value.of(2)));
        assertThat(p.get(0).data()).isCloseTo(0.2689414213699951, within(1e-15));
        assertThat(p.get(1).data()).isCloseTo(0.7310585786300049, within(1e-15));
    }

    @Test
    void softmaxOfHugeLogitsDoesNotOverflow() {
        List<Value> p = Softmax.softmax(List.of(Value.of(1000), Value.of(1001)));
        assertThat(p.get(0).data()).isCloseTo(0.2689414213699951, within(1e-15));
        List<Value> logp = Softmax.logSoftmax(List.of(Value.of(-1000), Value.of(1000)));
        assertThat(logp.get(0).data()).isEqualTo(-2000.0);
        assertThat(logp.get(1).data()).isEqualTo(0.0);
    }

    private static List<Value> leaves(double... values) {
        return java.util.Arrays.stream(values).mapToObj(Value::of).toList();
    }

    @Test
    void mseOnSoftmaxMatchesPyTorch() {
        List<Value> z = leaves(1, 2);
        Value loss = Loss.MSE_SOFTMAX.of(z, leaves(1, 0));
        loss.backward();
        assertThat(loss.data()).isCloseTo(0.534446645388523, within(1e-15));
        assertThat(z.get(0).grad()).isCloseTo(-0.2874696809144303, within(1e-15));
        assertThat(z.get(1).grad()).isCloseTo(0.2874696809144303, within(1e-15));
    }

    @Test
    void crossEntropyMatchesTheClosedForm() {
        // CE(z, c) = logsumexp(z) − z_c; dCE/dz = softmax(z) − onehot(c).
        List<Value> z = leaves(0.5, -1.0, 2.0);
        Value loss = Loss.CROSS_ENTROPY.of(z, leaves(0, 1, 0));
        loss.backward();
        double lse = Math.log(Math.exp(0.5) + Math.exp(-1.0) + Math.exp(2.0));
        assertThat(loss.data()).isCloseTo(lse + 1.0, within(1e-14));
        double[] zs = {0.5, -1.0, 2.0};
        for (int i = 0; i < 3; i++) {
            double p = Math.exp(zs[i] - lse);
            assertThat(z.get(i).grad()).isCloseTo(p - (i == 1 ? 1 : 0), within(1e-14));
        }
    }

    @Test
    void twoThreeTwoNetworkMatchesPyTorch() {
        MLP mlp = new MLP(2, new int[] {3, 2}, Activation.RELU, Activation.LINEAR);
        mlp.setParameterData(new double[] {
            .1, .2, .3, .4, .5, -.6, .01, -.02, .03,          // layers.0.weight [3][2], layers.0.bias [3]
            .7, -.8, .9, -.1, .2, -.3, .05, -.05              // layers.1.weight [2][3], layers.1.bias [2]
        });
        List<Value> out = mlp.call(leaves(1, .5));
        List<Value> probs = Softmax.softmax(out);
        Value loss = Loss.MSE_SOFTMAX.of(out, leaves(0, 1));
        loss.backward();

        assertThat(probs.get(0).data()).isCloseTo(0.515994540903, within(1e-12));
        assertThat(probs.get(1).data()).isCloseTo(0.484005459097, within(1e-12));
        assertThat(loss.data()).isCloseTo(0.26625036624139026, within(1e-15));
        assertThat(mlp.parameters().get(15).grad()).as("dL/db2[0]").isCloseTo(0.257733261495, within(1e-12));
        assertThat(mlp.parameters().get(16).grad()).as("dL/db2[1]").isCloseTo(-0.257733261495, within(1e-12));
        assertThat(mlp.store().grad()[16]).isEqualTo(mlp.parameters().get(16).grad());
        assertThat(mlp.parameterName(15)).isEqualTo("b[1][0]");
        assertThat(mlp.parameterName(3)).isEqualTo("w[0][1][1]");
        assertThat(mlp.store().groups()).extracting(ParameterStore.Group::name)
                .containsExactly("layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias");
    }

    @Test
    void networkGradientsMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(7);
        for (Activation act : new Activation[] {Activation.TANH, Activation.SIGMOID, Activation.RELU}) {
            MLP mlp = MLP.create(3, new int[] {4, 4, 3}, act, Activation.LINEAR, new Initializer.He(), rng);
            double[] x = {0.3, -1.2, 0.8};
            double[] y = {0, 0, 1};
            for (Loss lossFn : new Loss[] {Loss.MSE_SOFTMAX, Loss.CROSS_ENTROPY}) {
                for (Value p : mlp.parameters()) {
                    p.setGrad(0);
                }
                lossFn.of(mlp.call(leaves(x)), leaves(y)).backward();
                for (int i = 0; i < mlp.parameterCount(); i++) {
                    Value p = mlp.parameters().get(i);
                    double saved = p.data();
                    double h = 1e-6;
                    p.setData(saved + h);
                    double up = lossFn.of(mlp.call(leaves(x)), leaves(y)).data();
                    p.setData(saved - h);
                    double down = lossFn.of(mlp.call(leaves(x)), leaves(y)).data();
                    p.setData(saved);
                    assertThat(p.grad()).as("%s %s %s", act, lossFn, mlp.parameterName(i))
                            .isCloseTo((up - down) / (2 * h), within(1e-7));
                }
            }
        }
    }

    @Test
    void heInitDrawsWeightsAndBiasesWithTheRightSpread() {
        MLP mlp = MLP.create(50, new int[] {400}, Activation.RELU, Activation.LINEAR,
                new Initializer.He(), new SplittableRandom(1));
        double sumSq = 0;
        double biasSq = 0;
        for (Neuron n : mlp.layers().get(0).neurons()) {
            for (int i = 0; i < n.inputs(); i++) {
                sumSq += Math.pow(n.weights().get(i).data(), 2);
            }
            biasSq += Math.pow(n.bias().data(), 2);
        }
        assertThat(sumSq / (50 * 400)).isCloseTo(2.0 / 50, within(0.002));
        assertThat(biasSq / 400).as("biases too, as grad-rs").isCloseTo(2.0 / 50, within(0.01));
    }

    @Test
    void sameSeedSameNetwork() {
        MLP a = MLP.create(2, new int[] {10, 2}, Activation.RELU, Activation.LINEAR, new Initializer.He(), new SplittableRandom(3));
        MLP b = MLP.create(2, new int[] {10, 2}, Activation.RELU, Activation.LINEAR, new Initializer.He(), new SplittableRandom(3));
        assertThat(a.parameterData()).containsExactly(b.parameterData());
        assertThat(a.parameterCount()).isEqualTo(10 * 3 + 2 * 11);
    }

    @Test
    void initializersParse() {
        assertThat(Initializer.parse("he")).isInstanceOf(Initializer.He.class);
        assertThat(Initializer.parse("Xavier")).isInstanceOf(Initializer.Xavier.class);
        assertThat(Initializer.parse("uniform:0,100")).isEqualTo(new Initializer.Uniform(0, 100));
        assertThatThrownBy(() -> Initializer.parse("uniform:5,1")).hasMessageContaining("uniform:A,B");
        assertThatThrownBy(() -> Initializer.parse("gauss")).hasMessageContaining("he, xavier or uniform:A,B");
        MLP bad = MLP.create(2, new int[] {10, 2}, Activation.RELU, Activation.LINEAR,
                Initializer.parse("uniform:0,100"), new SplittableRandom(1));
        for (double w : bad.parameterData()) {
            assertThat(w).isBetween(0.0, 100.0);
        }
    }

    @Test
    void linearHiddenLayersComputeTheAffineMap() {
        MLP mlp = new MLP(2, new int[] {2, 1}, Activation.parse("linear"), Activation.LINEAR);
        // h0 = x + 2y + 0.5, h1 = -x + 3y - 2, out = 2·h0 - h1 + 1
        mlp.setParameterData(new double[] {1, 2, -1, 3, 0.5, -2, 2, -1, 1});
        double[] x = {-3, 0.5};
        assertThat(mlp.call(leaves(x)).get(0).data()).isEqualTo(-4.5);   // ReLU would give -1.5
        Predictor predictor = new Predictor(mlp);
        predictor.run(x);
        assertThat(predictor.neuronOutput(0, 0)).isEqualTo(-1.5);
        assertThat(predictor.neuronOutput(0, 1)).isEqualTo(2.5);
        assertThat(predictor.output(0)).isEqualTo(-4.5);
        assertThat(mlp.copy().call(leaves(x)).get(0).data()).isEqualTo(-4.5);
    }

    @Test
    void predictorUsesASnapshot() {
        MLP mlp = MLP.create(2, new int[] {5, 3}, Activation.TANH, Activation.LINEAR, new Initializer.He(), new SplittableRandom(9));
        Predictor before = new Predictor(mlp);
        double[] p1 = new double[3];
        before.probabilities(new double[] {0.1, 0.2}, p1);
        mlp.parameters().get(0).setData(mlp.parameters().get(0).data() + 10);
        double[] p2 = new double[3];
        before.probabilities(new double[] {0.1, 0.2}, p2);
        assertThat(p2).containsExactly(p1);
        assertThat(p1[0] + p1[1] + p1[2]).isCloseTo(1.0, within(1e-15));
        new Predictor(mlp).probabilities(new double[] {0.1, 0.2}, p2);
        assertThat(p2).isNotEqualTo(p1);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = Activation.class, names = {"RELU", "TANH", "SIGMOID"})
    void predictorMatchesValueToTheLastBit(Activation act) {
        SplittableRandom rng = new SplittableRandom(11);
        MLP mlp = MLP.create(3, new int[] {7, 5, 4}, act, Activation.LINEAR, new Initializer.He(), rng);
        Predictor predictor = new Predictor(mlp);
        double[] fast = new double[4];
        double[] fastProbs = new double[4];
        for (int trial = 0; trial < 200; trial++) {
            double[] x = {rng.nextDouble(-5, 5), rng.nextDouble(-5, 5), rng.nextDouble(-5, 5)};
            List<Value> out = mlp.call(leaves(x));
            List<Value> probs = Softmax.softmax(out);
            predictor.outputs(x, fast);
            predictor.probabilities(x, fastProbs);
            for (int i = 0; i < 4; i++) {
                assertThat(fast[i]).isEqualTo(out.get(i).data());
                assertThat(fastProbs[i]).isEqualTo(probs.get(i).data());
            }
        }
    }
}
