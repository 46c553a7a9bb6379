package grad.train;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.annotations.SerializedName;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import grad.io.InlineRecords;
import grad.io.InlineRecords.Inline;
import java.io.IOException;
import java.util.List;

/**
 * The metrics file's JSON ({@code metrics_<name>.json}), as Gson binds it: field names in snake_case, in
 * the order of the components. A null component is left out of the file (a field that does not apply: a CSV
 * file's class size, a regression's accuracy); a number that is not finite is written as {@code null}. The
 * components marked {@link Inline} group fields of the object they are in. {@link MetricsLog} writes it and
 * {@link ReportHtml} shows it.
 *
 * @param interruption  present when the run was interrupted (Ctrl-C)
 * @param earlyStopping present with {@code --early-stopping}
 * @param finalMetrics  the final evaluation, present unless the run diverged
 * @param divergence    present when the run diverged
 */
record MetricsJson(String status, Config config, DatasetJson dataset, List<Epoch> epochs, List<Warning> warnings,
                   Interruption interruption, EarlyStop earlyStopping, @SerializedName("final") Final finalMetrics,
                   Divergence divergence) {

    /** Writes and reads the metrics file: pretty-printed, nulls left out but for numbers that are not finite. */
    static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .registerTypeAdapterFactory(new InlineRecords())
            .registerTypeAdapter(Double.class, new FiniteOrNull())
            .registerTypeAdapter(double.class, new FiniteOrNull())
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .create();

    /** The file's text. */
    String toJson() {
        return GSON.toJson(this) + "\n";
    }

    /** Reads a metrics file's text. */
    static MetricsJson fromJson(String json) {
        return GSON.fromJson(json, MetricsJson.class);
    }

    /**
     * The run's configuration: every option, with the seed. SGD's settings have no {@code optimizer} (the file
     * of an SGD run is what it was before there was a choice); Adam's and AdamW's have it and their own.
     */
    record Config(String dataset, Integer classSize, Double noise, Integer batchSize, Integer epochs,
                  @Inline OptimizerJson optimizer, Integer printEpochs, Integer earlyStopping, Double validationSplit,
                  List<Integer> hiddenUnits, String activation, String inputFeatures, String loss, String init,
                  Long seed, Boolean graphviz, Boolean plots, Double testSplit, @Inline CsvJson csv) {
    }

    /** The optimizer's settings: SGD's are momentum to nesterov, Adam's beta1 to eps; weight decay is both's. */
    record OptimizerJson(String optimizer, Double lr, Boolean lrAuto, Double momentum, Double beta1, Double beta2,
                         Double eps, Double weightDecay, Double l1, Boolean nesterov) {
    }

    /**
     * How a CSV file was read: its label (written even when null: a generated dataset's plan may carry CSV
     * options without one) and delimiter, the categorical columns (auto or none, and those forced),
     * the missing-value policy, the encoding column by column, and notes on the cells filled and rows dropped.
     */
    record CsvJson(@JsonAdapter(NullWritten.class) String label, String delimiter, String categorical, List<String> categoricalColumns,
                   String missing, List<String> encoding, List<String> dataNotes) {
    }

    /** The data: its name, its rows and their split, its features, its task and its classes (classification). */
    record DatasetJson(String name, Integer rows, Integer trainRows, Integer testRows, List<String> features,
                       String task, List<String> classes) {
        boolean isRegression() {
            return "regression".equals(task);
        }
    }

    /** One epoch: training's loss and accuracy, and the evaluations at its end. */
    record Epoch(Integer epoch, Double loss, Double accuracy, @Inline TestScores test,
                 @Inline ValidationScores validation) {
    }

    /** An evaluation on the test rows: loss and accuracy, or for regression loss, RMSE and R². */
    record TestScores(Double testLoss, Double testAccuracy, Double testRmse, Double testR2) {
    }

    /** An evaluation on the validation rows, as {@link TestScores}. */
    record ValidationScores(Double validationLoss, Double validationAccuracy, Double validationRmse,
                            Double validationR2) {
    }

    /** A health check's warning. */
    record Warning(Integer epoch, String kind, String message) {
    }

    /** Where the run was interrupted. */
    record Interruption(Integer epoch, String message) {
    }

    /** Where the run diverged. */
    record Divergence(Integer epoch, String message) {
    }

    /** Which epoch's weights were kept, and why the run stopped. */
    record EarlyStop(Integer bestEpoch, Double bestValidationLoss, Integer stoppedEpoch, String reason,
                     String message, List<Double> validationLoss) {
    }

    /**
     * The final evaluation: on the training rows, on the test rows, and the confusion matrix of the test rows
     * ({@code test_confusion}) or, without them, of the training rows ({@code confusion}).
     */
    record Final(Double loss, Double accuracy, Double rmse, Double r2, @Inline TestScores test, int[][] confusion,
                 int[][] testConfusion) {
    }

    /** A text written as {@code null} when it is null, whether or not the writer writes other nulls. */
    static final class NullWritten extends TypeAdapter<String> {
        @Override
        public void write(JsonWriter out, String v) throws IOException {
            boolean nulls = out.getSerializeNulls();
            out.setSerializeNulls(true);
            out.value(v);
            out.setSerializeNulls(nulls);
        }

        @Override
        public String read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return in.nextString();
        }
    }

    /** A double as JSON: {@code null} when it is not finite, whether or not the writer writes other nulls. */
    private static final class FiniteOrNull extends TypeAdapter<Double> {
        @Override
        public void write(JsonWriter out, Double v) throws IOException {
            if (v == null || Double.isFinite(v)) {
                out.value(v);
                return;
            }
            boolean nulls = out.getSerializeNulls();
            out.setSerializeNulls(true);
            out.nullValue();
            out.setSerializeNulls(nulls);
        }

        @Override
        public Double read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return Double.NaN;
            }
            return in.nextDouble();
        }
    }
}
