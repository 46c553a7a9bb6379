package grad.data;

import java.util.List;
import java.util.Objects;

/**
 * How to read a CSV file into a {@link Dataset}.
 *
 * @param label     the label column: a column name, or a 0-based column index written in digits
 *                  ({@code "4"}); a name wins if a column is really called {@code "4"}. {@code null}
 *                  means the last column.
 * @param features  the feature columns, by name, in the order wanted; empty means every column but the
 *                  label, in file order
 * @param delimiter the field separator: {@code ','} by default, also {@code ';'} or tab
 * @param task      classification, regression, or decide from the labels
 * @param missing   what to do with a missing feature value (see {@link MissingValues})
 * @param categoricalAuto    whether a column with a cell that is not a number is categorical (one-hot
 *                           encoded); otherwise such a cell is an error
 * @param categoricalColumns feature columns that are categorical even if their values are numbers (codes)
 */
public record CsvOptions(String label, List<String> features, char delimiter, Task task, MissingValues missing,
                         boolean categoricalAuto, List<String> categoricalColumns) {

    /** Options with the default handling of text and missing values: categories found, missing cells filled. */
    public CsvOptions(String label, List<String> features, char delimiter, Task task) {
        this(label, features, delimiter, task, MissingValues.MEAN, true, List.of());
    }

    /** Checks the delimiter and copies the lists. @throws DataException for a delimiter that cannot work */
    public CsvOptions {
        features = features == null ? List.of() : List.copyOf(features);
        categoricalColumns = categoricalColumns == null ? List.of() : List.copyOf(categoricalColumns);
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(missing, "missing");
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new DataException("invalid CSV delimiter " + Messages.quote(String.valueOf(delimiter)));
        }
    }

    /** Label = last column, every other column a feature, comma-separated, task decided from the labels. */
    public static CsvOptions defaults() {
        return new CsvOptions(null, List.of(), ',', Task.AUTO);
    }

    /** These options with another label column (name or 0-based index in digits; {@code null} = last). */
    public CsvOptions withLabel(String newLabel) {
        return new CsvOptions(newLabel, features, delimiter, task, missing, categoricalAuto, categoricalColumns);
    }

    /** These options with the feature columns narrowed to {@code names} (empty = all but the label). */
    public CsvOptions withFeatures(List<String> names) {
        return new CsvOptions(label, names, delimiter, task, missing, categoricalAuto, categoricalColumns);
    }

    /** These options with another delimiter. */
    public CsvOptions withDelimiter(char newDelimiter) {
        return new CsvOptions(label, features, newDelimiter, task, missing, categoricalAuto, categoricalColumns);
    }

    /** These options with another task. */
    public CsvOptions withTask(Task newTask) {
        return new CsvOptions(label, features, delimiter, newTask, missing, categoricalAuto, categoricalColumns);
    }

    /** These options with another way of handling missing feature values. */
    public CsvOptions withMissing(MissingValues newMissing) {
        return new CsvOptions(label, features, delimiter, task, newMissing, categoricalAuto, categoricalColumns);
    }

    /**
     * These options with other categorical columns: found automatically ({@code auto}) or not, and these forced.
     */
    public CsvOptions withCategorical(boolean auto, List<String> forced) {
        return new CsvOptions(label, features, delimiter, task, missing, auto, forced);
    }

    /**
     * The delimiter a user typed: a single character such as {@code ,} or {@code ;}, or {@code tab} /
     * {@code \t} for a tab.
     *
     * @throws DataException for anything else
     */
    public static char parseDelimiter(String text) {
        if (text != null && (text.equalsIgnoreCase("tab") || text.equals("\\t"))) {
            return '\t';
        }
        if (text == null || text.length() != 1 || text.charAt(0) == '"' || text.charAt(0) == '\n'
                || text.charAt(0) == '\r') {
            throw new DataException("invalid CSV delimiter " + Messages.quote(text == null ? "" : text)
                    + "; expected one character such as , or ; or the word tab");
        }
        return text.charAt(0);
    }
}
