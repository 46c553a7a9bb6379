package grad.data;

import grad.io.Text;
import java.util.List;

/** Small helpers that keep every error message on one line. */
final class Messages {
    private Messages() {
    }

    /** {@code "text"}, escaped and cut if long (see {@link Text#quote}). */
    static String quote(String text) {
        return Text.quote(text);
    }

    /** {@code column 3 "petal_width"}: the 1-based number and the name of a column. */
    static String column(int index, String name) {
        return "column " + (index + 1) + " " + quote(name);
    }

    /** The column names, comma-separated, cut after a dozen: {@code "a", "b", ... (20 columns)}. */
    static String columnList(List<String> names) {
        String list = Text.list(names);
        return list.endsWith(")") && names.size() > 12 ? list.substring(0, list.length() - 1) + " columns)" : list;
    }
}
