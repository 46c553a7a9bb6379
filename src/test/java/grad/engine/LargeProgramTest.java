package grad.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Programs of any size get generated code, cut into methods small enough for the JIT, and it computes
 * what the interpreter and {@link Value#backward()} compute, to the last bit.
 */
class LargeProgramTest {

    @Test
    void aTwentySevenClassCrossEntropyNetworkRunsGenerated() {
        SplittableRandom rng = new SplittableRandom(27);
        Networks net = new Networks(Networks.Shape.LINEAR, new int[] {10, 16, 27}, Op.TANH, rng);
        List<Value> x = Networks.leaves(new double[10]);
        List<Value> t = Networks.leaves(new double[27]);
        Program program = Compiler.compile(List.of(Networks.crossEntropy(net.call(x), t)), net.parameters, x, t);
        assertThat(program.hasGeneratedCode()).isTrue();
        assertThat(chunks(program, "backward")).as("backward cut into methods").isGreaterThan(1);
        double[] xs = rng.doubles(10, -2, 2).toArray();
        double[] ts = new double[27];
        ts[rng.nextInt(27)] = 1;
        Value loss = Networks.crossEntropy(net.call(Networks.leaves(xs)), Networks.leaves(ts));
        loss.backward();
        assertReplaysEqual(program, FusionTest.data(net.parameters), xs, ts, loss, net.parameters);
    }

    @ParameterizedTest(name = "{0} nodes")
    @ValueSource(ints = {3000, 25000})
    void aRandomGraphOfThousandsOfStepsRunsGenerated(int nodes) {
        List<Value> parameters = Networks.leaves(new SplittableRandom(nodes).doubles(24, -1, 1).toArray());
        List<Value> inputs = Networks.leaves(new double[6]);
        List<Value> leaves = new ArrayList<>(parameters);
        leaves.addAll(inputs);
        Program program = Compiler.compile(List.of(randomGraph(leaves, nodes, 99)), parameters, inputs, List.of());
        assertThat(program.stepCount()).isGreaterThan(nodes / 3);
        assertThat(program.hasGeneratedCode()).isTrue();
        assertThat(chunks(program, "forward")).isGreaterThan(1);
        if (nodes > 20000) {
            assertThat(methods(program)).as("more than %d chunks are called through methods that call them",
                    Bytecode.CALLS).anyMatch(m -> m.startsWith("backward$0$"));
        }
        double[] xs = new SplittableRandom(7).doubles(6, -2, 2).toArray();
        List<Value> fresh = new ArrayList<>();
        for (Value p : parameters) {
            fresh.add(Value.of(p.data()));
        }
        fresh.addAll(Networks.leaves(xs));
        Value root = randomGraph(fresh, nodes, 99);
        root.backward();
        assertThat(root.data()).as("a graph whose values stay finite").isFinite();
        assertReplaysEqual(program, FusionTest.data(parameters), xs, new double[0], root, fresh.subList(0, parameters.size()));
    }

    /**
     * A random graph over {@code leaves}: every op, neurons written in every way (bias first, last or none,
     * operands either way), each node reading recent nodes mostly, so that slots are read many times.
     */
    static Value randomGraph(List<Value> leaves, int nodes, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Value> pool = new ArrayList<>(leaves);
        for (int i = 0; i < nodes; i++) {
            Value a = pick(pool, rng);
            Value b = pick(pool, rng);
            pool.add(switch (rng.nextInt(16)) {
                case 0 -> a.add(b);
                case 1 -> a.sub(b).tanh();
                case 2 -> a.mul(b).tanh();
                case 3 -> a.tanh();
                case 4 -> a.sigmoid();
                case 5 -> a.relu().tanh();
                case 6 -> a.max(b);
                case 7 -> a.tanh().exp();
                case 8 -> a.sigmoid().add(0.5).log();
                case 9 -> a.div(b.sigmoid().add(1));
                case 10 -> a.tanh().pow(2);
                case 11 -> a.detach().mul(b).tanh();
                case 12 -> a.neg();
                default -> neuron(pool, rng);
            });
        }
        List<Value> tail = new ArrayList<>();
        for (int i = leaves.size(); i < pool.size(); i += 5) {
            tail.add(pool.get(i));
        }
        return Value.sum(tail).div(tail.size());
    }

    private static Value neuron(List<Value> pool, SplittableRandom rng) {
        int n = 1 + rng.nextInt(5);
        int bias = rng.nextInt(3);
        Value sum = bias == 0 ? pick(pool, rng) : null;
        for (int i = 0; i < n; i++) {
            Value w = pick(pool, rng);
            Value x = pick(pool, rng);
            Value product = rng.nextBoolean() ? w.mul(x) : x.mul(w);
            sum = sum == null ? product : sum.add(product);
        }
        return (bias == 1 ? sum.add(pick(pool, rng)) : sum).tanh();
    }

    private static Value pick(List<Value> pool, SplittableRandom rng) {
        return rng.nextInt(4) == 0 ? pool.get(rng.nextInt(pool.size()))
                : pool.get(pool.size() - 1 - rng.nextInt(Math.min(12, pool.size())));
    }

    private static void assertReplaysEqual(Program program, double[] p, double[] x, double[] t, Value root, List<Value> parameters) {
        for (Replay replay : List.of(program.newGeneratedReplay(), program.newInterpretedReplay())) {
            replay.setParameters(p);
            replay.setInputs(x);
            replay.setTargets(t);
            replay.forward();
            replay.backward();
            double[] grads = new double[p.length];
            replay.takeParameterGradients(grads);
            assertThat(replay.output(0)).isEqualTo(root.data());
            double[] expected = parameters.stream().mapToDouble(Value::grad).toArray();
            assertThat(Arrays.stream(expected).filter(g -> g != 0)).as("gradients flow").isNotEmpty();
            assertThat(grads).containsExactly(expected);
        }
    }

    private static List<String> methods(Program program) {
        return Arrays.stream(program.generatedCode().getClass().getDeclaredMethods()).map(Method::getName).toList();
    }

    private static long chunks(Program program, String name) {
        return methods(program).stream().filter(m -> m.matches(name + "\\d+")).count();
    }
}
