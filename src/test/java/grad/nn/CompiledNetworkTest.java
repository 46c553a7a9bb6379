package grad.nn;

import static org.assertj.core.api.Assertions.assertThat;

import grad.engine.Program;
import grad.engine.Replay;
import grad.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiled program of a network's loss (traced once, fused into dot and dense-layer steps, replayed)
 * computes exactly what {@link Value#backward()} computes on the network's own {@code Value} graph: the
 * same loss, the same outputs and the same gradient for every parameter, bit for bit, for random
 * architectures, every activation and every loss. No fusion here changes the order of a sum, so no
 * tolerance is needed.
 */
class CompiledNetworkTest {

    static Stream<Arguments> networks() {
        SplittableRandom rng = new SplittableRandom(2024);
        List<Arguments> cases = new ArrayList<>();
        for (int trial = 0; trial < 36; trial++) {
            int layers = 1 + rng.nextInt(4);
            int[] sizes = new int[layers];
            for (int l = 0; l < layers - 1; l++) {
                sizes[l] = 1 + rng.nextInt(32);
            }
            Loss loss = Loss.values()[trial % 3];
            sizes[layers - 1] = loss == Loss.MSE_REGRESSION ? 1 : 2 + rng.nextInt(4);
            Activation hidden = Activation.values()[(trial / 3) % 4];
            cases.add(Arguments.of(1 + rng.nextInt(5), sizes, hidden, loss, rng.nextLong()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} inputs, layers {1}, {2}, {3}")
    @MethodSource("networks")
    void theReplayEqualsValueBackwardBitForBit(int inputs, int[] sizes, Activation hidden, Loss loss, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        MLP mlp = MLP.create(inputs, sizes, hidden, Activation.LINEAR, new Initializer.He(), rng);
        Program program = mlp.trainingProgram(loss);
        Replay generated = program.newGeneratedReplay();
        Replay interpreted = program.newInterpretedReplay();
        List<Value> parameters = mlp.store().values();   // the order the program takes them in
        double[] values = parameters.stream().mapToDouble(Value::data).toArray();
        generated.setParameters(values);
        interpreted.setParameters(values);
        int outputs = mlp.outputs();
        double[] compiledGrads = new double[mlp.parameterCount()];
        for (int sample = 0; sample < 5; sample++) {
            double[] x = new double[inputs];
            for (int i = 0; i < inputs; i++) {
                x[i] = rng.nextDouble(-3, 3);
            }
            double[] y = new double[outputs];
            if (loss == Loss.MSE_REGRESSION) {
                y[0] = rng.nextDouble(-2, 2);
            } else {
                y[rng.nextInt(outputs)] = 1;
            }

            for (Value p : mlp.parameters()) {
                p.setGrad(0);
            }
            List<Value> out = mlp.call(leaves(x));
            Value l = loss.of(out, leaves(y));
            l.backward();

            for (Replay replay : List.of(generated, interpreted)) {
                replay.setInputs(x);
                replay.setTargets(y);
                replay.forward();
                replay.backward();
                replay.takeParameterGradients(compiledGrads);

                String engine = replay == generated ? "generated code" : "interpreter";
                assertThat(replay.output(0)).as("%s: loss", engine).isEqualTo(l.data());
                for (int k = 0; k < outputs; k++) {
                    assertThat(replay.output(1 + k)).as("%s: output %d", engine, k).isEqualTo(out.get(k).data());
                }
                for (int i = 0; i < compiledGrads.length; i++) {
                    assertThat(compiledGrads[i]).as("%s: d loss / d %s", engine, parameters.get(i).label())
                            .isEqualTo(parameters.get(i).grad());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} inputs, layers {1}, {2}, {3}")
    @MethodSource("networks")
    void thePredictionProgramEqualsValueForward(int inputs, int[] sizes, Activation hidden, Loss loss, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        MLP mlp = MLP.create(inputs, sizes, hidden, Activation.LINEAR, new Initializer.He(), rng);
        Predictor predictor = new Predictor(mlp);
        double[] x = new double[inputs];
        for (int i = 0; i < inputs; i++) {
            x[i] = rng.nextDouble(-3, 3);
        }
        List<Value> out = mlp.call(leaves(x));
        double[] compiled = new double[mlp.outputs()];
        predictor.outputs(x, compiled);
        for (int k = 0; k < compiled.length; k++) {
            assertThat(compiled[k]).isEqualTo(out.get(k).data());
        }
    }

    @org.junit.jupiter.api.Test
    void aNetworkCompilesToOneStepPerLayerPlusTheLoss() {
        MLP mlp = MLP.create(2, new int[] {10, 2}, Activation.RELU, Activation.LINEAR, new Initializer.He(),
                new SplittableRandom(1));
        Program program = mlp.trainingProgram(Loss.MSE_SOFTMAX);
        // two dense layers, then softmax (max, detach, 2 sub, 2 exp, add, 2 div) and MSE (2 sub, 2 pow, add, div)
        assertThat(program.stepCount()).isEqualTo(2 + 9 + 6);
        assertThat(program.listing()).contains("relu(dense 10×2", "(dense 2×10", "detach(");
        int valueNodes = 0;
        for (Value v : mlp.call(leaves(0, 0)).get(0).topologicalOrder()) {
            valueNodes += v.operands().isEmpty() ? 0 : 1;
        }
        assertThat(valueNodes).as("the Value graph of one logit: 20 + 10 products, 20 + 10 sums, 10 relus").isEqualTo(70);
    }

    private static List<Value> leaves(double... values) {
        List<Value> list = new ArrayList<>();
        for (double v : values) {
            list.add(Value.of(v));
        }
        return list;
    }
}
