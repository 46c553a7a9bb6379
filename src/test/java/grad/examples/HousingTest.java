package grad.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grad.engine.Value;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** rust-micrograd's housing network, with Values and with Tensors, from the same weights. */
class HousingTest {

    @Test
    void theDataIs506StandardisedRowsOf13Features() {
        Housing.Data data = Housing.Data.load();
        assertThat(data.x()).hasNumberOfRows(506);
        assertThat(data.x()[0]).hasSize(13);
        double mean = 0;
        for (double[] row : data.x()) {
            mean += row[5];
        }
        assertThat(mean / 506).isCloseTo(0, within(1e-9));
    }

    /** On the first 64 rows: a Value graph of all 506 rows is 120 000 nodes a step, slow by design. */
    @Test
    void valueAndTensorVersionsTrainAlikeAndTheLossFalls() {
        Housing.Data data = Housing.Data.load().head(64);
        Housing.Weights weights = Housing.Weights.random(new Random(13));
        Housing.ValueNet values = new Housing.ValueNet(weights);
        Housing.TensorNet tensors = new Housing.TensorNet(weights);
        int steps = 6;
        double[] byValues = Housing.trainValues(values, data, steps);
        double[] byTensors = Housing.trainTensors(tensors, data, steps);
        for (int s = 0; s < steps; s++) {
            assertThat(byTensors[s]).as("loss at step %d", s).isCloseTo(byValues[s], within(1e-12 * byValues[s]));
        }
        double[] w = values.parameters().stream().mapToDouble(Value::data).toArray();
        double[] t = tensors.parameters().stream().mapToDouble(Value::data).toArray();
        for (int i = 0; i < w.length; i++) {
            assertThat(t[i]).as("parameter %d after %d steps", i, steps).isCloseTo(w[i], within(1e-12 * Math.max(1, Math.abs(w[i]))));
        }
        for (int s = 1; s < steps; s++) {
            assertThat(byValues[s]).as("loss at step %d", s).isLessThan(byValues[s - 1]);
        }
        assertThat(byValues[steps - 1]).isLessThan(0.8 * byValues[0]);
    }

    @Test
    void aThousandFullBatchStepsOfTheCompiledTensorProgramFitTheData() {
        Housing.Data data = Housing.Data.load();
        double[] losses = Housing.trainTensors(new Housing.TensorNet(Housing.Weights.random(new Random(13))), data, 1000);
        double variance = 0, mean = java.util.Arrays.stream(data.y()).average().orElseThrow();
        for (double y : data.y()) {
            variance += (y - mean) * (y - mean) / data.y().length;
        }
        // better than predicting the mean, by far
        assertThat(losses[999]).isLessThan(0.2 * variance);
        System.out.printf("housing: loss %.4f → %.4f after 1000 steps (target variance %.4f)%n", losses[0], losses[999], variance);
    }
}
