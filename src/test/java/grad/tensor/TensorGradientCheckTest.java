package grad.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every tensor op's gradients against central finite differences: the loss {@code (op(inputs) · w).sum()}
 * for seeded random inputs and weights, each input element nudged by ±h. ({@code detach} is left out on
 * purpose: its gradient is meant to differ from the numbers'; softmax's detached max cancels out.)
 */
class TensorGradientCheckTest {

    /** An op applied to inputs of the given shapes, drawn from [lo, hi]. */
    record Case(String name, Function<List<Tensor>, Tensor> op, double lo, double hi, int[]... shapes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case c(String name, Function<List<Tensor>, Tensor> op, int[]... shapes) {
        return new Case(name, op, -2, 2, shapes);
    }

    private static Case positive(String name, Function<List<Tensor>, Tensor> op, int[]... shapes) {
        return new Case(name, op, 0.3, 2.5, shapes);
    }

    private static int[] s(int... shape) {
        return shape;
    }

    static Stream<Case> cases() {
        return Stream.of(
                c("add", t -> t.get(0).add(t.get(1)), s(3, 1, 4), s(2, 4)),
                c("sub", t -> t.get(0).sub(t.get(1)), s(2, 1), s(2, 3)),
                c("mul", t -> t.get(0).mul(t.get(1)).mul(t.get(0)), s(2, 3), s(3)),
                positive("div", t -> t.get(0).div(t.get(1)), s(2, 3), s(2, 1)),
                c("scalar ops", t -> t.get(0).add(1.5).sub(0.5).mul(-2).div(3), s(4)),
                c("neg", t -> t.get(0).neg(), s(2, 2)),
                c("exp", t -> t.get(0).exp(), s(5)),
                positive("log", t -> t.get(0).log(), s(5)),
                positive("pow", t -> t.get(0).pow(-1.5).add(t.get(0).pow(3)), s(5)),
                positive("sqrt", t -> t.get(0).sqrt(), s(5)),
                c("relu", t -> t.get(0).relu(), s(6)),
                c("tanh", t -> t.get(0).tanh(), s(6)),
                c("sigmoid", t -> t.get(0).sigmoid(), s(6)),
                c("matmul 2-D", t -> t.get(0).matmul(t.get(1)), s(3, 4), s(4, 2)),
                c("matmul batched", t -> t.get(0).matmul(t.get(1)), s(2, 1, 2, 3), s(3, 3, 2)),
                c("matmul vectors", t -> t.get(0).matmul(t.get(1)).mul(t.get(0).matmul(t.get(0))), s(3), s(3, 2)),
                c("sum", t -> t.get(0).sum().mul(t.get(0).sum(1)).add(t.get(0).sum(0, true)), s(3, 3)),
                c("mean", t -> t.get(0).mean().mul(t.get(0).mean(-1)).add(t.get(0).mean(0, true)), s(3, 3)),
                c("max", t -> t.get(0).max(1).add(t.get(0).max(0, true).sum()), s(3, 4)),
                c("reshape", t -> t.get(0).reshape(-1, 2).mul(t.get(0).reshape(3, 2)), s(2, 3)),
                c("transpose", t -> t.get(0).transpose(0, -1).matmul(t.get(0)), s(2, 3)),
                c("permute", t -> t.get(0).permute(1, 2, 0).mul(t.get(1)), s(2, 3, 2), s(2, 1)),
                c("unsqueeze squeeze", t -> t.get(0).unsqueeze(0).mul(t.get(0).unsqueeze(1)).squeeze(0), s(3)),
                c("cat", t -> Tensor.cat(List.of(t.get(0), t.get(1), t.get(0)), 1).tanh(), s(2, 2), s(2, 3)),
                c("stack", t -> Tensor.stack(List.of(t.get(0), t.get(1).exp()), 1), s(2, 3), s(2, 3)),
                c("slice", t -> t.get(0).slice(1, 1, 3).mul(t.get(0).slice(0, -1, 9).sum()), s(2, 4)),
                c("softmax", t -> t.get(0).softmax(0).add(t.get(0).softmax(-1)), s(3, 4)),
                c("logSoftmax", t -> t.get(0).logSoftmax(1).mul(t.get(0)), s(3, 4)),
                c("crossEntropy", t -> t.get(0).crossEntropy(new int[] {2, 0, 2}), s(3, 4)),
                c("rows", t -> t.get(0).rows(new int[] {1, 1, 0}).tanh(), s(3, 2)),
                c("maskedFill", t -> t.get(0).maskedFill(new boolean[] {true, false}, 7).mul(t.get(0)), s(3, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientsMatchCentralDifferences(Case c) {
        Random random = new Random(c.name().hashCode());
        List<double[]> data = new ArrayList<>();
        for (int[] shape : c.shapes()) {
            double[] d = new double[Shape.numel(shape)];
            for (int i = 0; i < d.length; i++) {
                d[i] = c.lo() + (c.hi() - c.lo()) * random.nextDouble();
            }
            data.add(d);
        }
        List<Tensor> inputs = tensors(c, data);
        Tensor out = c.op().apply(inputs);
        double[] w = Tensor.randn(random, out.shape()).data();
        Tensor.of(w, out.shape()).mul(out).sum().backward();
        double h = 1e-6;
        for (int k = 0; k < data.size(); k++) {
            double[] grad = inputs.get(k).grad();
            for (int i = 0; i < grad.length; i++) {
                double x = data.get(k)[i];
                data.get(k)[i] = x + h;
                double up = loss(c, data, w);
                data.get(k)[i] = x - h;
                double down = loss(c, data, w);
                data.get(k)[i] = x;
                double numeric = (up - down) / (2 * h);
                assertThat(grad[i]).as("%s: d/d input %d [%d]", c, k, i)
                        .isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
            }
        }
    }

    private static List<Tensor> tensors(Case c, List<double[]> data) {
        List<Tensor> out = new ArrayList<>();
        for (int k = 0; k < data.size(); k++) {
            out.add(Tensor.of(data.get(k).clone(), c.shapes()[k]));
        }
        return out;
    }

    private static double loss(Case c, List<double[]> data, double[] w) {
        Tensor out = c.op().apply(tensors(c, data));
        return Tensor.of(w, out.shape()).mul(out).sum().item();
    }
}
