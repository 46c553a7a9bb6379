package grad.engine;

import static org.assertj.core.api.Assertions.assertThat;

import grad.engine.Networks.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batch-rows pass: a small network applied to 7 rows in one loss compiles to one {@link BatchedLayer}
 * per layer, whose values and gradients equal the unbatched program's and {@link Value#backward()}'s to
 * the last bit, and central finite differences; rows that depend on each other stay apart.
 */
class BatchingTest {
    private static final int ROWS = 7;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        Op[] activations = {Op.RELU, Op.TANH, Op.SIGMOID};
        int trial = 0;
        for (Shape shape : Shape.values()) {
            if (shape == Shape.PYTHON_SUM) {
                continue;   // each row's neurons start from constants of their own: no shared bias, no batch
            }
            for (int[] sizes : List.of(new int[] {5, 3, 1}, new int[] {5, 3, 2})) {
                for (boolean inputGrads : new boolean[] {false, true}) {
                    cases.add(Arguments.of(shape, sizes, activations[trial % 3], inputGrads, trial % 4 == 3, trial));
                    trial++;
                }
            }
        }
        return cases.stream();
    }

    /**
     * @param inputGrads the rows' inputs are parameters, so that the batch sends gradients to them too
     * @param shuffled   the inputs are numbered out of row order, so that the rows lie on no grid and the
     *                   batch runs each row's own layer
     */
    @ParameterizedTest(name = "{0}, sizes {1}, {2}, input gradients {3}, shuffled {4}")
    @MethodSource("cases")
    void aBatchEqualsTheUnbatchedProgramAndFiniteDifferences(Shape shape, int[] sizes, Op activation,
                                                             boolean inputGrads, boolean shuffled, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Networks net = new Networks(shape, sizes, activation, rng);
        List<Value> x = Networks.leaves(new double[ROWS * sizes[0]]);
        List<Value> t = Networks.leaves(new double[ROWS * sizes[2]]);
        List<Value> order = new ArrayList<>(x);
        if (shuffled) {
            java.util.Collections.reverse(order);
        }
        List<Value> parameters = new ArrayList<>(net.parameters);
        if (inputGrads) {
            parameters.addAll(order);
        }
        List<Value> inputs = inputGrads ? List.of() : order;
        Map<String, List<Value>> outputs = new LinkedHashMap<>();
        outputs.put("loss", List.of(loss(net, x, t)));
        Program batched = Compiler.compile(outputs, parameters, inputs, t, true);
        Program unbatched = Compiler.compile(outputs, parameters, inputs, t, false);
        List<BatchedLayer> batches = batches(batched);
        assertThat(batches).as(batched.listing()).hasSize(2);
        for (BatchedLayer b : batches) {
            assertThat(b.rows).hasSize(ROWS);
            assertThat(b.strided).as("strided").isEqualTo(!shuffled || b != batches.get(0));
        }
        assertThat(batches(unbatched)).isEmpty();

        double[] xs = random(rng, x.size());
        double[] ts = random(rng, t.size());
        double[] p = parameterValues(net, values(order, x, xs), inputGrads);
        double[] in = inputGrads ? new double[0] : values(order, x, xs);
        Value expected = loss(net, xsAsLeaves(net, x, order, xs, inputGrads, parameters), Networks.leaves(ts));
        expected.backward();
        double[] reference = run(unbatched.newInterpretedReplay(), p, in, ts);
        for (Replay replay : List.of(batched.newGeneratedReplay(), batched.newInterpretedReplay())) {
            double[] got = run(replay, p, in, ts);
            assertThat(got).as("loss, then every gradient, as the unbatched program's").containsExactly(reference);
            assertThat(got[0]).isEqualTo(expected.data());
            for (int i = 0; i < p.length; i++) {
                assertThat(got[1 + i]).as("gradient %d as Value.backward()'s", i).isEqualTo(parameters.get(i).grad());
            }
        }
        assertFiniteDifferences(batched.newInterpretedReplay(), p, in, ts, reference);
    }

    /** The mean over the rows of the squared error of each output. */
    private static Value loss(Networks net, List<Value> x, List<Value> t) {
        int n = net.sizes[0];
        int k = net.sizes[net.sizes.length - 1];
        List<Value> squares = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            List<Value> out = net.call(x.subList(r * n, (r + 1) * n));
            for (int j = 0; j < k; j++) {
                squares.add(out.get(j).sub(t.get(r * k + j)).pow(2));
            }
        }
        return Value.sum(squares).div(squares.size());
    }

    /** Fresh leaves for the rows' inputs; when they are parameters, the parameters' list takes them. */
    private static List<Value> xsAsLeaves(Networks net, List<Value> x, List<Value> order, double[] xs,
                                          boolean inputGrads, List<Value> parameters) {
        List<Value> leaves = Networks.leaves(xs);
        for (Value v : net.parameters) {
            v.setGrad(0);
        }
        if (inputGrads) {
            for (int i = 0; i < order.size(); i++) {
                parameters.set(net.parameters.size() + i, leaves.get(x.indexOf(order.get(i))));
            }
        }
        return leaves;
    }

    /** The network's parameters, then (when they are parameters) the inputs in the compiled order. */
    private static double[] parameterValues(Networks net, double[] inputs, boolean inputGrads) {
        double[] w = net.parameters.stream().mapToDouble(Value::data).toArray();
        if (!inputGrads) {
            return w;
        }
        double[] p = Arrays.copyOf(w, w.length + inputs.length);
        System.arraycopy(inputs, 0, p, w.length, inputs.length);
        return p;
    }

    /** The values of {@code order}'s leaves, {@code xs} being those of {@code x}'s in x's order. */
    private static double[] values(List<Value> order, List<Value> x, double[] xs) {
        double[] out = new double[order.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = xs[x.indexOf(order.get(i))];
        }
        return out;
    }

    /** The loss, then the parameters' gradients. */
    private static double[] run(Replay replay, double[] p, double[] in, double[] ts) {
        replay.setParameters(p);
        replay.setInputs(in);
        replay.setTargets(ts);
        replay.forward();
        replay.backward();
        double[] grads = new double[p.length];
        replay.takeParameterGradients(grads);
        double[] out = new double[1 + p.length];
        out[0] = replay.output(0);
        System.arraycopy(grads, 0, out, 1, p.length);
        return out;
    }

    private static void assertFiniteDifferences(Replay replay, double[] p, double[] in, double[] ts, double[] got) {
        double h = 1e-6;
        for (int i = 0; i < p.length; i++) {
            double[] q = p.clone();
            q[i] = p[i] + h;
            double up = run(replay, q, in, ts)[0];
            q[i] = p[i] - h;
            double down = run(replay, q, in, ts)[0];
            double numeric = (up - down) / (2 * h);
            assertThat(Math.abs(got[1 + i] - numeric)).as("gradient %d: %s vs finite difference %s", i, got[1 + i], numeric)
                    .isLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
        }
    }

    @Test
    void rowsThatReadEachOthersOutputsAreNotBatched() {
        SplittableRandom rng = new SplittableRandom(5);
        List<Value> w = Networks.leaves(rng.nextDouble(-1, 1), rng.nextDouble(-1, 1), rng.nextDouble(-1, 1));
        List<Value> x = Networks.leaves(new double[ROWS]);
        Value loss = recurrent(w, x);
        Program program = Compiler.compile(List.of(loss), w, x, List.of());
        assertThat(batches(program)).as(program.listing()).isEmpty();
        assertThat(Arrays.stream(program.kernel).filter(s -> s instanceof DenseLayer)).as(program.listing()).hasSize(ROWS);
        double[] xs = random(rng, ROWS);
        Value expected = recurrent(w, Networks.leaves(xs));
        expected.backward();
        double[] got = run(program.newGeneratedReplay(), w.stream().mapToDouble(Value::data).toArray(), xs, new double[0]);
        assertThat(got[0]).isEqualTo(expected.data());
        for (int i = 0; i < w.size(); i++) {
            assertThat(got[1 + i]).isEqualTo(w.get(i).grad());
        }
    }

    /**
     * {@code h_r = tanh(w1·h_{r-1} + w0·x_r + w2)}: each row a layer of one neuron with the same weights,
     * reading the row before's output; the loss is the last h.
     */
    private static Value recurrent(List<Value> w, List<Value> x) {
        Value h = Value.of(0.5);
        for (Value xr : x) {
            h = w.get(1).mul(h).add(w.get(0).mul(xr)).add(w.get(2)).tanh();
        }
        return h;
    }

    private static List<BatchedLayer> batches(Program program) {
        return Arrays.stream(program.kernel).filter(s -> s instanceof BatchedLayer).map(s -> (BatchedLayer) s).toList();
    }

    private static double[] random(SplittableRandom rng, int n) {
        return rng.doubles(n, -2, 2).toArray();
    }

    @Test
    void manyRowsOfOneScalarOpAndARunOfAdditionsBecomeOneStepEach() {
        SplittableRandom rng = new SplittableRandom(9);
        int rows = Batching.SCALAR_ROWS + 3;
        Value w = Value.of(0.7);
        List<Value> x = Networks.leaves(new double[rows]);
        List<Value> t = Networks.leaves(new double[rows]);
        Map<String, List<Value>> outputs = Map.of("loss", List.of(elementwise(w, x, t)));
        Program batched = Compiler.compile(outputs, List.of(w), x, t, true);
        Program unbatched = Compiler.compile(outputs, List.of(w), x, t, false);
        // w·x, tanh, − t and ² over the rows, and the sum's run of additions
        assertThat(Arrays.stream(batched.kernel).filter(s -> s instanceof BatchedScalar)).as(batched.listing()).hasSize(5);
        double[] xs = random(rng, rows);
        double[] ts = random(rng, rows);
        w.setGrad(0);
        Value expected = elementwise(w, Networks.leaves(xs), Networks.leaves(ts));
        expected.backward();
        double[] p = {w.data()};
        double[] reference = run(unbatched.newInterpretedReplay(), p, xs, ts);
        for (Replay replay : List.of(batched.newGeneratedReplay(), batched.newInterpretedReplay())) {
            double[] got = run(replay, p, xs, ts);
            assertThat(got).containsExactly(reference);
            assertThat(got).containsExactly(expected.data(), w.grad());
        }
        assertFiniteDifferences(batched.newInterpretedReplay(), p, xs, ts, reference);
    }

    /** {@code Σ (tanh(w·x_r) − t_r)²}: four scalar ops per row, the first three reading w. */
    private static Value elementwise(Value w, List<Value> x, List<Value> t) {
        List<Value> squares = new ArrayList<>();
        for (int r = 0; r < x.size(); r++) {
            squares.add(w.mul(x.get(r)).tanh().sub(t.get(r)).pow(2));
        }
        return Value.sum(squares);
    }

    @Test
    void neuronsSharingTheirWeightsAndBiasStillGetTheUnbatchedGradients() {
        SplittableRandom rng = new SplittableRandom(11);
        List<Value> p = Networks.leaves(rng.doubles(6, -1, 1).toArray());   // w0..w2, b, c0, c1
        List<Value> x = Networks.leaves(new double[ROWS * 3]);
        Map<String, List<Value>> outputs = Map.of("loss", List.of(shared(p, x)));
        Program batched = Compiler.compile(outputs, p, x, List.of(), true);
        Program unbatched = Compiler.compile(outputs, p, x, List.of(), false);
        assertThat(batches(batched)).as(batched.listing()).isNotEmpty();
        assertThat(batches(batched).get(0).strided).as("a row reads its weights twice: not strided").isFalse();
        double[] xs = random(rng, x.size());
        for (Value v : p) {
            v.setGrad(0);
        }
        Value expected = shared(p, Networks.leaves(xs));
        expected.backward();
        double[] values = p.stream().mapToDouble(Value::data).toArray();
        double[] reference = run(unbatched.newInterpretedReplay(), values, xs, new double[0]);
        for (Replay replay : List.of(batched.newGeneratedReplay(), batched.newInterpretedReplay())) {
            double[] got = run(replay, values, xs, new double[0]);
            assertThat(got).containsExactly(reference);
            assertThat(got[0]).isEqualTo(expected.data());
            for (int i = 0; i < p.size(); i++) {
                assertThat(got[1 + i]).isEqualTo(p.get(i).grad());
            }
        }
    }

    /** Per row, two tanh neurons with the same weights and bias, {@code (c0·h0 + c1·h1)²}, summed. */
    private static Value shared(List<Value> p, List<Value> x) {
        List<Value> squares = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            Value[] h = new Value[2];
            for (int j = 0; j < 2; j++) {
                Value z = p.get(0).mul(x.get(3 * r));
                for (int i = 1; i < 3; i++) {
                    z = z.add(p.get(i).mul(x.get(3 * r + i)));
                }
                h[j] = z.add(p.get(3)).tanh();
            }
            squares.add(p.get(4).mul(h[0]).add(p.get(5).mul(h[1])).pow(2));
        }
        return Value.sum(squares);
    }
}
