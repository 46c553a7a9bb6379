package grad.train;

import static org.assertj.core.api.Assertions.assertThat;

import grad.train.MetricsJson.Config;
import grad.train.MetricsJson.CsvJson;
import grad.train.MetricsJson.DatasetJson;
import grad.train.MetricsJson.EarlyStop;
import grad.train.MetricsJson.Epoch;
import grad.train.MetricsJson.Final;
import grad.train.MetricsJson.OptimizerJson;
import grad.train.MetricsJson.TestScores;
import grad.train.MetricsJson.ValidationScores;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsJsonTest {

    /** A regression run on a CSV file with early stopping; a validation loss that was NaN. */
    private static MetricsJson run() {
        Config config = new Config("h.csv", null, null, 8, 2, new OptimizerJson("adam", 0.01, null, null, 0.9, 0.999,
                1e-8, 0.0, null, null), 1, 1, 0.25, List.of(4), "tanh", null, "mse", "xavier", 42L, false, false, 0.2,
                new CsvJson("price", ";", "auto", null, "mean", List.of("a: number"), null));
        DatasetJson data = new DatasetJson("h", 10, 8, 2, List.of("a"), "regression", null);
        List<Epoch> epochs = List.of(
                new Epoch(1, 0.5, null, new TestScores(0.25, null, 0.5, 0.75), new ValidationScores(0.3, null, 0.4, 0.1)),
                new Epoch(2, Double.POSITIVE_INFINITY, null, null, new ValidationScores(Double.NaN, null, null, null)));
        return new MetricsJson("completed", config, data, epochs, List.of(), null,
                new EarlyStop(1, 0.3, 2, "patience", "m", List.of(0.3, Double.NaN)),
                new Final(0.5, null, 0.5, 0.75, new TestScores(0.25, null, 0.5, 0.75), null, null), null);
    }

    @Test
    void fieldsThatDoNotApplyAreLeftOutAndNumbersThatAreNotFiniteAreNull() {
        String json = run().toJson();

        assertThat(json).startsWith("{\n  \"status\": \"completed\",\n  \"config\": {\n    \"dataset\": \"h.csv\",\n"
                + "    \"batch_size\": 8,\n    \"epochs\": 2,\n    \"optimizer\": \"adam\",\n    \"lr\": 0.01,\n"
                + "    \"beta1\": 0.9,\n    \"beta2\": 0.999,\n    \"eps\": 1.0E-8,\n    \"weight_decay\": 0.0,\n"
                + "    \"print_epochs\": 1,\n")
                .contains("\"test_split\": 0.2,\n    \"label\": \"price\",\n    \"delimiter\": \";\",\n"
                        + "    \"categorical\": \"auto\",\n    \"missing\": \"mean\",\n")
                .contains("{\n      \"epoch\": 2,\n      \"loss\": null,\n      \"validation_loss\": null\n    }")
                .contains("\"validation_loss\": [\n      0.3,\n      null\n    ]")
                .contains("\"final\": {\n    \"loss\": 0.5,\n    \"rmse\": 0.5,\n    \"r2\": 0.75,\n    \"test_loss\": 0.25,\n"
                        + "    \"test_rmse\": 0.5,\n    \"test_r2\": 0.75\n  }\n}\n")
                .doesNotContain("accuracy", "class_size", "noise", "momentum", "classes", "divergence", "input_features");
    }

    @Test
    void aFileReadBackIsWrittenTheSame() {
        String json = run().toJson();

        MetricsJson read = MetricsJson.fromJson(json);

        assertThat(read.toJson()).isEqualTo(json);
        assertThat(read.earlyStopping().validationLoss().get(1)).isNaN();
        assertThat(read.config().optimizer().momentum()).isNull();
    }

    @Test
    void aGeneratedDatasetsPlanWritesItsMissingLabelAsNull() {
        Config c = new Config("xor", 50, null, 1, 1, new OptimizerJson(null, 0.1, null, 0.9, null, null, null, 0.0, 0.0,
                false), 1, null, null, List.of(), "relu", null, "mse", "he", 1L, false, false, 0.0,
                new CsvJson(null, ",", null, null, null, null, null));

        assertThat(MetricsJson.GSON.toJson(c)).contains("\"label\": null,\n  \"delimiter\": \",\"\n}");
    }
}
