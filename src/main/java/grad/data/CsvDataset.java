package grad.data;

import grad.GradException;
import grad.io.DecimalNumber;
import grad.io.CsvRecords;
import grad.io.CsvRecords.Row;
import grad.io.TextFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a CSV file with a header row into a {@link Dataset}, with Apache Commons CSV.
 *
 * <p>The file must be UTF-8 (a byte-order mark is allowed). The first non-empty row names the
 * columns; blank lines are skipped. Feature values must be finite decimal numbers such as {@code 3},
 * {@code -0.5} or {@code 1e-3}. Labels may be any text ({@code setosa}) or numbers.
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

    private static final Pattern NON_FINITE =
            Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

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
     * Reads {@code file} as the options say, keeping the label column's name.
     *
     * @throws DataException naming the file, line and column of the first problem
     */
    public static Labelled readLabelled(Path file, CsvOptions options) {
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
        int n = rows.size() - 1;
        double[][] features = new double[n][featureColumns.length];
        String[] labels = new String[n];
        readRows(rows, header, featureColumns, labelColumn, where, features, labels);
        List<String> featureNames = new ArrayList<>();
        for (int c : featureColumns) {
            featureNames.add(header.get(c));
        }
        String labelWhere = Messages.column(labelColumn, header.get(labelColumn));
        Dataset data = dataset(baseName(file), featureNames, features, labels, options.task(), rows, where, labelWhere);
        return new Labelled(data, header.get(labelColumn));
    }

    /** Fills {@code features} and {@code labels} from the data rows (every row but the header). */
    private static void readRows(List<Row> rows, List<String> header, int[] featureColumns, int labelColumn,
                                 String where, double[][] features, String[] labels) {
        for (int i = 0; i < labels.length; i++) {
            Row row = rows.get(i + 1);
            String at = where + ":" + row.line() + ": ";
            if (row.fields().length != header.size()) {
                throw new DataException(at + "expected " + header.size() + " fields, found " + row.fields().length);
            }
            for (int j = 0; j < featureColumns.length; j++) {
                int c = featureColumns[j];
                features[i][j] = number(row.fields()[c], at + Messages.column(c, header.get(c)) + ": ");
            }
            labels[i] = row.fields()[labelColumn].strip();
            if (labels[i].isEmpty()) {
                throw new DataException(at + Messages.column(labelColumn, header.get(labelColumn)) + ": missing label");
            }
        }
    }

    /** The rows as regression (numeric labels) or classes, as the task says or the labels suggest. */
    private static Dataset dataset(String name, List<String> featureNames, double[][] features, String[] labels,
                                   Task task, List<Row> rows, String where, String labelWhere) {
        int n = labels.length;
        boolean regression = switch (task) {
            case CLASSIFY -> false;
            case REGRESSION -> true;
            case AUTO -> looksLikeRegression(labels);
        };
        if (regression) {
            double[] targets = new double[n];
            for (int i = 0; i < n; i++) {
                targets[i] = number(labels[i], where + ":" + rows.get(i + 1).line() + ": " + labelWhere + ": ");
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
        String s = field.strip();
        if (s.isEmpty()) {
            throw new DataException(at + "missing value");
        }
        if (DecimalNumber.matches(s)) {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v)) {
                return v;
            }
            throw new DataException(at + "number too large: " + Messages.quote(s));
        }
        if (NON_FINITE.matcher(s).matches()) {
            throw new DataException(at + "not a finite number: " + Messages.quote(s));
        }
        throw new DataException(at + "not a number: " + Messages.quote(s));
    }

    /** A finite decimal number, or null. */
    private static Double numberOrNull(String s) {
        if (!DecimalNumber.matches(s)) {
            return null;
        }
        double v = Double.parseDouble(s);
        return Double.isFinite(v) ? v : null;
    }

    /** The {@link Task#AUTO} rule: all numbers, and some non-integral or more than 20 distinct. */
    private static boolean looksLikeRegression(String[] labels) {
        Set<Double> distinct = new HashSet<>();
        boolean fractional = false;
        for (String label : labels) {
            Double v = numberOrNull(label);
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
        Set<String> distinct = new HashSet<>(Arrays.asList(labels));
        boolean numeric = distinct.stream().allMatch(s -> numberOrNull(s) != null);
        Comparator<String> order = numeric
                ? Comparator.<String>comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
        TreeMap<String, Boolean> sorted = new TreeMap<>(order);
        for (String s : distinct) {
            sorted.put(s, true);
        }
        return List.copyOf(sorted.keySet());
    }

    /** {@code iris} for {@code data/iris.csv}. */
    static String baseName(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? file.toString() : fileName.toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
