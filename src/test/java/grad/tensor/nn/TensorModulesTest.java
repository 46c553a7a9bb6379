package grad.tensor.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grad.engine.ParameterStore;
import grad.tensor.Tensor;
import grad.tensor.TorchProgram;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/** The tensor modules against PyTorch float64 ({@code modules} in tensor_fixtures.py), and as Modules. */
class TensorModulesTest {

    @Test
    void modulesMatchPyTorch() {
        TorchProgram p = TorchProgram.named("modules");
        Tensor x = p.input("x");
        p.keep("linear", new Linear(p.input("w"), p.input("b")).forward(x));
        p.keep("linearnobias", new Linear(p.input("w"), null).forward(x));
        p.keep("embedding", new Embedding(p.input("emb")).forward(new int[] {5, 1, 1}));
        p.keep("rmsnorm", new RMSNorm(p.input("g"), 1e-5).forward(x));
        p.keep("layernorm", new LayerNorm(p.input("g"), p.input("gb"), 1e-5).forward(x));
        p.keep("gelu", new GELU().forward(x.mul(2)));
        p.finish();
    }

    @Test
    void parametersHavePyTorchsNamesAndShapesAndGoIntoOneStore() {
        Random random = new Random(1);
        Linear linear = new Linear(4, 3, true, random);
        assertThat(linear.namedParameters().keySet()).containsExactly("weight", "bias");
        assertThat(linear.namedParameters().get("weight").shape()).containsExactly(3, 4);
        assertThat(linear.parameters()).hasSize(15);
        assertThat(Arrays.stream(linear.weight().data()).map(Math::abs).max().getAsDouble()).isLessThanOrEqualTo(0.5);
        assertThat(new Linear(4, 3, false, random).namedParameters().keySet()).containsExactly("weight");
        assertThat(new LayerNorm(4, 1e-5).namedParameters().keySet()).containsExactly("weight", "bias");
        assertThat(new RMSNorm(4, 1e-5).gain().data()).containsExactly(1, 1, 1, 1);
        assertThat(new GELU().parameters()).isEmpty();

        ParameterStore store = ParameterStore.of(linear.namedParameters());
        Tensor loss = linear.forward(Tensor.ones(2, 4)).sum();
        loss.backward();
        assertThat(store.grad()).containsExactly(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        double[] expected = DoubleStream.concat(Arrays.stream(linear.weight().data()),
                Arrays.stream(linear.bias().data())).toArray();
        assertThat(store.data()).containsExactly(expected);
    }

    @Test
    void badShapesAreRefused() {
        assertThatThrownBy(() -> new Linear(Tensor.zeros(3, 4), Tensor.zeros(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Linear: weight of shape [3, 4] and bias of shape [4] (expected [out, in] and [out])");
        assertThatThrownBy(() -> new Linear(Tensor.zeros(3, 4), null).forward(Tensor.zeros(2, 3)))
                .hasMessage("matmul: shapes [2, 3] and [4, 3] cannot be multiplied");
    }
}
