package grad.text;

import java.io.PrintWriter;
import java.util.Locale;

/** {@code step 340/1000  loss 2.4103}, redrawn in place on a terminal (never into a file or pipe). */
final class TextProgress {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final int steps;
    private long lastDraw;
    private int width;

    TextProgress(PrintWriter out, boolean terminal, int steps) {
        this.out = out;
        this.terminal = terminal;
        this.steps = steps;
        this.lastDraw = System.nanoTime();
    }

    void step(int done, double loss) {
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        String line = String.format(Locale.ROOT, "step %d/%d  loss %.4f", done, steps, loss);
        out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        out.flush();
        width = line.length();
    }

    /** Erases the line, if one is drawn. */
    void clear() {
        if (width > 0) {
            out.print("\r" + " ".repeat(width) + "\r");
            out.flush();
            width = 0;
        }
    }
}
