package grad.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) in {@code java -jar grad.jar}: while a training run is going, the first one asks it to
 * finish the epoch it is in and end there, writing its metrics and report ({@link GradCommand} then exits
 * {@value #EXIT_CODE}); a second one, or one at any other time, ends the process at once, as Java would.
 * Only {@link Main#main} installs it, so that tests running commands in their own JVM keep Java's handling.
 */
final class Interrupts {
    /** The shell's code for a process ended by SIGINT: 128 + 2. */
    static final int EXIT_CODE = 130;

    private static final AtomicBoolean installed = new AtomicBoolean();
    private static final AtomicBoolean requested = new AtomicBoolean();
    private static volatile boolean training;

    private Interrupts() {
    }

    /**
     * Handles SIGINT from now on, unless it is ignored (a process started in the background by a shell without
     * job control, or under {@code nohup}: Java then leaves it ignored) or cannot be handled here.
     */
    static void install() {
        try {
            Signal.handle(new Signal("INT"), signal -> {
                if (training && requested.compareAndSet(false, true)) {
                    return;
                }
                System.exit(EXIT_CODE);
            });
            installed.set(true);
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // no such signal here: Ctrl-C ends the process as usual
        }
    }

    /** Whether Ctrl-C is handled by {@link #install()} (false in tests that run commands in their JVM). */
    static boolean installed() {
        return installed.get();
    }

    /** From now on a first Ctrl-C asks the training run to stop ({@code true}), or ends the process at once. */
    static void training(boolean on) {
        training = on;
    }

    /** Whether Ctrl-C has asked the training run to stop. */
    static boolean requested() {
        return requested.get();
    }
}
