package grad.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Token ids are inputs of a program, read through {@link Value#pick}: a sequence model gets one program
 * per sequence length ({@link Programs}), and every sequence of that length runs on it with the results,
 * to the last bit, of tracing that sequence's own graph and calling {@link Value#backward()}.
 */
class SequenceTest {
    static final int VOCABULARY = 7;
    static final int EMBEDDING = 3;

    /**
     * A small language model: each token's embedding row picked by its id, the rows of a sequence
     * side by side into a network written in {@code shape}'s words, cross-entropy against the next id
     * picked from the logits by that id.
     */
    static final class Model {
        final List<Value> table = new ArrayList<>();   // [VOCABULARY][EMBEDDING], row-major
        final Networks net;
        final List<Value> parameters = new ArrayList<>();

        Model(Networks.Shape shape, int length, SplittableRandom rng) {
            for (int i = 0; i < VOCABULARY * EMBEDDING; i++) {
                table.add(Value.of(rng.nextDouble(-1, 1)));
            }
            net = new Networks(shape, new int[] {length * EMBEDDING, 5, VOCABULARY}, Op.TANH, rng);
            parameters.addAll(table);
            parameters.addAll(net.parameters);
        }

        /** The loss of predicting {@code next} after {@code ids}, the ids being Values (leaves). */
        Value loss(List<Value> ids, Value next) {
            List<Value> features = new ArrayList<>();
            for (Value id : ids) {
                for (int e = 0; e < EMBEDDING; e++) {
                    List<Value> column = new ArrayList<>();
                    for (int v = 0; v < VOCABULARY; v++) {
                        column.add(table.get(v * EMBEDDING + e));
                    }
                    features.add(Value.pick(id, column));
                }
            }
            List<Value> logits = net.call(features);
            Value max = logits.get(0);
            for (Value l : logits) {
                max = max.max(l);
            }
            max = max.detach();
            List<Value> exps = new ArrayList<>();
            for (Value l : logits) {
                exps.add(l.sub(max).exp());
            }
            return Value.sum(exps).log().add(max).sub(Value.pick(next, logits));
        }
    }

    static Stream<Arguments> shapes() {
        return Stream.of(Networks.Shape.values()).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void sequencesOfOneLengthShareAProgramAndEqualTheirOwnGraphs(Networks.Shape shape) {
        SplittableRandom rng = new SplittableRandom(shape.ordinal() + 40);
        Model[] models = new Model[5];
        Programs<Integer> programs = new Programs<>(length -> {
            List<Value> ids = Networks.leaves(new double[length]);
            Value next = Value.of(0);
            List<Value> inputs = new ArrayList<>(ids);
            inputs.add(next);
            return Compiler.compile(List.of(models[length].loss(ids, next)), models[length].parameters, inputs, List.of());
        });
        for (int length = 1; length <= 4; length++) {
            models[length] = new Model(shape, length, rng);
        }
        int runs = 0;
        for (int sequence = 0; sequence < 12; sequence++) {
            int length = 1 + sequence % 4;
            double[] ids = new double[length + 1];   // the sequence, then the next id
            for (int i = 0; i < ids.length; i++) {
                ids[i] = rng.nextInt(VOCABULARY);
            }
            Program program = programs.get(length);
            assertThat(programs.get(length)).isSameAs(program);
            Model model = models[length];
            for (Value p : model.parameters) {
                p.setGrad(0);
            }
            List<Value> idLeaves = Networks.leaves(ids);
            Value loss = model.loss(idLeaves.subList(0, length), idLeaves.get(length));
            loss.backward();
            for (Replay replay : List.of(program.newGeneratedReplay(), program.newInterpretedReplay())) {
                replay.setParameters(FusionTest.data(model.parameters));
                replay.setInputs(ids);
                replay.forward();
                replay.backward();
                double[] grads = new double[model.parameters.size()];
                replay.takeParameterGradients(grads);
                assertThat(replay.output(0)).isEqualTo(loss.data());
                assertThat(grads).containsExactly(model.parameters.stream().mapToDouble(Value::grad).toArray());
                runs++;
            }
        }
        assertThat(programs.size()).as("one program per length").isEqualTo(4);
        assertThat(runs).isEqualTo(24);
    }

    @Test
    void aPickSendsItsGradientToThePickedOptionOnly() {
        List<Value> options = Networks.leaves(1.5, -2.0, 4.0);
        Value index = Value.of(2);
        Value y = Value.pick(index, options).mul(3);
        y.backward();
        assertThat(y.data()).isEqualTo(12.0);
        assertThat(options.stream().map(Value::grad)).containsExactly(0.0, 0.0, 3.0);
        assertThat(index.grad()).isEqualTo(0.0);
        Program program = Compiler.compile(List.of(y), options, List.of(index), List.of());
        assertThat(program.listing()).contains("pick(x0: p0, p1, p2)");
        Replay replay = program.newGeneratedReplay();
        replay.setParameters(new double[] {1.5, -2.0, 4.0});
        replay.setInputs(new double[] {0});
        replay.forward();
        replay.backward();
        double[] grads = new double[3];
        replay.takeParameterGradients(grads);
        assertThat(replay.output(0)).as("another id, the same program").isEqualTo(4.5);
        assertThat(grads).containsExactly(3.0, 0.0, 0.0);
        replay.setInputs(new double[] {3});
        assertThatThrownBy(replay::forward).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("index 3.0 is not one of 3 options");
        assertThatThrownBy(() -> Value.pick(Value.of(1.5), options)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("index 1.5 is not one of 3 options");
    }
}
