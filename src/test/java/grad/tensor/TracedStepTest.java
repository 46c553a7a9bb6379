package grad.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grad.engine.Value;
import grad.tensor.nn.LayerNorm;
import grad.tensor.nn.Linear;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A tensor step traced once gives, for new data, the bits a freshly built graph's backward() gives. */
class TracedStepTest {

    private record Net(Linear first, LayerNorm norm, Linear second) {
        Tensor loss(Tensor x, Tensor y) {
            Tensor h = norm.forward(first.forward(x)).tanh();
            return second.forward(h).sub(y).pow(2).mean();
        }

        List<Value> parameters() {
            List<Value> all = new ArrayList<>(first.parameters());
            all.addAll(norm.parameters());
            all.addAll(second.parameters());
            return all;
        }
    }

    @Test
    void replaysNewBatchesToTheSameBitsAsTheGraph() {
        Random random = new Random(5);
        Net net = new Net(new Linear(3, 6, true, random), new LayerNorm(6, 1e-5), new Linear(6, 1, false, random));
        Tensor x0 = Tensor.zeros(4, 3), y0 = Tensor.zeros(4, 1);
        TracedStep step = TracedStep.compile(net.loss(x0, y0), net.parameters(), List.of(x0, y0));
        assertThat(step.program().listing()).isNotEmpty();
        for (int batch = 0; batch < 3; batch++) {
            double[] x = Tensor.randn(random, 12).data(), y = Tensor.randn(random, 4).data();
            Tensor loss = net.loss(Tensor.of(x, 4, 3), Tensor.of(y, 4, 1));
            loss.backward();
            double[] expected = net.parameters().stream().mapToDouble(Value::grad).toArray();
            net.parameters().forEach(p -> p.setGrad(0));
            assertThat(step.step(x, y)).isEqualTo(loss.item());
            assertThat(net.parameters().stream().mapToDouble(Value::grad).toArray()).containsExactly(expected);
            assertThat(step.forward(x, y)).isEqualTo(loss.item());
            net.parameters().forEach(p -> p.setData(p.data() - 0.1 * p.grad()));
            net.parameters().forEach(p -> p.setGrad(0));
        }
    }

    @Test
    void refusesInputsOfAnotherSize() {
        Tensor x = Tensor.zeros(2);
        TracedStep step = TracedStep.compile(x.sum(), List.of(), List.of(x));
        assertThatThrownBy(() -> step.step(new double[3]))
                .hasMessage("TracedStep: input 0 has 3 numbers, the program was traced with 2");
    }
}
