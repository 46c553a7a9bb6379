package grad.data;

import grad.io.DecimalNumber;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How one input column of a CSV file becomes network inputs: a number column is one input (a missing
 * cell gets {@link #fill()}), a categorical column is one-hot encoded, one input per category, 1 for the
 * row's category and 0 for the others.
 *
 * <p><b>Category order.</b> The categories are sorted: in numeric order when every one is a number
 * ({@code 2} before {@code 10}), otherwise in {@link String#compareTo} order; the "missing" category, when
 * there is one, comes last. So the inputs do not depend on the order of the rows.
 *
 * @param name            the column's name, as the header row spells it
 * @param categorical     whether it is one-hot encoded
 * @param fill            a number column's value for a missing cell (its training rows' mean or median), or
 *                        NaN when a missing cell is an error; NaN for categorical columns
 * @param categories      a categorical column's categories in input order (without the missing one); empty
 *                        for a number column
 * @param missingCategory whether a categorical column's missing cells are a category of their own, the last
 *                        input; false for number columns
 */
public record ColumnEncoding(String name, boolean categorical, double fill, List<String> categories,
                             boolean missingCategory) {
    /** The name of the missing category in input names: {@code port=(missing)}. */
    public static final String MISSING_NAME = "(missing)";

    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(inf|infinity)", Pattern.CASE_INSENSITIVE);
    /** {@code 1,5}: a number written with a decimal comma, which grad does not read. */
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d+");

    /** Copies the categories; checks that the parts fit the kind. */
    public ColumnEncoding {
        Objects.requireNonNull(name, "name");
        categories = List.copyOf(categories);
        if (!categorical && (!categories.isEmpty() || missingCategory)) {
            throw new IllegalArgumentException("number column " + name + " with categories");
        }
        if (categorical && (categories.isEmpty() && !missingCategory || !Double.isNaN(fill))) {
            throw new IllegalArgumentException("categorical column " + name + " without categories, or with a fill value");
        }
        if (categorical && categories.size() != new TreeSet<>(categories).size()) {
            throw new IllegalArgumentException("categorical column " + name + " lists a category twice");
        }
    }

    /** A number column whose missing cells get {@code fill} (NaN: a missing cell is an error). */
    public static ColumnEncoding number(String name, double fill) {
        return new ColumnEncoding(name, false, fill, List.of(), false);
    }

    /** A categorical column with these categories, in this order, and maybe a missing category after them. */
    public static ColumnEncoding categorical(String name, List<String> categories, boolean missingCategory) {
        return new ColumnEncoding(name, true, Double.NaN, categories, missingCategory);
    }

    /** How many network inputs the column becomes. */
    public int width() {
        return categorical ? categories.size() + (missingCategory ? 1 : 0) : 1;
    }

    /** The names of its inputs: {@code age} for a number column, {@code sex=female, sex=male} for a categorical one. */
    public List<String> inputNames() {
        if (!categorical) {
            return List.of(name);
        }
        List<String> names = new ArrayList<>();
        categories.forEach(c -> names.add(name + "=" + c));
        if (missingCategory) {
            names.add(name + "=" + MISSING_NAME);
        }
        return names;
    }

    /**
     * Writes the cell's inputs into {@code out[offset .. offset + width())}.
     *
     * @return false for a category not seen in training (or a missing cell without a missing category): all
     *         inputs 0
     * @throws IllegalArgumentException saying what is wrong with the cell ({@code missing value},
     *                                  {@code not a number: "x"}), for a number column
     */
    public boolean encode(String cell, double[] out, int offset) {
        boolean missing = MissingValues.isMissing(cell);
        if (!categorical) {
            if (missing && Double.isNaN(fill)) {
                throw new IllegalArgumentException("missing value");
            }
            out[offset] = missing ? fill : number(cell);
            return true;
        }
        for (int k = 0; k < width(); k++) {
            out[offset + k] = 0;
        }
        int k = missing ? (missingCategory ? categories.size() : -1) : categories.indexOf(cell.strip());
        if (k >= 0) {
            out[offset + k] = 1;
        }
        return k >= 0;
    }

    /**
     * The cell as a finite decimal number ({@code 3}, {@code -0.5}, {@code 1e-3}; spaces around ignored).
     *
     * @throws IllegalArgumentException saying why it is not one: {@code missing value}, {@code not a number: "x"},
     *                                  {@code not a finite number: "inf"}, {@code number too large: "1e999"}
     */
    public static double number(String cell) {
        String s = cell.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("missing value");
        }
        if (DecimalNumber.matches(s)) {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v)) {
                return v;
            }
            throw new IllegalArgumentException("number too large: " + Messages.quote(s));
        }
        if (NON_FINITE.matcher(s).matches() || s.toLowerCase(Locale.ROOT).matches("[+-]?nan")) {
            throw new IllegalArgumentException("not a finite number: " + Messages.quote(s));
        }
        throw new IllegalArgumentException("not a number: " + Messages.quote(s));
    }

    /** A finite decimal number, or null. */
    static Double numberOrNull(String s) {
        if (!DecimalNumber.matches(s)) {
            return null;
        }
        double v = Double.parseDouble(s);
        return Double.isFinite(v) ? v : null;
    }

    /**
     * Whether a cell is written as a number, one grad reads or not: a decimal number, an infinity, or a
     * number with a decimal comma. A column of such cells is a number column, and the unreadable ones are
     * errors rather than categories.
     */
    static boolean looksNumeric(String cell) {
        String s = cell.strip();
        return DecimalNumber.matches(s) || NON_FINITE.matcher(s).matches() || DECIMAL_COMMA.matcher(s).matches();
    }

    /** The distinct texts in order: numeric order if all are numbers, else {@link String#compareTo} order. */
    static List<String> ordered(Collection<String> distinct) {
        boolean numeric = distinct.stream().allMatch(s -> numberOrNull(s) != null);
        Comparator<String> order = numeric
                ? Comparator.<String>comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
        TreeSet<String> sorted = new TreeSet<>(order);
        sorted.addAll(distinct);
        return List.copyOf(sorted);
    }
}
