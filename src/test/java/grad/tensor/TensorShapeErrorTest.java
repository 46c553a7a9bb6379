package grad.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Shape errors are IllegalArgumentExceptions whose message names the op and the shapes. */
class TensorShapeErrorTest {

    static Stream<Arguments> errors() {
        Tensor m43 = Tensor.zeros(4, 3), m45 = Tensor.zeros(4, 5), m23 = Tensor.zeros(2, 3);
        return Stream.of(
                Arguments.of((Runnable) () -> m43.matmul(m45), "matmul: shapes [4, 3] and [4, 5] cannot be multiplied"),
                Arguments.of((Runnable) () -> Tensor.zeros(2, 2, 3).matmul(Tensor.zeros(3, 3, 1)),
                        "matmul: shapes [2, 2, 3] and [3, 3, 1] cannot be multiplied"),
                Arguments.of((Runnable) () -> Tensor.zeros(3).matmul(Tensor.zeros(4)), "matmul: shapes [3] and [4] cannot be multiplied"),
                Arguments.of((Runnable) () -> Tensor.scalar(1).matmul(Tensor.zeros(4)), "matmul: shapes [] and [4] cannot be multiplied"),
                Arguments.of((Runnable) () -> m43.add(m45), "add: shapes [4, 3] and [4, 5] cannot be broadcast together"),
                Arguments.of((Runnable) () -> m23.mul(Tensor.zeros(3, 1, 2)), "mul: shapes [2, 3] and [3, 1, 2] cannot be broadcast together"),
                Arguments.of((Runnable) () -> m23.reshape(4, 2), "reshape: shape [2, 3] (6 elements) cannot be reshaped to [4, 2]"),
                Arguments.of((Runnable) () -> m23.reshape(-1, 4), "reshape: shape [2, 3] (6 elements) cannot be reshaped to [-1, 4]"),
                Arguments.of((Runnable) () -> m23.reshape(-1, -1), "reshape: invalid shape [-1, -1]"),
                Arguments.of((Runnable) () -> m23.sum(2), "sum: dimension 2 out of range for a tensor of 2 dimensions"),
                Arguments.of((Runnable) () -> m23.mean(-3, true), "mean: dimension -3 out of range for a tensor of 2 dimensions"),
                Arguments.of((Runnable) () -> m23.transpose(0, 5), "transpose: dimension 5 out of range"),
                Arguments.of((Runnable) () -> Tensor.cat(List.of(m23, m43), 1), "cat: shapes [2, 3] and [4, 3] cannot be concatenated along dimension 1"),
                Arguments.of((Runnable) () -> Tensor.stack(List.of(m23, m43), 0), "stack: shapes [2, 3] and [4, 3] cannot be stacked"),
                Arguments.of((Runnable) () -> m23.crossEntropy(new int[] {0}), "crossEntropy: logits of shape [2, 3] and 1 targets"),
                Arguments.of((Runnable) () -> m23.crossEntropy(new int[] {0, 3}), "crossEntropy: target 3 out of range for 3 classes"),
                Arguments.of((Runnable) () -> m23.rows(new int[] {2}), "rows: index 2 out of range for shape [2, 3]"),
                Arguments.of((Runnable) () -> Tensor.zeros(3).rows(new int[] {0}), "rows: expected a 2-D tensor, got shape [3]"),
                Arguments.of((Runnable) () -> m23.maskedFill(new boolean[4], 0), "maskedFill: a mask of shape [4] (4 elements) does not broadcast to shape [2, 3]"),
                Arguments.of((Runnable) () -> m23.backward(), "backward: expected a one-element tensor, got shape [2, 3]"),
                Arguments.of((Runnable) () -> m23.item(), "item: expected a one-element tensor, got shape [2, 3]"),
                Arguments.of((Runnable) () -> m23.value(0, 3), "value: index [0, 3] out of range for shape [2, 3]"),
                Arguments.of((Runnable) () -> Tensor.of(new double[5], 2, 3), "of: 5 numbers do not fill shape [2, 3]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("errors")
    void namesTheOpAndTheShapes(Runnable op, String message) {
        assertThatThrownBy(op::run).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }

    @Test
    void squeezeOfADimensionLargerThanOneIsTheSameTensorAsInPyTorch() {
        Tensor x = Tensor.zeros(2, 3);
        assertThat(x.squeeze(0).shape()).containsExactly(2, 3);
        assertThat(x.unsqueeze(-1).squeeze(2).shape()).containsExactly(2, 3);
    }
}
