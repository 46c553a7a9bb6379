package grad.model;

import grad.io.DecimalNumber;
import grad.io.CsvRecords;
import grad.io.Text;
import grad.io.TextFiles;
import grad.GradException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a CSV file with a header, read with {@link CsvRecords}, as text: what {@code predict}
 * reads and passes through.
 *
 * @param where     the file's name, for messages
 * @param delimiter the field delimiter
 * @param header    the column names, as in the file
 * @param rows      the data rows, each with one field per column
 * @param lines     the line each data row starts on (from 1)
 */
record InputCsv(String where, char delimiter, List<String> header, List<String[]> rows, long[] lines) {

    /**
     * Reads {@code file}: a header row, then rows of as many fields; blank lines are skipped.
     *
     * @throws GradException naming the file and line of the first problem
     */
    static InputCsv read(Path file, char delimiter) {
        String where = file.toString();
        String text = TextFiles.read(file, "CSV file");
        List<String[]> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        for (CsvRecords.Row row : CsvRecords.parse(text, delimiter, where)) {
            records.add(row.fields());
            lines.add(row.line());
        }
        if (records.isEmpty()) {
            throw new GradException(where + ": empty file, expected a header row and data rows");
        }
        List<String> header = List.of(records.get(0));
        checkHeader(header, where + ":" + lines.get(0) + ": ");
        if (records.size() == 1) {
            throw new GradException(where + ": only a header row, no data rows");
        }
        long[] rowLines = new long[records.size() - 1];
        for (int i = 1; i < records.size(); i++) {
            rowLines[i - 1] = lines.get(i);
            if (records.get(i).length != header.size()) {
                throw new GradException(where + ":" + lines.get(i) + ": expected " + header.size() + " fields, found "
                        + records.get(i).length);
            }
        }
        return new InputCsv(where, delimiter, header, List.copyOf(records.subList(1, records.size())), rowLines);
    }

    /** Every column has a name, and no two the same. */
    private static void checkHeader(List<String> header, String at) {
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).strip();
            if (name.isEmpty()) {
                throw new GradException(at + "column " + (c + 1) + ": empty column name");
            }
            Integer first = seen.putIfAbsent(name, c);
            if (first != null) {
                throw new GradException(at + "column " + (c + 1) + " " + Text.quote(name)
                        + ": duplicate column name (also column " + (first + 1) + ")");
            }
        }
    }

    /** The index of the column called {@code name} (surrounding spaces ignored), or -1. */
    int column(String name) {
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).strip().equals(name)) {
                return c;
            }
        }
        return -1;
    }

    /** The stripped names of the columns. */
    List<String> names() {
        return header.stream().map(String::strip).toList();
    }

    /** {@code file:line: column N "name": }: where field {@code column} of row {@code row} is, for messages. */
    String at(int row, int column) {
        return where + ":" + lines[row] + ": column " + (column + 1) + " " + Text.quote(header.get(column).strip()) + ": ";
    }

    /**
     * Field {@code column} of row {@code row} as a finite decimal number.
     *
     * @throws GradException naming the file, line and column, if it is not one
     */
    double number(int row, int column) {
        String s = rows.get(row)[column].strip();
        if (DecimalNumber.matches(s)) {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v)) {
                return v;
            }
        }
        throw new GradException(at(row, column) + (s.isEmpty() ? "missing value" : "not a finite number: " + Text.quote(s)));
    }
}
