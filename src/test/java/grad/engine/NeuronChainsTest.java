package grad.engine;

import static org.assertj.core.api.Assertions.assertThat;

import grad.engine.Networks.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NeuronChainsTest {
    @Test
    void aChainIsItsRootFactorsBiasAndFusedNodes() {
        Value b = Value.of(0.5, "b");
        Value w0 = Value.of(2, "w0");
        Value x0 = Value.of(3, "x0");
        Value w1 = Value.of(5, "w1");
        Value x1 = Value.of(7, "x1");
        // (b + w0·x0) + w1·x1, then relu: graph b0, w0 1, x0 2, ·3, +4, w1 5, x1 6, ·7, +8, relu9
        List<NeuronChains.Chain> chains = NeuronChains.of(Graph.of(b.add(w0.mul(x0)).add(w1.mul(x1)).relu()));
        assertThat(chains).hasSize(1);
        NeuronChains.Chain chain = chains.get(0);
        assertThat(chain.root()).isEqualTo(8);
        assertThat(chain.factors()).containsExactly(1, 2, 5, 6);
        assertThat(chain.bias()).isZero();
        assertThat(chain.biasFirst()).isTrue();
        assertThat(chain.fused()).containsExactly(3, 4, 7, 8);
        assertThat(chain.operands()).containsExactly(1, 2, 5, 6, 0);
    }

    @Test
    void twoNeuronsOverTheSameInputAreTwoChains() {
        Value x = Value.of(3, "x");
        Value w = Value.of(2, "w");
        Value c = Value.of(1, "c");
        Value v = Value.of(4, "v");
        Value d = Value.of(-1, "d");
        // relu(w·x + c) + relu(v·x + d): graph w0, x1, ·2, c3, +4, relu5, v6, ·7, d8, +9, relu10, +11;
        // the last addition adds no product, so it is no chain
        Value sum = w.mul(x).add(c).relu().add(v.mul(x).add(d).relu());
        List<NeuronChains.Chain> chains = NeuronChains.of(Graph.of(sum));
        assertThat(chains).extracting(NeuronChains.Chain::root).containsExactly(4, 9);
        assertThat(chains.get(0).operands()).containsExactly(0, 1, 3);
        assertThat(chains.get(0).fused()).containsExactly(2, 4);
        assertThat(chains.get(1).operands()).containsExactly(6, 1, 8);
        assertThat(chains.get(1).fused()).containsExactly(7, 9);
        assertThat(chains).noneMatch(NeuronChains.Chain::biasFirst);
    }

    /** On a network of every shape, the chains are the dot steps of the compiler's own trace, one for one. */
    @ParameterizedTest
    @EnumSource(Shape.class)
    void theChainsAreTheCompilersDots(Shape shape) {
        Networks net = new Networks(shape, new int[] {3, 4, 2}, Op.TANH, new SplittableRandom(31));
        List<Value> x = Networks.leaves(0.5, -1, 2);
        List<Value> t = Networks.leaves(0, 1);
        Value loss = Networks.crossEntropy(net.call(x), t);
        Compiler.Trace trace = Compiler.Trace.of(List.of(loss), net.parameters, x, t);
        List<Step.Dot> dots = Compiler.fuseDots(trace.steps, trace.slotCount).stream()
                .filter(Step.Dot.class::isInstance).map(Step.Dot.class::cast).toList();
        List<NeuronChains.Chain> chains = NeuronChains.of(Graph.of(loss));
        // 4 + 2 neurons, and the loss's Σ t·o
        assertThat(chains).hasSize(7).hasSameSizeAs(dots);
        for (int k = 0; k < chains.size(); k++) {
            NeuronChains.Chain chain = chains.get(k);
            Step.Dot dot = dots.get(k);
            int products = dot.a().length;
            assertThat(chain.factors()).hasSize(2 * products);
            assertThat(chain.bias() >= 0).isEqualTo(dot.bias() >= 0);
            assertThat(chain.biasFirst()).isEqualTo(dot.biasFirst());
            // the products and the additions between the terms; for a Value.dot, its node and the bias's addition
            boolean valueDot = shape == Shape.VALUE_DOT || shape == Shape.BIAS_PLUS_DOT || shape == Shape.DOT_NO_BIAS;
            int bias = chain.bias() >= 0 ? 1 : 0;
            assertThat(chain.fused()).hasSize(valueDot && k < 6 ? 1 + bias : products + products + bias - 1);
        }
    }
}
