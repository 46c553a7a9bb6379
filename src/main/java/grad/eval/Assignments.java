package grad.eval;

import grad.io.DecimalNumber;
import grad.GradException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the {@code NAME=VALUE} arguments of {@code grad eval}: a name as in expressions, and a number
 * such as {@code 2}, {@code -0.5}, {@code 1e-3}, or {@code nan}, {@code inf}, {@code -inf} to see how
 * non-finite values flow through a graph.
 */
public final class Assignments {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Assignments() {
    }

    /**
     * The values of {@code arguments}, in order.
     *
     * @throws GradException with exit status 2 naming the first malformed or repeated assignment
     */
    public static Map<String, Double> parse(List<String> arguments) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String argument : arguments) {
            int eq = argument.indexOf('=');
            if (eq < 0) {
                throw malformed(argument, "expected NAME=VALUE, like x=1.5");
            }
            String name = argument.substring(0, eq).strip();
            String value = argument.substring(eq + 1).strip();
            if (name.isEmpty()) {
                throw malformed(argument, "the name is missing");
            }
            if (!NAME.matcher(name).matches()) {
                throw malformed(argument, "'" + name + "' is not a name (ASCII letters, digits and _, not starting with a digit)");
            }
            if (ExpressionParser.isFunction(name)) {
                throw malformed(argument, "'" + name + "' is a function, not a variable");
            }
            if (value.isEmpty()) {
                throw malformed(argument, "the value is missing");
            }
            Double number = number(value);
            if (number == null) {
                throw malformed(argument, "'" + value + "' is not a number");
            }
            if (values.put(name, number) != null) {
                throw new GradException("'" + name + "' is given twice", 2, null);
            }
        }
        return values;
    }

    private static Double number(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                return DecimalNumber.matches(text) ? Double.parseDouble(text) : null;
            }
        }
    }

    private static GradException malformed(String argument, String reason) {
        return new GradException("malformed assignment '" + argument + "': " + reason, 2, null);
    }
}
