package grad.train;

import grad.data.ColumnEncoding;
import grad.data.FeatureEncoding;
import grad.data.MissingValues;
import grad.io.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What was done to a CSV file's rows before training, in words, for the console and the metrics file:
 * {@code features: age, fare, sex (2 categories → 2 columns)}, the cells filled per column, the rows
 * dropped, the held-out cells whose category the training rows do not have. Nothing for generated data,
 * and only what happened: a file of numbers without missing cells gets no notes.
 */
final class DataNotes {
    private DataNotes() {
    }

    /**
     * The notes of a run, one line each, without indentation; a fill value is named after the run's
     * {@code --missing} (mean or median) unless it comes from a continued model.
     */
    static List<String> lines(TrainingPlan plan, DataSource source) {
        boolean own = !(plan.model() instanceof ModelPlan.Loaded) && plan.data().csv() != null;
        return lines(source, own ? plan.data().csv().missing() : null);
    }

    /** The notes, one line each, without indentation; {@code policy} names the fill values, or null. */
    static List<String> lines(DataSource source, MissingValues policy) {
        List<String> lines = new ArrayList<>();
        FeatureEncoding encoding = source.encoding();
        if (encoding == null) {
            return lines;
        }
        if (encoding.hasCategories()) {
            lines.add("features: " + encoding.describe());
        }
        String missing = filled(encoding, source.missing(), policy);
        if (!missing.isEmpty()) {
            lines.add("missing cells: " + missing);
        }
        int unlabelled = source.dropped().unlabelled();
        if (unlabelled > 0) {
            lines.add("dropped " + rows(unlabelled) + " without a label");
        }
        if (source.dropped().missing() > 0) {
            lines.add("dropped " + rows(source.dropped().missing()) + " with a missing feature (--missing drop)");
        }
        String unseen = counts(encoding, source.unseen());
        if (!unseen.isEmpty()) {
            lines.add("categories not in the training rows, read as all zeros: " + unseen);
        }
        return lines;
    }

    /** {@code age 2 filled with 29.5 (mean), port 1 → port=(missing)}, for the columns with missing cells. */
    private static String filled(FeatureEncoding encoding, int[] missing, MissingValues policy) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < missing.length; j++) {
            ColumnEncoding c = encoding.columns().get(j);
            if (missing[j] == 0) {
                continue;
            }
            String what = c.categorical() ? c.missingCategory() ? "→ " + c.name() + "=" + ColumnEncoding.MISSING_NAME
                    : "→ all zeros (no missing category in the training rows)"
                    : "filled with " + fmt(c.fill()) + (policy == MissingValues.MEAN || policy == MissingValues.MEDIAN
                    ? " (" + policy.id() + ")" : "");
            parts.add(Text.quote(c.name()) + " " + missing[j] + " " + what);
        }
        return String.join(", ", parts);
    }

    /** {@code "port" 2, "sex" 1}: the columns with a count above 0. */
    private static String counts(FeatureEncoding encoding, int[] counts) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < counts.length; j++) {
            if (counts[j] > 0) {
                parts.add(Text.quote(encoding.columns().get(j).name()) + " " + counts[j]);
            }
        }
        return String.join(", ", parts);
    }

    private static String rows(int n) {
        return n + (n == 1 ? " row" : " rows");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
