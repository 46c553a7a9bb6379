package grad.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file's rows as read, before its features are encoded: the labels already parsed (as a dataset
 * without features), the feature cells still text. {@link FeatureEncoding#fit} learns an encoding from some
 * of its rows (the training rows) and {@link FeatureEncoding#encode(CsvTable)} turns all of them into a
 * {@link Dataset}.
 *
 * @param where       the file's name, for messages
 * @param labels      every kept row's class or target, with the dataset's name and classes; no features
 * @param labelName   the label column's name
 * @param columns     the feature columns' names, in the order wanted
 * @param fileColumns each feature column's 0-based index in the file
 * @param categorical whether each feature column is categorical (text), else numbers
 * @param cells       each kept row's feature cells, in {@code columns} order, spaces around stripped
 * @param lines       the line each kept row starts on
 * @param dropped     the rows left out, and why
 */
public record CsvTable(String where, Dataset labels, String labelName, List<String> columns, int[] fileColumns,
                       boolean[] categorical, List<String[]> cells, long[] lines, Dropped dropped) {

    /**
     * The rows a file had but the table leaves out.
     *
     * @param unlabelled rows whose label is missing (always left out)
     * @param missing    rows with a missing feature, left out by {@code --missing drop}
     */
    public record Dropped(int unlabelled, int missing) {
    }

    /** Copies the arrays and the list. */
    public CsvTable {
        fileColumns = fileColumns.clone();
        categorical = categorical.clone();
        cells = List.copyOf(cells);
        lines = lines.clone();
    }

    /** The number of rows kept. */
    public int size() {
        return cells.size();
    }

    /** Whether feature column {@code j} is categorical. */
    public boolean isCategorical(int j) {
        return categorical[j];
    }

    /** The line row {@code i} starts on. */
    public long line(int i) {
        return lines[i];
    }

    /** {@code file:line: column N "name": }: where row {@code i}'s cell of feature column {@code j} is. */
    public String at(int i, int j) {
        return where + ":" + lines[i] + ": " + Messages.column(fileColumns[j], columns.get(j)) + ": ";
    }

    /** {@code column N "name"} for feature column {@code j}. */
    String column(int j) {
        return Messages.column(fileColumns[j], columns.get(j));
    }

    /** How many cells of each feature column are missing, over all kept rows. */
    public int[] missingCounts() {
        int[] counts = new int[columns.size()];
        for (String[] row : cells) {
            for (int j = 0; j < counts.length; j++) {
                counts[j] += MissingValues.isMissing(row[j]) ? 1 : 0;
            }
        }
        return counts;
    }

    /** The texts of feature column {@code j} in {@code rows}, missing cells left out. */
    List<String> present(int j, int[] rows) {
        List<String> values = new ArrayList<>();
        for (int i : rows) {
            String cell = cells.get(i)[j];
            if (!MissingValues.isMissing(cell)) {
                values.add(cell);
            }
        }
        return values;
    }
}
