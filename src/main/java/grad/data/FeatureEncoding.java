package grad.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * How the feature columns of a CSV file become the network's inputs, column by column (see
 * {@link ColumnEncoding}): numbers as they are, with missing cells filled; text one-hot encoded, one input
 * per category ({@code sex=female}, {@code sex=male}), with missing cells a category of their own.
 *
 * <p>{@link #fit} learns it from the <em>training</em> rows only: the categories, and the mean or median
 * that fills a number column's missing cells. Applied to held-out rows and to new files, a category not seen
 * in training becomes all zeros. One-hot inputs are 0 or 1 and are not standardized (as a scikit-learn
 * pipeline of {@code OneHotEncoder} and {@code StandardScaler} on the number columns does); number inputs
 * are, when the run standardizes.
 */
public final class FeatureEncoding {
    /** A text column with this many distinct values (or more) is refused: an identifier, most likely. */
    public static final int MAX_DISTINCT = 1000;

    private final List<ColumnEncoding> columns;

    private FeatureEncoding(List<ColumnEncoding> columns) {
        this.columns = List.copyOf(columns);
    }

    /**
     * The encoding of these columns, in this order.
     *
     * @throws IllegalArgumentException if there are none or two have the same name
     */
    public static FeatureEncoding of(List<ColumnEncoding> columns) {
        Set<String> names = new HashSet<>();
        for (ColumnEncoding c : columns) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("column " + c.name() + " is encoded twice");
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no columns to encode");
        }
        return new FeatureEncoding(columns);
    }

    /** Number columns read as they are, a missing cell an error: what a model without an encoding does. */
    public static FeatureEncoding plain(List<String> names) {
        return of(names.stream().map(n -> ColumnEncoding.number(n, Double.NaN)).toList());
    }

    /**
     * Learns the encoding of {@code table}'s feature columns from the rows {@code trainRows}: a categorical
     * column's categories (and whether it has a missing category), a number column's fill value.
     *
     * @param missing how a number column's missing cells are filled: {@link MissingValues#MEAN} or
     *                {@link MissingValues#MEDIAN}; otherwise (no missing cells are left) not at all
     * @throws DataException when a number column has no value in the training rows to fill its missing cells with
     */
    public static FeatureEncoding fit(CsvTable table, int[] trainRows, MissingValues missing) {
        List<ColumnEncoding> encoded = new ArrayList<>();
        for (int j = 0; j < table.columns().size(); j++) {
            String name = table.columns().get(j);
            List<String> present = table.present(j, trainRows);
            if (table.isCategorical(j)) {
                encoded.add(ColumnEncoding.categorical(name, ColumnEncoding.ordered(new HashSet<>(present)),
                        present.size() < trainRows.length));
            } else if (missing == MissingValues.MEAN || missing == MissingValues.MEDIAN) {
                if (present.isEmpty()) {
                    throw new DataException(table.where() + ": " + table.column(j) + ": no value in the " + trainRows.length
                            + " training rows to fill its missing cells with; leave the column out with --features");
                }
                double[] values = present.stream().mapToDouble(ColumnEncoding::number).toArray();
                encoded.add(ColumnEncoding.number(name, missing == MissingValues.MEAN ? mean(values) : median(values)));
            } else {
                encoded.add(ColumnEncoding.number(name, Double.NaN));
            }
        }
        return of(encoded);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The middle value, or the mean of the two middle values for an even count. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The columns' encodings, in input order. */
    public List<ColumnEncoding> columns() {
        return columns;
    }

    /** The columns it reads, by name, in order. */
    public List<String> names() {
        return columns.stream().map(ColumnEncoding::name).toList();
    }

    /** The names of the network's inputs: {@code age, fare, sex=female, sex=male}. */
    public List<String> inputNames() {
        return columns.stream().flatMap(c -> c.inputNames().stream()).toList();
    }

    /** The number of network inputs. */
    public int width() {
        return columns.stream().mapToInt(ColumnEncoding::width).sum();
    }

    /** Whether it reads numbers as they are and has no fill values: what a model file without an encoding means. */
    public boolean isPlain() {
        return columns.stream().noneMatch(c -> c.categorical() || !Double.isNaN(c.fill()));
    }

    /** Whether it one-hot encodes some column. */
    public boolean hasCategories() {
        return columns.stream().anyMatch(ColumnEncoding::categorical);
    }

    /** For each network input, whether it is a one-hot input (left as it is by standardization). */
    public boolean[] oneHotInputs() {
        boolean[] oneHot = new boolean[width()];
        int k = 0;
        for (ColumnEncoding c : columns) {
            Arrays.fill(oneHot, k, k + c.width(), c.categorical());
            k += c.width();
        }
        return oneHot;
    }

    /**
     * Encodes every row of {@code table} into a dataset with its labels.
     *
     * @param unseen counts, per column, the cells whose category was not seen in training (all inputs 0)
     * @throws DataException naming the file, line and column of a cell that cannot be encoded
     */
    public Dataset encode(CsvTable table, int[] unseen) {
        int[] identity = new int[columns.size()];
        Arrays.setAll(identity, j -> j);
        double[][] features = encode(table.cells(), identity, table::at, unseen);
        return table.labels().withColumns(inputNames(), features);
    }

    /**
     * Encodes rows of text cells.
     *
     * @param rows    the rows
     * @param columns for each encoded column, the index of its cell in a row
     * @param at      for row {@code i} and encoded column {@code j}, where that cell is
     *                ({@code file:line: column N "name": }), for messages
     * @param unseen  counts, per encoded column, the cells whose category was not seen in training
     * @throws DataException at the first cell that cannot be encoded (a missing value without a fill, not a number)
     */
    public double[][] encode(List<String[]> rows, int[] columns, BiFunction<Integer, Integer, String> at, int[] unseen) {
        double[][] out = new double[rows.size()][width()];
        for (int i = 0; i < out.length; i++) {
            String[] row = rows.get(i);
            for (int j = 0, k = 0; j < this.columns.size(); k += this.columns.get(j).width(), j++) {
                try {
                    if (!this.columns.get(j).encode(row[columns[j]], out[i], k)) {
                        unseen[j]++;
                    }
                } catch (IllegalArgumentException e) {
                    throw new DataException(at.apply(i, j) + e.getMessage());
                }
            }
        }
        return out;
    }

    /**
     * The columns as the console shows them: {@code age, fare, sex (2 categories → 2 columns)}; a missing
     * category is counted as {@code 3 categories + missing → 4 columns}.
     */
    public String describe() {
        return columns.stream().map(c -> !c.categorical() ? c.name()
                : c.name() + " (" + c.categories().size() + (c.categories().size() == 1 ? " category" : " categories")
                        + (c.missingCategory() ? " + missing" : "") + " → " + c.width()
                        + (c.width() == 1 ? " column)" : " columns)"))
                .collect(Collectors.joining(", "));
    }

    /**
     * One line per column, for the metrics file: {@code age: number, missing → 29.5},
     * {@code sex: categories [female, male]}, {@code port: categories [C, Q, S, (missing)]}.
     */
    public List<String> summary() {
        return columns.stream().map(c -> c.name() + ": " + (c.categorical()
                ? "categories " + c.inputNames().stream().map(n -> n.substring(c.name().length() + 1)).toList()
                : Double.isNaN(c.fill()) ? "number" : "number, missing → " + fmt(c.fill()))).toList();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceFirst("\\.?0+(e|$)", "$1");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureEncoding other && other.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns);
    }

    @Override
    public String toString() {
        return describe();
    }
}
