package grad.data;

import java.util.Locale;

/**
 * What to do with a missing feature value: an empty cell (after trimming spaces), {@code NA}, {@code NaN}
 * (any case, as text) or {@code ?}. Whatever the choice, a text column's missing cells are a category of
 * their own, and a row without a label is dropped.
 */
public enum MissingValues {
    /** A number column's missing cells get the mean of its training rows. */
    MEAN,
    /** A number column's missing cells get the median of its training rows. */
    MEDIAN,
    /** Rows with any missing feature are left out. */
    DROP,
    /** A missing feature is an error naming the file, line and column. */
    ERROR;

    /** The name on the command line: {@code mean}, {@code median}, {@code drop}, {@code error}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The choice named {@code text} (any case, spaces around ignored).
     *
     * @throws IllegalArgumentException for any other text
     */
    public static MissingValues parse(String text) {
        String key = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (MissingValues m : values()) {
            if (m.name().equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("not one of mean, median, drop, error: " + text);
    }

    /** Whether a cell counts as missing: empty after trimming, {@code NA}, {@code NaN} (any case) or {@code ?}. */
    public static boolean isMissing(String cell) {
        String s = cell.strip();
        return s.isEmpty() || s.equals("?") || s.equalsIgnoreCase("NA") || s.equalsIgnoreCase("NaN");
    }
}
