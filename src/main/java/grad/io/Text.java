package grad.io;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Quoting for one-line messages: what the user typed or a file held, shown safely and briefly. */
public final class Text {
    /** Values longer than this are cut. */
    private static final int MAX_CHARS = 40;
    /** Lists longer than this are cut. */
    private static final int MAX_LISTED = 12;

    private Text() {
    }

    /**
     * {@code x} with {@code places} digits after the point, as {@code String.format(Locale.ROOT, "%.4f", x)}
     * writes it (the shortest digits of {@code x}, rounded half up), without {@link java.util.Formatter},
     * whose first use costs a short command about 50 ms of a cold start.
     */
    public static String fixed(double x, int places) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        String digits = new BigDecimal(Double.toString(Math.abs(x))).setScale(places, RoundingMode.HALF_UP).toPlainString();
        return Double.doubleToRawLongBits(x) < 0 ? "-" + digits : digits;
    }

    /** {@code n} right-aligned in {@code width} characters (as {@code %4d} writes it). */
    public static String padded(long n, int width) {
        String s = Long.toString(n);
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** {@code "text"}, with quotes, backslashes and control characters escaped, cut if long. */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        int end = Math.min(text.length(), MAX_CHARS);
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

    /**
     * A name as it is, unless it holds a line break or another control character, which would break a
     * line or a table: then {@link #quote quoted}, e.g. {@code "a\nb"}.
     */
    public static String label(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                return quote(name);
            }
        }
        return name;
    }

    /** The names quoted and comma-separated, cut after a dozen with the total: {@code "a", "b", ... (20)}. */
    public static String list(List<String> names) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(names.size(), MAX_LISTED);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(quote(names.get(i)));
        }
        if (shown < names.size()) {
            sb.append(", ... (").append(names.size()).append(")");
        }
        return sb.toString();
    }
}
