package grad.data;

import java.util.List;

/** Small helpers that keep every error message on one line. */
final class Messages {
    /** Values longer than this are cut in messages. */
    private static final int MAX_VALUE_CHARS = 40;
    /** Column lists longer than this are cut in messages. */
    private static final int MAX_LISTED_COLUMNS = 12;

    private Messages() {
    }

    /** {@code "text"}, with quotes, backslashes and control characters escaped, cut if long. */
    static String quote(String text) {
        StringBuilder sb = new StringBuilder("\"");
        int end = Math.min(text.length(), MAX_VALUE_CHARS);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.isSurrogate(c)
                            || Character.getType(c) == Character.LINE_SEPARATOR
                            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        if (end < text.length()) {
            sb.append("...");
        }
        return sb.append('"').toString();
    }

    /** {@code column 3 "petal_width"}: the 1-based number and the name of a column. */
    static String column(int index, String name) {
        return "column " + (index + 1) + " " + quote(name);
    }

    /** The column names, comma-separated, cut after a dozen. */
    static String columnList(List<String> names) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(names.size(), MAX_LISTED_COLUMNS);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(quote(names.get(i)));
        }
        if (shown < names.size()) {
            sb.append(", ... (").append(names.size()).append(" columns)");
        }
        return sb.toString();
    }
}
