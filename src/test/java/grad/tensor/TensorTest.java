package grad.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import grad.engine.Compiler;
import grad.engine.Program;
import grad.engine.Replay;
import grad.engine.Value;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Creating and reading tensors, their Values, and compiling a tensor graph. */
class TensorTest {

    @Test
    void createsAndReadsRowMajor() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertThat(x.shape()).containsExactly(2, 3);
        assertThat(x.numel()).isEqualTo(6);
        assertThat(x.dim()).isEqualTo(2);
        assertThat(x.size(-1)).isEqualTo(3);
        assertThat(x.value(1, 0).data()).isEqualTo(4);
        assertThat(x.value(-1, -1).data()).isEqualTo(6);
        assertThat(Tensor.arange(4).data()).containsExactly(0, 1, 2, 3);
        assertThat(Tensor.zeros(2, 2).data()).containsExactly(0, 0, 0, 0);
        assertThat(Tensor.ones(3).data()).containsExactly(1, 1, 1);
        assertThat(Tensor.scalar(2.5).shape()).isEmpty();
        assertThat(Tensor.scalar(2.5).item()).isEqualTo(2.5);
        assertThat(Tensor.randn(new Random(7), 2, 2).data()).containsExactly(Tensor.randn(new Random(7), 4).data());
    }

    @Test
    void rowsByIdValuesLookUpAndCompileToOneProgramForEveryId() {
        Tensor table = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 2);    // rows (1,2), (3,4), (5,6)
        Tensor ids = Tensor.of(new double[] {2, 0, 2}, 3);
        Tensor picked = table.rows(ids);
        assertThat(picked.shape()).containsExactly(3, 2);
        assertThat(picked.data()).containsExactly(5, 6, 1, 2, 5, 6);
        Tensor w = Tensor.of(new double[] {1, 10, 100, 1000, 1e4, 1e5}, 3, 2);
        Tensor loss = picked.mul(w).sum();
        loss.backward();
        assertThat(table.grad()).containsExactly(100, 1000, 0, 0, 1 + 1e4, 10 + 1e5);   // row 2 picked twice
        assertThat(ids.grad()).containsExactly(0, 0, 0);

        Program p = Compiler.compile(List.of(loss.values().get(0)), table.values(), ids.values(), List.of());
        Replay r = p.newReplay();
        r.setParameters(table.data());
        r.setInputs(new double[] {1, 1, 0});                                // another sequence of ids
        r.forward();
        assertThat(r.output(0)).isEqualTo(3 + 4 * 10 + 3 * 100 + 4 * 1000 + 1e4 + 2e5);
    }

    @Test
    void aTensorOfValuesSendsGradientsIntoThoseValues() {
        Value a = Value.of(3), b = Value.of(-2);
        Tensor t = Tensor.of(List.of(a, b, a), 3);
        assertThat(t.value(2)).isSameAs(a);
        t.mul(t).sum().backward();              // a² + b² + a²
        assertThat(a.grad()).isEqualTo(12);
        assertThat(b.grad()).isEqualTo(-4);
        t.zeroGrad();
        assertThat(t.grad()).containsExactly(0, 0, 0);
    }

    @Test
    void layoutOpsMoveTheSameValues() {
        Tensor x = Tensor.arange(6).reshape(2, 3);
        assertThat(x.transpose(0, 1).data()).containsExactly(0, 3, 1, 4, 2, 5);
        assertThat(x.transpose(0, 1).value(2, 1)).isSameAs(x.value(1, 2));
        assertThat(x.slice(1, -2, 99).data()).containsExactly(1, 2, 4, 5);
        assertThat(Tensor.cat(List.of(x, x), 0).shape()).containsExactly(4, 3);
        assertThat(Tensor.stack(List.of(x, x), 2).data()).containsExactly(0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        assertThat(x.rows(new int[] {1, 1}).data()).containsExactly(3, 4, 5, 3, 4, 5);
        assertThat(x.maskedFill(new boolean[] {true, false}, new int[] {2, 1}, -1).data()).containsExactly(-1, -1, -1, 3, 4, 5);
    }

    @Test
    void matmulOfVectorsIsADotOfShapeEmpty() {
        Tensor d = Tensor.arange(3).matmul(Tensor.of(new double[] {1, 2, 3}, 3));
        assertThat(d.shape()).isEmpty();
        assertThat(d.item()).isEqualTo(0 * 1 + 1 * 2 + 2 * 3);
        assertThat(d.value().op()).isEqualTo(grad.engine.Op.DOT);
        assertThat(d.value().operands()).hasSize(6);   // each product's two factors in turn
    }

    @Test
    void aLayerCompilesToDenseStepsAndReplaysToTheSameBits() {
        Random random = new Random(3);
        Tensor x = Tensor.randn(random, 4, 3), w = Tensor.randn(random, 3, 5), b = Tensor.randn(random, 5);
        Tensor loss = x.matmul(w).add(b).tanh().crossEntropy(new int[] {0, 4, 2, 1});
        loss.backward();
        List<Value> parameters = new java.util.ArrayList<>(w.values());
        parameters.addAll(b.values());
        Program program = Compiler.compile(List.of(loss.value()), parameters, x.values(), List.of());
        assertThat(program.listing()).contains("dense 5×3");
        Replay replay = program.newInterpretedReplay();
        replay.setParameters(parameters.stream().mapToDouble(Value::data).toArray());
        replay.setInputs(x.data());
        replay.forward();
        replay.backward();
        double[] grads = new double[parameters.size()];
        replay.takeParameterGradients(grads);
        assertThat(replay.output(0)).isEqualTo(loss.item());
        assertThat(grads).containsExactly(parameters.stream().mapToDouble(Value::grad).toArray());
    }
}
