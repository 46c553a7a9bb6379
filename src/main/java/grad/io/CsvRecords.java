package grad.io;

import grad.GradException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The one CSV reader training and {@code predict} share: the records of a text, read with Apache Commons
 * CSV (blank lines skipped), each with the line it starts on; a malformed file fails with one line,
 * {@code points.csv:3: malformed CSV: Invalid character between encapsulated token and delimiter}.
 */
public final class CsvRecords {
    private CsvRecords() {
    }

    /**
     * A record and the line it starts on.
     *
     * @param line   the line, from 1
     * @param fields the fields, as text
     */
    public record Row(long line, String[] fields) {
    }

    /**
     * Every record of {@code text}.
     *
     * @param where the file's name, for messages
     * @throws GradException {@code where:line: malformed CSV: reason}, the line being where the record that
     *                       Commons CSV could not read starts
     */
    public static List<Row> parse(String text, char delimiter, String where) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .get();
        LineIndex lines = new LineIndex(text);
        List<Row> rows = new ArrayList<>();
        long lastGoodEnd = 0; // the line the last record read ends on (0: none yet)
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                rows.add(new Row(lines.lineOf(record.getCharacterPosition()), record.values()));
                lastGoodEnd = parser.getCurrentLineNumber();
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            long line = lines.firstRecordLineAfter(lastGoodEnd);
            throw new GradException(where + ":" + line + ": malformed CSV: " + reason(e), e);
        }
        return rows;
    }

    /**
     * Commons CSV's explanation, without its own "(line N)" and "at line: N, position: M" parts (the line
     * reported is the record's, from the parser's positions), nor the class name a wrapped exception's
     * message starts with.
     */
    private static String reason(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && (t instanceof UncheckedIOException || t.getMessage() == null
                || t.getMessage().equals(t.getCause().toString()))) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? "" : t.getMessage();
        m = m.replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error): ?", "")
                .replaceAll("\\((?:start)?line \\d+\\)\\s*", "")
                .replaceAll("\\s*at line: \\d+, position: [\\d,]+", "")
                .replaceAll("\\s+", " ")
                .strip();
        return m.isEmpty() ? "unreadable record" : m;
    }
}
