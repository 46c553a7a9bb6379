package grad.train;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;

/**
 * A progress line for long runs on a terminal: epoch, rows done, rows a second and time left, redrawn in
 * place with {@code \r}. It is drawn only when the output is a terminal, never into a file or a pipe, and
 * only once training has gone on for {@link #FIRST_DRAW_NANOS} (a short run prints as before); it is at
 * most redrawn every {@link #REDRAW_NANOS} and is erased before the run prints an epoch's line or its end.
 */
final class ProgressLine implements EpochListener {
    static final long FIRST_DRAW_NANOS = 1_000_000_000L;
    static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier clock;
    private final int firstEpoch;
    private final int lastEpoch;
    private final int rowsPerEpoch;
    private final IntPredicate printEpoch;
    private long start = -1;
    private long lastDraw;
    private int epoch;
    private int width;

    /**
     * @param terminal whether {@code out} is a terminal ({@code System.console() != null}); nothing is
     *                 drawn when it is not
     * @param clock    nanoseconds, e.g. {@code System::nanoTime}
     * @param printEpoch whether the run prints at the end of an epoch: the line is erased first
     */
    ProgressLine(PrintWriter out, boolean terminal, LongSupplier clock, int firstEpoch, int lastEpoch, int rowsPerEpoch,
                 IntPredicate printEpoch) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
        this.firstEpoch = firstEpoch;
        this.lastEpoch = lastEpoch;
        this.rowsPerEpoch = rowsPerEpoch;
        this.printEpoch = printEpoch;
    }

    @Override
    public void epochStarting(int epoch) {
        this.epoch = epoch;
        if (start < 0) {
            start = clock.getAsLong();
        }
    }

    /** Called after each minibatch with the rows of this epoch done so far. */
    void rowsDone(int rowsInEpoch) {
        if (!terminal) {
            return;
        }
        long now = clock.getAsLong();
        long elapsed = now - start;
        if (elapsed < FIRST_DRAW_NANOS || (lastDraw != 0 && now - lastDraw < REDRAW_NANOS)) {
            return;
        }
        lastDraw = now;
        long done = (long) (epoch - firstEpoch) * rowsPerEpoch + rowsInEpoch;
        long total = (long) (lastEpoch - firstEpoch + 1) * rowsPerEpoch;
        double rowsPerSecond = done * 1e9 / elapsed;
        long secondsLeft = rowsPerSecond > 0 ? Math.round((total - done) / rowsPerSecond) : 0;
        String line = String.format(Locale.ROOT, "epoch %d/%d  %,d/%,d rows  %,.0f rows/s  %s left",
                epoch, lastEpoch, rowsInEpoch, rowsPerEpoch, rowsPerSecond, duration(secondsLeft));
        out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        out.flush();
        width = line.length();
    }

    /** Erases the line, if drawn, so that what is printed next starts at the left margin. */
    void erase() {
        if (width > 0) {
            out.print("\r" + " ".repeat(width) + "\r");
            out.flush();
            width = 0;
        }
    }

    @Override
    public void epochEnded(EpochMetrics metrics) {
        if (printEpoch.test(metrics.epoch()) || metrics.epoch() == lastEpoch) {
            erase();
        }
    }

    @Override
    public void runEnded(RunEnd end) {
        erase();
    }

    static String duration(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
