package grad.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@link Value#dot} is one node with the numbers of the chain {@code f₀·s₀ + f₁·s₁ + …}: its value is the
 * chain's to the last bit, and so is every gradient when no factor's own computation reads a leaf that is
 * also a factor (as in a matrix product, whose factors are weights and finished inputs); otherwise
 * {@code backward()} adds a node's contributions in another order, and they agree to rounding. Its
 * gradients match central finite differences.
 */
class ValueDotTest {

    /**
     * Leaves of the first half (each may be a factor many times), and values computed from the leaves of
     * the second half, or of all of them when {@code shared} (so that gradients meet from several paths).
     */
    private static List<Value> factors(SplittableRandom rng, List<Value> leaves, int n, boolean shared) {
        List<Value> out = new ArrayList<>();
        int half = leaves.size() / 2;
        for (int i = 0; i < n; i++) {
            Value a = leaves.get(shared ? rng.nextInt(leaves.size()) : half + rng.nextInt(half));
            Value b = leaves.get(shared ? rng.nextInt(leaves.size()) : half + rng.nextInt(half));
            out.add(switch (rng.nextInt(4)) {
                case 0 -> leaves.get(rng.nextInt(half));
                case 1 -> a.tanh();
                case 2 -> a.mul(b).add(0.25);
                default -> a.sub(b).exp();
            });
        }
        return out;
    }

    private static Value loss(boolean asDot, boolean shared, long seed, List<Value> leaves) {
        SplittableRandom rng = new SplittableRandom(seed);
        Value total = null;
        for (int d = 0; d < 3; d++) {
            int n = 1 + rng.nextInt(6);
            List<Value> firsts = factors(rng, leaves, n, shared);
            List<Value> seconds = factors(rng, leaves, n, shared);
            Value dot;
            if (asDot) {
                dot = Value.dot(firsts, seconds);
            } else {
                dot = firsts.get(0).mul(seconds.get(0));
                for (int i = 1; i < n; i++) {
                    dot = dot.add(firsts.get(i).mul(seconds.get(i)));
                }
            }
            Value term = d == 1 ? dot.tanh() : dot.mul(dot.add(seconds.get(0)));
            total = total == null ? term : total.add(term);
        }
        return total;
    }

    private static List<Value> leaves(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Value> leaves = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            leaves.add(Value.of(rng.nextDouble(-1.5, 1.5)));
        }
        return leaves;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void aDotHasTheValueAndTheGradientsOfItsChainToTheLastBit(long seed) {
        List<Value> chainLeaves = leaves(seed);
        List<Value> dotLeaves = leaves(seed);
        Value chain = loss(false, false, seed, chainLeaves);
        Value dot = loss(true, false, seed, dotLeaves);
        chain.backward();
        dot.backward();
        assertThat(dot.data()).isEqualTo(chain.data());
        for (int i = 0; i < chainLeaves.size(); i++) {
            assertThat(dotLeaves.get(i).grad()).as("leaf %d", i).isEqualTo(chainLeaves.get(i).grad());
        }
        assertThat(dot.topologicalOrder().size()).isLessThan(chain.topologicalOrder().size());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void withFactorsComputedFromOtherFactorsTheGradientsAgreeToRounding(long seed) {
        List<Value> chainLeaves = leaves(seed);
        List<Value> dotLeaves = leaves(seed);
        Value chain = loss(false, true, seed, chainLeaves);
        Value dot = loss(true, true, seed, dotLeaves);
        chain.backward();
        dot.backward();
        assertThat(dot.data()).isEqualTo(chain.data());
        for (int i = 0; i < chainLeaves.size(); i++) {
            double expected = chainLeaves.get(i).grad();
            assertThat(dotLeaves.get(i).grad()).as("leaf %d", i)
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, Math.abs(expected))));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24})
    void aDotsGradientsMatchCentralFiniteDifferences(long seed) {
        List<Value> leaves = leaves(seed);
        loss(true, true, seed, leaves).backward();
        double h = 1e-6;
        for (Value leaf : leaves) {
            double x = leaf.data();
            leaf.setData(x + h);
            double up = loss(true, true, seed, leaves).data();
            leaf.setData(x - h);
            double down = loss(true, true, seed, leaves).data();
            leaf.setData(x);
            double fd = (up - down) / (2 * h);
            assertThat(leaf.grad()).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(fd))));
        }
    }

    @Test
    void aDotOfAValueWithItselfCountsBothFactors() {
        Value x = Value.of(3);
        Value y = Value.of(-2);
        Value d = Value.dot(List.of(x, y), List.of(x, x));   // x² + y·x
        d.backward();
        assertThat(d.data()).isEqualTo(9 - 6);
        assertThat(x.grad()).isEqualTo(2 * 3 + -2);
        assertThat(y.grad()).isEqualTo(3);
        assertThat(d.op()).isEqualTo(Op.DOT);
        assertThat(d.operands()).containsExactly(x, x, y, x);
    }

    @Test
    void aDotNeedsTwoListsOfOneSizeOrMore() {
        Value x = Value.of(1);
        assertThatThrownBy(() -> Value.dot(List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Value.dot(List.of(x), List.of(x, x))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 and 2");
    }
}
