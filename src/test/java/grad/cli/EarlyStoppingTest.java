package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grad.data.CsvDataset;
import grad.data.CsvOptions;
import grad.data.Dataset;
import grad.data.Split;
import grad.data.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --early-stopping} on a noisy linear regression (300 rows, 10 features): it keeps the best epoch's
 * weights, says which epoch and why it stopped, and its held-out R² comes close to a least-squares fit's.
 */
class EarlyStoppingTest {
    private static final int ROWS = 300;
    private static final int FEATURES = 10;

    @TempDir
    static Path dir;
    static Path csv;

    @BeforeAll
    static void noisyLinearData() throws IOException {
        Random rng = new Random(7);
        double[] w = new double[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            w[j] = rng.nextGaussian();
        }
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < FEATURES; j++) {
            sb.append("x").append(j).append(',');
        }
        sb.append("y\n");
        for (int i = 0; i < ROWS; i++) {
            double y = 0.5;
            for (int j = 0; j < FEATURES; j++) {
                double x = rng.nextGaussian();
                y += w[j] * x;
                sb.append(String.format(Locale.ROOT, "%.6f,", x));
            }
            y += 3.0 * rng.nextGaussian(); // noise: a linear fit explains about half of the variance
            sb.append(String.format(Locale.ROOT, "%.6f%n", y));
        }
        csv = dir.resolve("noisy.csv");
        Files.writeString(csv, sb.toString());
    }

    private static Cli train(String out, String... extra) {
        return Cli.ok(List.of("--dataset", csv.toString(), "--task", "regression",
                "--hidden-units", "16", "--lr", "0.001", "--batch-size", "16", "--no-plots", "--no-report",
                "-o", dir.resolve(out).toString(), "--save-model", dir.resolve(out + ".json").toString()), extra);
    }

    private static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    @Test
    void keepsTheBestEpochsWeightsAndSaysWhichEpochAndWhy() throws IOException {
        Cli run = train("es", "--epochs", "300", "--early-stopping", "5");
        JsonObject metrics = json(dir.resolve("es/metrics_noisy.json"));
        JsonObject early = metrics.getAsJsonObject("early_stopping");
        int best = early.get("best_epoch").getAsInt();
        int stopped = early.get("stopped_epoch").getAsInt();
        assertThat(early.get("reason").getAsString()).isEqualTo("patience");
        assertThat(stopped - best).isEqualTo(5);
        assertThat(metrics.getAsJsonArray("epochs")).hasSize(stopped);
        JsonArray losses = early.getAsJsonArray("validation_loss");
        assertThat(losses).hasSize(stopped);
        double bestLoss = early.get("best_validation_loss").getAsDouble();
        for (int i = 0; i < losses.size(); i++) {
            assertThat(losses.get(i).getAsDouble()).isGreaterThanOrEqualTo(bestLoss);
        }
        assertThat(losses.get(best - 1).getAsDouble()).isEqualTo(bestLoss);
        // each epoch's validation figures, as regression has them, the same losses as the early_stopping section's
        JsonArray epochs = metrics.getAsJsonArray("epochs");
        for (int i = 0; i < epochs.size(); i++) {
            JsonObject e = epochs.get(i).getAsJsonObject();
            assertThat(e.get("validation_loss").getAsDouble()).isEqualTo(losses.get(i).getAsDouble());
            assertThat(e.get("validation_rmse").getAsDouble()).isPositive();
            assertThat(e.get("validation_r2").getAsDouble()).isLessThan(1);
            assertThat(e.has("validation_accuracy")).isFalse();
        }
        assertThat(run.out()).containsPattern("(?m)^epoch +1/300  loss \\d+\\.\\d{4}  test rmse \\d+\\.\\d{4}  test R² "
                + "-?\\d+\\.\\d{4}  validation loss \\d+\\.\\d{4}$");
        assertThat(run.out()).contains("kept epoch " + best);
        assertThat(metrics.getAsJsonObject("config").get("early_stopping").getAsInt()).isEqualTo(5);

        // the same split and data, trained up to the best epoch: the same weights as the saved model's
        train("upto", "--epochs", String.valueOf(best), "--early-stopping", "1000");
        JsonObject upTo = json(dir.resolve("upto/metrics_noisy.json"));
        assertThat(upTo.getAsJsonObject("early_stopping").get("reason").getAsString()).isEqualTo("epochs");
        assertThat(json(dir.resolve("es.json")).get("network"))
                .isEqualTo(json(dir.resolve("upto.json")).get("network"));
        assertThat(metrics.getAsJsonObject("final")).isEqualTo(upTo.getAsJsonObject("final"));
    }

    @Test
    void heldOutR2ComesCloseToALeastSquaresFit() throws IOException {
        train("r2", "--epochs", "300", "--early-stopping", "10");
        double grad = json(dir.resolve("r2/metrics_noisy.json")).getAsJsonObject("final").get("test_r2").getAsDouble();
        double linear = leastSquaresTestR2();
        System.out.printf(Locale.ROOT, "held-out R²: grad with early stopping %.3f, least squares %.3f%n", grad, linear);
        assertThat(linear).isGreaterThan(0.3);
        assertThat(grad).isGreaterThan(linear - 0.05);
    }

    @Test
    void aRisingHeldOutLossWhileTheTrainingLossFallsIsWarnedOf() throws IOException {
        Cli run = train("overfit", "--epochs", "100");
        java.util.regex.Matcher said = java.util.regex.Pattern.compile("grad: warning: overfitting: the test loss is rising:"
                + " ([0-9.e+-]+) on average over epochs (\\d+)-(\\d+), up from ([0-9.e+-]+) over epochs (\\d+)-(\\d+),"
                + " while the training loss fell from ([0-9.e+-]+) to ([0-9.e+-]+); try --early-stopping").matcher(run.err());
        assertThat(said.find()).as(run.err()).isTrue();
        // the numbers quoted show what the warning says: the held-out loss up, the training loss down
        assertThat(Double.parseDouble(said.group(1))).isGreaterThan(Double.parseDouble(said.group(4)));
        assertThat(Double.parseDouble(said.group(8))).isLessThan(Double.parseDouble(said.group(7)));
        assertThat(Integer.parseInt(said.group(2))).isEqualTo(Integer.parseInt(said.group(6)) + 1);
        JsonArray warnings = json(dir.resolve("overfit/metrics_noisy.json")).getAsJsonArray("warnings");
        assertThat(warnings).anySatisfy(w -> assertThat(w.getAsJsonObject().get("kind").getAsString())
                .isEqualTo("overfitting"));
    }

    @Test
    void withEarlyStoppingTheOverfittingWarningWatchesTheValidationRowsAndDoesNotSuggestEarlyStopping() throws IOException {
        Cli run = train("overfit-es", "--epochs", "100", "--early-stopping", "60");
        assertThat(run.err()).contains("grad: warning: overfitting: the validation loss is rising: ")
                .contains("; early stopping keeps the best epoch's weights; to overfit less, try --weight-decay")
                .doesNotContain("try --early-stopping");
    }

    /** Least squares by the normal equations on the training rows (grad's split, seed 42), R² on the test rows. */
    private static double leastSquaresTestR2() {
        Dataset data = CsvDataset.read(csv, CsvOptions.defaults().withTask(Task.REGRESSION));
        Split split = Split.stratified(data, 0.2, 42);
        Dataset train = split.train();
        int k = FEATURES + 1;
        double[][] a = new double[k][k + 1];
        for (int i = 0; i < train.size(); i++) {
            double[] x = withBias(train.row(i));
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < k; c++) {
                    a[r][c] += x[r] * x[c];
                }
                a[r][k] += x[r] * train.target(i);
            }
        }
        double[] beta = solve(a);
        Dataset test = split.test();
        double mean = 0;
        for (int i = 0; i < test.size(); i++) {
            mean += test.target(i) / test.size();
        }
        double ssRes = 0;
        double ssTot = 0;
        for (int i = 0; i < test.size(); i++) {
            double[] x = withBias(test.row(i));
            double p = 0;
            for (int j = 0; j < k; j++) {
                p += beta[j] * x[j];
            }
            ssRes += (test.target(i) - p) * (test.target(i) - p);
            ssTot += (test.target(i) - mean) * (test.target(i) - mean);
        }
        return 1 - ssRes / ssTot;
    }

    private static double[] withBias(double[] row) {
        double[] x = new double[row.length + 1];
        System.arraycopy(row, 0, x, 0, row.length);
        x[row.length] = 1;
        return x;
    }

    /** Gauss-Jordan elimination with partial pivoting of an augmented k × (k+1) system. */
    private static double[] solve(double[][] a) {
        int k = a.length;
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < k; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c <= k; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] x = new double[k];
        for (int r = 0; r < k; r++) {
            x[r] = a[r][k] / a[r][r];
        }
        return x;
    }
}
