package grad.io;

import grad.GradException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The one CSV reader training and {@code predict} share: the records of a text, read with Apache Commons
 * CSV (blank lines skipped), each with the line it starts on; a malformed file fails with one line,
 * {@code points.csv:3: malformed CSV: Invalid character between encapsulated token and delimiter}.
 */
public final class CsvRecords {
    /** Where Commons CSV's error messages say the problem is: "(startline 3)" or "at line: 3". */
    private static final Pattern CSV_ERROR_LINE = Pattern.compile("\\((?:start)?line (\\d+)\\)|at line: (\\d+)");

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
     * @throws GradException {@code where:line: malformed CSV: reason}
     */
    public static List<Row> parse(String text, char delimiter, String where) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .get();
        LineIndex lines = new LineIndex(text);
        List<Row> rows = new ArrayList<>();
        CSVParser parser = null;
        try {
            parser = CSVParser.parse(text, format);
            for (CSVRecord record : parser) {
                rows.add(new Row(lines.lineOf(record.getCharacterPosition()), record.values()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            long line = errorLine(e, parser == null ? 1 : parser.getCurrentLineNumber());
            throw new GradException(where + ":" + line + ": malformed CSV: " + reason(e), e);
        }
        return rows;
    }

    /** The line Commons CSV names in its message (where a bad quoted field starts), else its current line. */
    private static long errorLine(Exception e, long currentLine) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = CSV_ERROR_LINE.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        return Math.max(1, currentLine);
    }

    /**
     * Commons CSV's explanation, without its own "(line N)" and "at line: N, position: M" parts, nor the
     * class name a wrapped exception's message starts with.
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
