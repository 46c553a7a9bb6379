package grad.data;

import grad.GradException;

/**
 * Bad input data: a CSV file that cannot be read, a value that is not a number, an unknown dataset
 * name. The message is one line that says where the problem is, e.g.
 * {@code iris.csv:7: column 3 "petal_width": not a number: "abc"}; the exit code is 1.
 */
public final class DataException extends GradException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
