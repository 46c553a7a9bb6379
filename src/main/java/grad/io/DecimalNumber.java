package grad.io;

import java.util.regex.Pattern;

/**
 * The numbers grad reads from text — CSV cells, {@code name=value} assignments: an optional sign, digits
 * with an optional decimal point, an optional exponent ({@code 3}, {@code -.5}, {@code 1e-3}). Not
 * {@code NaN}, {@code Infinity}, hexadecimal or Java's {@code 1d}, which {@link Double#parseDouble} would
 * also take.
 */
public final class DecimalNumber {
    private static final Pattern PATTERN = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private DecimalNumber() {
    }

    /** Whether {@code text} is a number in this form (no surrounding spaces). */
    public static boolean matches(String text) {
        return PATTERN.matcher(text).matches();
    }
}
