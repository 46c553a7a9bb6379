package grad.io;

import java.util.Arrays;

/** The 1-based line of each character position of a text, lines ending with {@code \n}, {@code \r\n} or {@code \r}. */
public final class LineIndex {
    private final String text;
    /** Where each line starts. */
    private final int[] starts;

    /** Finds where each line of {@code text} starts. */
    public LineIndex(String text) {
        this.text = text;
        int[] s = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineEnd = c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
            if (lineEnd) {
                if (count == s.length) {
                    s = Arrays.copyOf(s, count * 2);
                }
                s[count++] = i + 1;
            }
        }
        starts = Arrays.copyOf(s, count);
    }

    /**
     * The line of a CSV record that the parser says starts at {@code position}, which may be the line break
     * of a blank line before it: the line of the first character at or after it that is not a line break.
     */
    public long lineOf(long position) {
        int p = (int) Math.min(position, text.length());
        while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
            p++;
        }
        int i = Arrays.binarySearch(starts, p);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /**
     * Where the record after one that ends on {@code line} starts (blank lines skipped), for a record the
     * parser could not read: line 1 if {@code line} is 0, past the text's last line if none is left.
     */
    public long firstRecordLineAfter(long line) {
        if (line >= starts.length) {
            return starts.length + 1L;
        }
        return lineOf(starts[(int) line]);
    }
}
