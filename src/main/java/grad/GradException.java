package grad;

/**
 * A failure the user can act on: bad data, an unwritable file, a diverged run. Its message is one
 * line, shown as it is (no stack trace), and {@link #exitCode()} is the process's exit status.
 */
public class GradException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public GradException(String message) {
        this(message, 1, null);
    }

    public GradException(String message, Throwable cause) {
        this(message, 1, cause);
    }

    public GradException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The exit status for this failure: 1 for data and file errors unless a subclass says otherwise. */
    public int exitCode() {
        return exitCode;
    }
}
