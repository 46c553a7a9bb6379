package grad.data;

import grad.GradException;
import grad.io.CsvRecords;
import grad.io.CsvRecords.Row;
import grad.io.TextFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CSV file with a header row into a {@link Dataset}, with Apache Commons CSV.
 *
 * <p>The file must be UTF-8 (a byte-order mark is allowed). The first non-empty row names the
 * columns; blank lines are skipped. Number features are finite decimal numbers such as {@code 3},
 * {@code -0.5} or {@code 1e-3}; a column with other text is categorical (one-hot encoded, see
 * {@link FeatureEncoding}) unless {@link CsvOptions#categoricalAuto()} is off, and missing cells (empty,
 * {@code NA}, {@code NaN}, {@code ?}) are handled as {@link CsvOptions#missing()} says. Labels may be any
 * text ({@code setosa}) or numbers; a row without one is left out.
 *
 * <p><b>Classification or regression.</b> With {@link Task#AUTO}, the dataset is regression when every
 * label is a finite number and either some label is not a whole number ({@code 2.5}) or there are more
 * than {@value #MAX_AUTO_CLASSES} distinct labels; otherwise it is classification. So {@code 0/1/2}
 * labels are classes and house prices are regression.
 *
 * <p><b>Class order.</b> Each distinct label text is a class, named by that text. If every label is a
 * number, classes are in numeric order ({@code 2} before {@code 10}); otherwise in lexicographic
 * ({@link String#compareTo}) order. So the class indices do not depend on the order of the rows.
 *
 * <p>Every problem is reported as a {@link DataException} whose message is one line of the form
 * {@code file:line: column N "name": problem}, e.g. {@code iris.csv:7: column 3 "petal_width": not a
 * number: "abc"}. Lines and columns count from 1, as in an editor.
 */
public final class CsvDataset {
    /** With {@link Task#AUTO}, integer labels with more distinct values than this mean regression. */
    public static final int MAX_AUTO_CLASSES = 20;

    private CsvDataset() {
    }

    /** Reads {@code file} with {@link CsvOptions#defaults()}: label = last column, task decided from the labels. */
    public static Dataset read(Path file) {
        return read(file, CsvOptions.defaults());
    }

    /**
     * Reads {@code file} as the options say.
     *
     * @throws DataException naming the file, line and column of the first problem
     */
    public static Dataset read(Path file, CsvOptions options) {
        return readLabelled(file, options).data();
    }

    /**
     * A CSV file's data and the name of its label column (as the header row spells it).
     *
     * @param data      the rows, as {@link #read(Path, CsvOptions)} reads them
     * @param labelName the label column's name
     */
    public record Labelled(Dataset data, String labelName) {
    }

    /**
     * Reads {@code file} as the options say, keeping the label column's name. The feature encoding (categories,
     * fill values) is learned from <em>all</em> its rows; a training run learns it from the training rows
     * only, with {@link #readTable} and {@link FeatureEncoding#fit}.
     *
     * @throws DataException naming the file, line and column of the first problem
     */
    public static Labelled readLabelled(Path file, CsvOptions options) {
        CsvTable table = readTable(file, options);
        int[] all = new int[table.size()];
        Arrays.setAll(all, i -> i);
        FeatureEncoding encoding = FeatureEncoding.fit(table, all, options.missing());
        return new Labelled(encoding.encode(table, new int[table.columns().size()]), table.labelName());
    }

    /**
     * Reads {@code file} as the options say, its feature cells still text: rows without a label left out,
     * with {@link MissingValues#DROP} rows with a missing feature too, each column found to be numbers or
     * categories, every number checked.
     *
     * @throws DataException naming the file, line and column of the first problem
     * @throws GradException with exit code 2 when {@code --categorical-columns} names a column that is not a feature
     */
    public static CsvTable readTable(Path file, CsvOptions options) {
        String where = file.toString();
        List<Row> rows = parse(readText(file), options.delimiter(), where);
        if (rows.isEmpty()) {
            throw new DataException(where + ":1: empty file, expected a header row and data rows");
        }
        Row headerRow = rows.get(0);
        List<String> header = header(headerRow, where);
        if (rows.size() == 1) {
            throw new DataException(where + ":" + headerRow.line() + ": only a header row, no data rows");
        }
        String at1 = where + ":" + headerRow.line() + ": ";
        int labelColumn = labelColumn(options.label(), header, at1);
        int[] featureColumns = featureColumns(options.features(), header, labelColumn, at1);
        List<String> names = new ArrayList<>();
        for (int c : featureColumns) {
            names.add(header.get(c));
        }
        boolean[] forced = forcedCategorical(options.categoricalColumns(), header, labelColumn, names, where);
        Kept kept = keptRows(rows, header, featureColumns, labelColumn, options.missing(), where);
        if (kept.cells().isEmpty()) {
            throw new DataException(where + ": no rows left: " + kept.dropped().unlabelled() + " without a label in "
                    + Messages.column(labelColumn, header.get(labelColumn)) + ", " + kept.dropped().missing()
                    + " with a missing feature (--missing drop)");
        }
        boolean[] categorical = kinds(kept.cells(), forced, options.categoricalAuto());
        String[] at = new String[names.size()];
        Arrays.setAll(at, j -> Messages.column(featureColumns[j], names.get(j)) + ": ");
        checkCells(kept, categorical, names, at, where);
        String labelWhere = Messages.column(labelColumn, header.get(labelColumn));
        Dataset labels = dataset(baseName(file), kept.labels(), options.task(), kept.lines(), where, labelWhere);
        return new CsvTable(where, labels, header.get(labelColumn), names, featureColumns, categorical, kept.cells(),
                kept.lines(), kept.dropped());
    }

    /**
     * The data rows a table keeps, and how many it leaves out.
     *
     * @param cells   each kept row's feature cells, stripped
     * @param labels  each kept row's label text
     * @param lines   the line each kept row starts on
     * @param dropped the rows left out
     */
    private record Kept(List<String[]> cells, String[] labels, long[] lines, CsvTable.Dropped dropped) {
    }

    /**
     * The data rows (every row but the header) with a label, and with {@link MissingValues#DROP} without a
     * missing feature; with {@link MissingValues#ERROR} a missing feature is an error.
     */
    private static Kept keptRows(List<Row> rows, List<String> header, int[] featureColumns, int labelColumn,
                                 MissingValues missing, String where) {
        List<String[]> cells = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        int unlabelled = 0;
        int dropped = 0;
        for (Row row : rows.subList(1, rows.size())) {
            String at = where + ":" + row.line() + ": ";
            if (row.fields().length != header.size()) {
                throw new DataException(at + "expected " + header.size() + " fields, found " + row.fields().length);
            }
            String label = row.fields()[labelColumn].strip();
            if (MissingValues.isMissing(label)) {
                unlabelled++;
                continue;
            }
            String[] features = new String[featureColumns.length];
            boolean complete = true;
            for (int j = 0; j < featureColumns.length; j++) {
                int c = featureColumns[j];
                features[j] = row.fields()[c].strip();
                if (MissingValues.isMissing(features[j])) {
                    if (missing == MissingValues.ERROR) {
                        throw new DataException(at + Messages.column(c, header.get(c)) + ": missing value");
                    }
                    complete = false;
                }
            }
            if (!complete && missing == MissingValues.DROP) {
                dropped++;
                continue;
            }
            cells.add(features);
            labels.add(label);
            lines.add(row.line());
        }
        return new Kept(cells, labels.toArray(String[]::new), lines.stream().mapToLong(Long::longValue).toArray(),
                new CsvTable.Dropped(unlabelled, dropped));
    }

    /**
     * Which feature columns {@code --categorical-columns} makes categorical.
     *
     * @throws GradException with exit code 2 for a name that is not one of the feature columns
     */
    private static boolean[] forcedCategorical(List<String> wanted, List<String> header, int labelColumn,
                                               List<String> features, String where) {
        boolean[] forced = new boolean[features.size()];
        for (String w : wanted) {
            String name = w.strip();
            int j = features.indexOf(name);
            if (j < 0) {
                String why = header.get(labelColumn).equals(name) ? " is the label column; only features can be categorical"
                        : header.contains(name) ? " is not one of the feature columns (" + Messages.columnList(features) + ")"
                        : " is not a column of " + where + " (columns: " + Messages.columnList(header) + ")";
                throw new GradException("--categorical-columns: " + Messages.quote(name) + why, 2, null);
            }
            forced[j] = true;
        }
        return forced;
    }

    /**
     * Which columns are categorical: those forced, and with {@code auto} those with a cell that is not written
     * as a number (a missing cell is neither).
     */
    private static boolean[] kinds(List<String[]> cells, boolean[] forced, boolean auto) {
        boolean[] categorical = forced.clone();
        for (int j = 0; j < categorical.length && auto; j++) {
            for (int i = 0; i < cells.size() && !categorical[j]; i++) {
                String cell = cells.get(i)[j];
                categorical[j] = !MissingValues.isMissing(cell) && !ColumnEncoding.looksNumeric(cell);
            }
        }
        return categorical;
    }

    /**
     * Checks every cell in file order: a number column's cells are numbers (or missing), a categorical
     * column has fewer than {@link FeatureEncoding#MAX_DISTINCT} distinct values.
     *
     * @param names the feature columns' names
     * @param at    each column's {@code column N "name": }, for messages
     */
    private static void checkCells(Kept kept, boolean[] categorical, List<String> names, String[] at, String where) {
        List<Set<String>> distinct = new ArrayList<>();
        for (int j = 0; j < categorical.length; j++) {
            distinct.add(new HashSet<>());
        }
        for (int i = 0; i < kept.cells().size(); i++) {
            String[] row = kept.cells().get(i);
            for (int j = 0; j < row.length; j++) {
                if (MissingValues.isMissing(row[j])) {
                    continue;
                }
                if (categorical[j]) {
                    distinct.get(j).add(row[j]);
                } else {
                    number(row[j], where + ":" + kept.lines()[i] + ": " + at[j]);
                }
            }
        }
        for (int j = 0; j < categorical.length; j++) {
            int n = distinct.get(j).size();
            if (categorical[j] && n >= FeatureEncoding.MAX_DISTINCT) {
                List<String> others = new ArrayList<>(names);
                others.remove(j);
                throw new DataException(where + ": " + at[j] + n + " distinct text values (at most "
                        + (FeatureEncoding.MAX_DISTINCT - 1) + " categories); an identifier? leave it out with --features "
                        + String.join(",", others));
            }
        }
    }

    /** The rows as regression (numeric labels) or classes, as the task says or the labels suggest. */
    private static Dataset dataset(String name, String[] labels, Task task, long[] lines, String where,
                                   String labelWhere) {
        List<String> featureNames = List.of();
        double[][] features = new double[labels.length][0];
        int n = labels.length;
        boolean regression = switch (task) {
            case CLASSIFY -> false;
            case REGRESSION -> true;
            case AUTO -> looksLikeRegression(labels);
        };
        if (regression) {
            double[] targets = new double[n];
            for (int i = 0; i < n; i++) {
                targets[i] = number(labels[i], where + ":" + lines[i] + ": " + labelWhere + ": ");
            }
            return Dataset.regression(name, featureNames, features, targets);
        }
        List<String> classNames = classNames(labels);
        if (classNames.size() < 2) {
            throw new DataException(where + ": " + labelWhere + ": only one class, " + Messages.quote(classNames.get(0))
                    + ", in " + n + " rows; classification needs at least two");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < classNames.size(); k++) {
            index.put(classNames.get(k), k);
        }
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            classes[i] = index.get(labels[i]);
        }
        return Dataset.classification(name, featureNames, features, classes, classNames);
    }

    /** The whole file as text (see {@link TextFiles}), its problems as DataExceptions. */
    private static String readText(Path file) {
        try {
            return TextFiles.read(file, "CSV file");
        } catch (GradException e) {
            throw new DataException(e.getMessage(), e.getCause());
        }
    }

    /** Every record, with the line it starts on (see {@link CsvRecords}); its failures as DataExceptions. */
    private static List<Row> parse(String text, char delimiter, String where) {
        try {
            return CsvRecords.parse(text, delimiter, where);
        } catch (GradException e) {
            throw new DataException(e.getMessage(), e.getCause());
        }
    }

    /** The column names: none empty, no two the same. */
    private static List<String> header(Row row, String where) {
        String at = where + ":" + row.line() + ": ";
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < row.fields().length; c++) {
            String name = row.fields()[c].strip();
            if (name.isEmpty()) {
                throw new DataException(at + "column " + (c + 1) + ": empty column name in the header row");
            }
            Integer first = seen.putIfAbsent(name, c);
            if (first != null) {
                throw new DataException(at + Messages.column(c, name) + ": duplicate column name (also column "
                        + (first + 1) + ")");
            }
            names.add(name);
        }
        return names;
    }

    private static int labelColumn(String label, List<String> header, String at) {
        if (label == null) {
            return header.size() - 1;
        }
        String key = label.strip();
        int byName = header.indexOf(key);
        if (byName >= 0) {
            return byName;
        }
        if (key.matches("[0-9]+")) {
            int index = key.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(key);
            if (index >= header.size()) {
                throw new DataException(at + "label column index " + key + " is out of range: "
                        + header.size() + " columns, indices 0-" + (header.size() - 1) + ": "
                        + Messages.columnList(header));
            }
            return index;
        }
        throw new DataException(at + "no label column " + Messages.quote(label) + "; columns: "
                + Messages.columnList(header));
    }

    private static int[] featureColumns(List<String> wanted, List<String> header, int labelColumn, String at) {
        if (wanted.isEmpty()) {
            if (header.size() == 1) {
                throw new DataException(at + "no feature columns: the only column, "
                        + Messages.quote(header.get(0)) + ", is the label");
            }
            int[] columns = new int[header.size() - 1];
            for (int c = 0, j = 0; c < header.size(); c++) {
                if (c != labelColumn) {
                    columns[j++] = c;
                }
            }
            return columns;
        }
        int[] columns = new int[wanted.size()];
        Set<Integer> used = new HashSet<>();
        for (int j = 0; j < wanted.size(); j++) {
            String name = wanted.get(j) == null ? "" : wanted.get(j).strip();
            int c = header.indexOf(name);
            if (c < 0) {
                throw new DataException(at + "no feature column " + Messages.quote(name) + "; columns: "
                        + Messages.columnList(header));
            }
            if (c == labelColumn) {
                throw new DataException(at + Messages.column(c, name)
                        + " is the label column, it cannot also be a feature");
            }
            if (!used.add(c)) {
                throw new DataException(at + Messages.column(c, name) + " is listed twice as a feature");
            }
            columns[j] = c;
        }
        return columns;
    }

    /** A finite decimal number; {@code at} ("file:line: column N "name": ") prefixes the error. */
    private static double number(String field, String at) {
        try {
            return ColumnEncoding.number(field);
        } catch (IllegalArgumentException e) {
            throw new DataException(at + e.getMessage());
        }
    }

    /** The {@link Task#AUTO} rule: all numbers, and some non-integral or more than 20 distinct. */
    private static boolean looksLikeRegression(String[] labels) {
        Set<Double> distinct = new HashSet<>();
        boolean fractional = false;
        for (String label : labels) {
            Double v = ColumnEncoding.numberOrNull(label);
            if (v == null) {
                return false;
            }
            fractional |= v != Math.rint(v);
            distinct.add(v);
        }
        return fractional || distinct.size() > MAX_AUTO_CLASSES;
    }

    /** The distinct labels: numeric order if all are numbers, else lexicographic. */
    private static List<String> classNames(String[] labels) {
        return ColumnEncoding.ordered(new HashSet<>(Arrays.asList(labels)));
    }

    /** {@code iris} for {@code data/iris.csv}. */
    static String baseName(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? file.toString() : fileName.toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
