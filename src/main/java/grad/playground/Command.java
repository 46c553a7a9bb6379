package grad.playground;

import java.util.List;
import java.util.regex.Pattern;

/** The command line that trains what the page shows, as a POSIX shell reads it. */
final class Command {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:,=+@%^-]+");

    private Command() {
    }

    /** {@code java -jar grad.jar} and {@code args}, each quoted when the shell would otherwise change it. */
    static String line(List<String> args) {
        StringBuilder sb = new StringBuilder("java -jar grad.jar");
        for (String arg : args) {
            sb.append(' ').append(quote(arg));
        }
        return sb.toString();
    }

    static String quote(String arg) {
        return PLAIN.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
