package grad.engine;

import static org.assertj.core.api.Assertions.assertThat;

import grad.engine.Networks.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiler normalises before it fuses: however a dense layer is written (bias first, last or absent,
 * {@code w·x} or {@code x·w}, weights {@code [out][in]} or {@code [in][out]}) it compiles to one dense
 * step that indexes its slots directly, and the replay, interpreted and generated, equals
 * {@link Value#backward()} to the last bit. Where fusing would change the order of gradient contributions
 * to a slot, it does not happen.
 */
class FusionTest {

    static Stream<Arguments> networks() {
        SplittableRandom rng = new SplittableRandom(26);
        List<Arguments> cases = new ArrayList<>();
        Op[] activations = {Op.RELU, Op.TANH, Op.SIGMOID};
        for (Shape shape : Shape.values()) {
            for (int trial = 0; trial < 6; trial++) {
                int layers = 1 + rng.nextInt(3);
                int[] sizes = new int[layers + 1];
                for (int l = 0; l < layers; l++) {
                    sizes[l] = 1 + rng.nextInt(6);
                }
                sizes[layers] = 1 + rng.nextInt(4);
                cases.add(Arguments.of(shape, sizes, activations[trial % 3], trial % 2 == 0, rng.nextLong()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, sizes {1}, {2}, cross-entropy {3}")
    @MethodSource("networks")
    void everyShapeReplaysValueBackwardBitForBit(Shape shape, int[] sizes, Op activation, boolean crossEntropy, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Networks net = new Networks(shape, sizes, activation, rng);
        int inputs = sizes[0];
        int outputs = sizes[sizes.length - 1];
        List<Value> x = Networks.leaves(new double[inputs]);
        List<Value> t = Networks.leaves(new double[outputs]);
        List<Value> roots = new ArrayList<>();
        roots.add(loss(net, x, t, crossEntropy));
        roots.addAll(net.call(x));
        Program program = Compiler.compile(roots, net.parameters, x, t);
        assertThat(program.hasGeneratedCode()).isTrue();
        Replay generated = program.newGeneratedReplay();
        Replay interpreted = program.newInterpretedReplay();
        double[] p = data(net.parameters);
        for (int sample = 0; sample < 4; sample++) {
            double[] xs = new double[inputs];
            for (int i = 0; i < inputs; i++) {
                xs[i] = rng.nextDouble(-2, 2);
            }
            double[] ts = new double[outputs];
            ts[rng.nextInt(outputs)] = 1;
            for (Value v : net.parameters) {
                v.setGrad(0);
            }
            List<Value> out = net.call(Networks.leaves(xs));
            Value loss = crossEntropy ? Networks.crossEntropy(out, Networks.leaves(ts)) : mse(out, Networks.leaves(ts));
            loss.backward();
            for (Replay replay : List.of(generated, interpreted)) {
                String engine = replay == generated ? "generated code" : "interpreter";
                replay.setParameters(p);
                replay.setInputs(xs);
                replay.setTargets(ts);
                replay.forward();
                replay.backward();
                double[] grads = new double[p.length];
                replay.takeParameterGradients(grads);
                assertThat(replay.output(0)).as("%s: loss", engine).isEqualTo(loss.data());
                for (int k = 0; k < outputs; k++) {
                    assertThat(replay.output(1 + k)).as("%s: output %d", engine, k).isEqualTo(out.get(k).data());
                }
                for (int i = 0; i < grads.length; i++) {
                    assertThat(grads[i]).as("%s: gradient %d", engine, i).isEqualTo(net.parameters.get(i).grad());
                }
            }
        }
    }

    static Stream<Arguments> shapes() {
        List<Arguments> cases = new ArrayList<>();
        for (Shape shape : Shape.values()) {
            cases.add(Arguments.of(shape, new int[] {2, 10, 2}));
            cases.add(Arguments.of(shape, new int[] {3, 4, 5, 3}));
            // without a bias, a neuron of one input is one multiplication, no dot
            boolean bias = shape != Shape.NO_BIAS && shape != Shape.MIXED;
            cases.add(Arguments.of(shape, bias ? new int[] {5, 1, 2} : new int[] {5, 3, 2}));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, sizes {1}")
    @MethodSource("shapes")
    void everyShapeCompilesToOneStridedDenseStepPerLayer(Shape shape, int[] sizes) {
        Program program = program(new Networks(shape, sizes, Op.TANH, new SplittableRandom(3)));
        Program grads = program(new Networks(Shape.GRAD, sizes, Op.TANH, new SplittableRandom(3)));
        List<DenseLayer> layers = layers(program);
        assertThat(layers).as(program.listing()).hasSize(sizes.length - 1);
        for (int l = 0; l < layers.size(); l++) {
            assertThat(layers.get(l).n).isEqualTo(sizes[l]);
            assertThat(layers.get(l).k).isEqualTo(sizes[l + 1]);
            assertThat(layers.get(l).strided).as("layer %d indexes its slots directly", l).isTrue();
        }
        assertThat(program.stepCount()).as(program.listing()).isEqualTo(grads.stepCount());
        String bias = switch (shape) {
            case BIAS_FIRST, PYTHON_SUM -> "b + W·[";
            case NO_BIAS, DOT_NO_BIAS -> "dense 10×2: W·[x0, x1])";
            default -> "W·[x0, x1] + b";
        };
        if (shape != Shape.MIXED && sizes[0] == 2) {
            assertThat(program.listing()).contains(bias);
        }
    }

    @Test
    void aSlotReadTwiceByOneNeuronKeepsItsDotOutOfLayers() {
        Value w0 = Value.of(0.5), w1 = Value.of(-1.5), w2 = Value.of(2.0), b0 = Value.of(0.25), b1 = Value.of(0.75);
        Value x0 = Value.of(0), x1 = Value.of(0);
        Value n0 = w0.mul(x0).add(w1.mul(x0)).add(b0);   // x0 read twice
        Value n1 = w2.mul(x0).add(w1.mul(x1)).add(b1);
        Value loss = n0.tanh().mul(n1.tanh()).add(n0.mul(n1));
        Program program = Compiler.compile(List.of(loss), List.of(w0, w1, w2, b0, b1), List.of(x0, x1), List.of());
        assertThat(layers(program)).as(program.listing()).hasSize(1);
        assertThat(program.listing()).contains("dot(p0, p1 · x0, x0) + p3");
        assertEqualsValueBackward(program, new double[] {1.25, -0.5}, List.of(w0, w1, w2, b0, b1), v -> {
            Value y0 = v.get(5), y1 = v.get(6);
            Value m0 = v.get(0).mul(y0).add(v.get(1).mul(y0)).add(v.get(3));
            Value m1 = v.get(2).mul(y0).add(v.get(1).mul(y1)).add(v.get(4));
            return m0.tanh().mul(m1.tanh()).add(m0.mul(m1));
        });
    }

    @Test
    void aStepBetweenTwoNeuronsThatReadsTheirInputKeepsThemApart() {
        List<Value> p = Networks.leaves(0.3, -0.7, 0.2, 0.9, -0.4, 0.6, 1.1);
        Value x0 = Value.of(0), x1 = Value.of(0);
        Value loss = twoNeuronsApart(p, x0, x1);
        Program program = Compiler.compile(List.of(loss), p, List.of(x0, x1), List.of());
        List<DenseLayer> layers = layers(program);
        assertThat(layers).as(program.listing()).hasSize(2);
        assertThat(layers.get(0).k).isEqualTo(1);
        assertThat(layers.get(1).k).isEqualTo(1);
        assertEqualsValueBackward(program, new double[] {0.8, -1.3}, p,
                v -> twoNeuronsApart(v.subList(0, 7), v.get(7), v.get(8)));
    }

    /**
     * Two neurons over the same inputs h = tanh(p·x), with a step between them that reads h0: the loss adds
     * neuron 0, then h0·p6, then neuron 1, so h0 receives gradients from neuron 1, the step, neuron 0.
     */
    private static Value twoNeuronsApart(List<Value> p, Value x0, Value x1) {
        Value h0 = p.get(0).mul(x0).tanh();
        Value h1 = p.get(1).mul(x1).tanh();
        Value n0 = p.get(2).mul(h0).add(p.get(3).mul(h1)).add(p.get(6));
        Value n1 = p.get(4).mul(h0).add(p.get(5).mul(h1)).add(p.get(6));
        return n0.add(h0.mul(p.get(6))).add(n1);
    }

    @Test
    void aChainInterleavedWithAStepReadingItsSlotIsNotFused() {
        Value w0 = Value.of(0.5), w1 = Value.of(-1.5), x0 = Value.of(0);
        Value loss = interleaved(w0, w1, x0);
        Program program = Compiler.compile(List.of(loss), List.of(w0, w1), List.of(x0), List.of());
        assertThat(program.listing()).as("no dot: exp(x0) lies inside the chain w0·x0 + w1·exp(x0)")
                .contains("s0 = p0 * x0", "s1 = exp(x0)", "s2 = p1 * s1", "s3 = s0 + s2").doesNotContain("dense");
        assertEqualsValueBackward(program, new double[] {0.7}, List.of(w0, w1), v -> interleaved(v.get(0), v.get(1), v.get(2)));
    }

    /** {@code w0·x0 + w1·exp(x0) + 3·x0}: x0 gets three contributions, exp(x0)'s between the chain's two. */
    private static Value interleaved(Value w0, Value w1, Value x0) {
        return w0.mul(x0).add(w1.mul(x0.exp())).tanh().add(x0.mul(3));
    }

    @Test
    void theBiasOfMicrogradsNeuronComesFirstInItsSum() {
        // -0.0 + 0.0 is 0.0 but 0.0 + -0.0 is too; what tells the orders apart is rounding: (b + big) - big
        Value w0 = Value.of(1e16), w1 = Value.of(-1e16), b = Value.of(1.0), x0 = Value.of(0), x1 = Value.of(0);
        Value first = b.add(w0.mul(x0)).add(w1.mul(x1));
        Program program = Compiler.compile(List.of(first), List.of(w0, w1, b), List.of(x0, x1), List.of());
        Replay replay = program.newGeneratedReplay();
        replay.setParameters(new double[] {1e16, -1e16, 1.0});
        replay.setInputs(new double[] {1, 1});
        replay.forward();
        assertThat(replay.output(0)).as("(1 + 1e16) - 1e16 rounds to 0").isEqualTo(0.0).isEqualTo(
                Value.of(1.0).add(Value.of(1e16).mul(Value.of(1))).add(Value.of(-1e16).mul(Value.of(1))).data());
        assertThat(program.listing()).contains("(dense 1×2: b + W·[x0, x1])");
    }

    private interface Graph {
        Value of(List<Value> parametersThenInputs);
    }

    /** Runs the program interpreted and generated on {@code inputs} and compares them with {@code graph}'s Value.backward(). */
    private static void assertEqualsValueBackward(Program program, double[] inputs, List<Value> parameters, Graph graph) {
        List<Value> leaves = new ArrayList<>();
        for (Value p : parameters) {
            leaves.add(Value.of(p.data()));
        }
        leaves.addAll(Networks.leaves(inputs));
        Value loss = graph.of(leaves);
        loss.backward();
        for (Replay replay : List.of(program.newGeneratedReplay(), program.newInterpretedReplay())) {
            replay.setParameters(data(parameters));
            replay.setInputs(inputs);
            replay.forward();
            replay.backward();
            double[] grads = new double[parameters.size()];
            replay.takeParameterGradients(grads);
            assertThat(replay.output(0)).isEqualTo(loss.data());
            for (int i = 0; i < grads.length; i++) {
                assertThat(grads[i]).as("gradient %d", i).isEqualTo(leaves.get(i).grad());
            }
        }
    }

    private static Program program(Networks net) {
        List<Value> x = Networks.leaves(new double[net.sizes[0]]);
        List<Value> t = Networks.leaves(new double[net.sizes[net.sizes.length - 1]]);
        return Compiler.compile(List.of(loss(net, x, t, true)), net.parameters, x, t);
    }

    private static Value loss(Networks net, List<Value> x, List<Value> t, boolean crossEntropy) {
        List<Value> out = net.call(x);
        return crossEntropy ? Networks.crossEntropy(out, t) : mse(out, t);
    }

    private static Value mse(List<Value> out, List<Value> t) {
        List<Value> squares = new ArrayList<>();
        for (int k = 0; k < out.size(); k++) {
            squares.add(out.get(k).sub(t.get(k)).pow(2));
        }
        return Value.sum(squares).div(out.size());
    }

    static List<DenseLayer> layers(Program program) {
        List<DenseLayer> layers = new ArrayList<>();
        for (Object kernel : program.kernel) {
            if (kernel instanceof DenseLayer layer) {
                layers.add(layer);
            }
        }
        return layers;
    }

    static double[] data(List<Value> values) {
        double[] d = new double[values.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = values.get(i).data();
        }
        return d;
    }
}
