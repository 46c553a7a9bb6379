package grad.graphviz;

import static org.assertj.core.api.Assertions.assertThat;

import grad.engine.Value;
import grad.tensor.Tensor;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Drawings of tensors: unfolded into Values when small, one node per tensor op when not. */
class TensorDotTest {

    private static long count(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().count();
    }

    @Test
    void aSmallTensorIsUnfoldedIntoItsValuesNamedAfterTheirTensors() {
        Tensor w = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2).label("W");
        Tensor x = Tensor.of(new double[] {0.5, -1}, 2).label("x");
        Tensor y = w.matmul(x).tanh().sum();
        y.backward();
        String dot = TensorDot.toDot(y, "tiny");
        // 6 leaves, 2 dots (of two products each), 2 tanh, 1 total
        assertThat(count(dot, "(?m)^  n\\d+ \\[label")).isEqualTo(11);
        assertThat(dot).contains("W[1][0]", "x[1]", "label=\"tiny\"", "tanh");
        assertThat(count(dot, "(?m)^  n\\d+ -> n\\d+;")).isEqualTo(2 * 4 + 2 + 2);   // the dots' factors, tanh, total
    }

    @Test
    void aLargerTensorIsOneNodePerOpWithItsShape() {
        Random random = new Random(1);
        Tensor x = Tensor.randn(random, 4, 3).label("x");
        Tensor w = Tensor.randn(random, 3, 5).label("W");
        Tensor loss = x.matmul(w).add(Tensor.zeros(5)).logSoftmax(1).crossEntropy(new int[] {0, 1, 2, 3});
        String dot = TensorDot.toDot(loss, "layer");
        assertThat(count(dot, "(?m)^  t\\d+ \\[label")).isEqualTo(7);   // x, W, matmul, bias, add, logSoftmax, crossEntropy
        assertThat(dot).contains("{ x | [4, 3] }", "{ W | [3, 5] }", "{ matmul | [4, 5] }",
                "{ logSoftmax(dim=1) | [4, 5] }", "{ crossEntropy | [] | data ");
        assertThat(count(dot, "(?m)^  t\\d+ -> t\\d+;")).isEqualTo(6);
        assertThat(dot).contains("fillcolor=\"" + DotWriter.fillColor(grad.engine.Op.DOT) + "\"");
    }

    @Test
    void aValueIsDrawnAsTheNetworkDrawerDrawsIt() {
        Value a = Value.of(-4, "a"), b = Value.of(2, "b");
        Value c = a.add(b).mul(b);
        assertThat(TensorDot.toDot(c, "c")).isEqualTo(DotWriter.toDot(grad.engine.Graph.of(c), "c"));
    }
}
