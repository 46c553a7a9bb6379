package grad.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A replay bound to a {@link ParameterStore} reads the store's values where they live and adds gradients
 * to a buffer of the caller's: the same bits as {@link Value#backward()}, and an optimizer's change to
 * the store is seen by the next sample without any copy.
 */
class BoundParametersTest {

    @ParameterizedTest
    @EnumSource(Networks.Shape.class)
    void aBoundReplayReadsTheStoreAndAccumulatesIntoTheGivenBuffer(Networks.Shape shape) {
        SplittableRandom rng = new SplittableRandom(shape.ordinal());
        Networks net = new Networks(shape, new int[] {3, 4, 2}, Op.TANH, rng);
        // the inputs are parameters too (an embedding row fed straight to a layer), so a layer reads them
        // from the store's array as well
        List<Value> x = Networks.leaves(rng.doubles(3, -1, 1).toArray());
        Map<String, ParameterStore.Shaped> named = new LinkedHashMap<>();
        named.put("net", new ParameterStore.Shaped(new int[] {net.parameters.size()}, net.parameters));
        named.put("embedding", new ParameterStore.Shaped(new int[] {3}, x));
        ParameterStore store = ParameterStore.of(named);
        List<Value> t = Networks.leaves(0, 0);
        Program program = Compiler.compile(List.of(Networks.crossEntropy(net.call(x), t)), store.values(), List.of(), t);
        assertThat(FusionTest.layers(program)).allMatch(layer -> layer.strided);
        assertThat(FusionTest.layers(program).get(0).inputsAreParameters).isTrue();

        for (Replay replay : List.of(program.newGeneratedReplay(), program.newInterpretedReplay())) {
            double[] worker = new double[store.size()];
            replay.useParameters(store.data(), worker);
            store.zeroGrad();
            for (int sample = 0; sample < 3; sample++) {
                double[] ts = sample % 2 == 0 ? new double[] {1, 0} : new double[] {0, 1};
                Value loss = Networks.crossEntropy(net.call(x), Networks.leaves(ts));
                loss.backward();   // into the store's gradients, through the parameters' views
                replay.setTargets(ts);
                replay.forward();
                replay.backward();
                assertThat(replay.output(0)).isEqualTo(loss.data());
            }
            assertThat(worker).as("three samples' gradients, added up as Value.backward() adds them")
                    .containsExactly(store.grad());
            for (int i = 0; i < store.size(); i++) {   // an optimizer's step, in place
                store.data()[i] -= 0.1 * store.grad()[i];
            }
            replay.setTargets(new double[] {1, 0});
            replay.forward();
            assertThat(replay.output(0)).as("the next sample sees the step")
                    .isEqualTo(Networks.crossEntropy(net.call(x), Networks.leaves(1, 0)).data());
            double[] taken = new double[store.size()];
            replay.takeParameterGradients(taken);
            assertThat(taken).containsExactly(store.grad());
            assertThat(worker).containsOnly(0.0);
        }
    }

    @ParameterizedTest
    @EnumSource(Networks.Shape.class)
    void setParametersAfterBindingCopiesAgain(Networks.Shape shape) {
        Networks net = new Networks(shape, new int[] {2, 3, 2}, Op.RELU, new SplittableRandom(9));
        List<Value> x = Networks.leaves(0, 0);
        Program program = Compiler.compile(List.of(Value.sum(net.call(x))), net.parameters, x, List.of());
        Replay replay = program.newGeneratedReplay();
        double[] values = FusionTest.data(net.parameters);
        replay.useParameters(values, new double[values.length]);
        replay.setInputs(new double[] {0.5, -0.5});
        replay.forward();
        double bound = replay.output(0);
        replay.setParameters(values.clone());
        values[0] += 1;   // no longer read
        replay.forward();
        assertThat(replay.output(0)).isEqualTo(bound).isEqualTo(Value.sum(net.call(Networks.leaves(0.5, -0.5))).data());
    }
}
