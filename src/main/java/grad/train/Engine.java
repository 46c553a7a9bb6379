package grad.train;

import java.util.Locale;

/**
 * How one sample's forward and backward pass run ({@code --engine}); all three give the same numbers to
 * the last bit.
 */
public enum Engine {
    /** Each sample's graph built of {@link grad.engine.Value}s and differentiated by {@code backward()} itself. */
    VALUE,
    /** The compiled program, replayed by the interpreter. */
    INTERPRETED,
    /** The compiled program, replayed by generated code when there is some (else interpreted). */
    COMPILED;

    /** The lower-case name used on the command line and in the metrics file. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
