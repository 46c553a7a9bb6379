package grad.model;

import java.util.List;
import java.util.stream.Collectors;

/** Small helpers that keep messages on one line. */
final class Text {
    private static final int MAX_CHARS = 40;
    private static final int MAX_LISTED = 12;

    private Text() {
    }

    /** {@code "text"} with quotes, backslashes and control characters escaped, cut when long. */
    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        int end = Math.min(text.length(), MAX_CHARS);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(end < text.length() ? "...\"" : "\"").toString();
    }

    /** The names quoted and comma-separated, cut after a dozen. */
    static String list(List<String> names) {
        String shown = names.stream().limit(MAX_LISTED).map(Text::quote).collect(Collectors.joining(", "));
        return names.size() > MAX_LISTED ? shown + ", ... (" + names.size() + ")" : shown;
    }
}
