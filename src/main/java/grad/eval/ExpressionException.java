package grad.eval;

import grad.GradException;

/**
 * A mistake in an expression or in a variable assignment, with the column it was found at. Its message
 * is one line ({@code column 7: expected ')' to close the '(' at column 1}); {@link #pointer()} shows
 * the expression with a caret under that column. The exit status is 2, as for other usage errors.
 */
public final class ExpressionException extends GradException {
    private static final long serialVersionUID = 1L;
    /** Context shown around the caret when the expression is too long for one line. */
    private static final int WINDOW = 40;

    private final String reason;
    private final String source;
    private final int index;

    /** A mistake at character {@code index} (0-based) of {@code source}. */
    public ExpressionException(String reason, String source, int index) {
        super("column " + (index + 1) + ": " + reason, 2, null);
        this.reason = reason;
        this.source = source;
        this.index = Math.max(0, Math.min(index, source.length()));
    }

    /** What is wrong, without the column. */
    public String reason() {
        return reason;
    }

    /** The 1-based column of the mistake (one past the end for "unexpected end"). */
    public int column() {
        return index + 1;
    }

    /**
     * Two lines: the expression (control characters shown as spaces, and cut to about 80 characters
     * around the mistake when longer) and a caret under the offending column.
     */
    public String pointer() {
        int from = 0;
        int to = source.length();
        String prefix = "";
        String suffix = "";
        if (source.length() > 2 * WINDOW) {
            from = Math.max(0, index - WINDOW);
            to = Math.min(source.length(), index + WINDOW);
            prefix = from > 0 ? "..." : "";
            suffix = to < source.length() ? "..." : "";
        }
        StringBuilder line = new StringBuilder(prefix);
        StringBuilder caret = new StringBuilder(" ".repeat(prefix.length()));
        for (int i = from; i < to; i++) {
            char c = source.charAt(i);
            char shown = c == '\t' ? '\t' : Character.isISOControl(c) ? ' ' : c;
            line.append(shown);
            if (i < index && !Character.isLowSurrogate(c)) {
                caret.append(shown == '\t' ? '\t' : ' ');
            }
        }
        line.append(suffix);
        caret.append('^');
        return "  " + line + System.lineSeparator() + "  " + caret;
    }
}
