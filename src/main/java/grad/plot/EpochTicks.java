package grad.plot;

import org.knowm.xchart.style.XYStyler;

/**
 * The epoch axis's ticks, spaced by its length: as many as fit side by side with room between their
 * labels, at a round step (1, 2 or 5 times a power of ten), so that 200 epochs read 50, 100, 150, 200 rather
 * than XChart's twenty labels run together.
 */
final class EpochTicks {
    /** The width of a digit of the tick labels' 11-point font, generously, and the room between two labels. */
    static final double DIGIT_PIXELS = 7.5;
    static final double GAP_PIXELS = 20;
    /** The share of the plot's width XChart lays ticks out on. */
    private static final double TICK_SPACE = 0.92;

    private EpochTicks() {
    }

    /** The round step between ticks for epochs {@code first} to {@code last} on an axis of {@code pixels}. */
    static int step(int first, int last, double pixels) {
        int digits = String.valueOf(last).length();
        int fit = Math.max(1, (int) (pixels / (digits * DIGIT_PIXELS + GAP_PIXELS)) - 1);
        double wanted = (last - first) / (double) fit;
        for (long power = 1; ; power *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                if (m * power >= wanted) {
                    return (int) Math.min(Integer.MAX_VALUE, m * power);
                }
            }
        }
    }

    /**
     * Lays out the x axis of epochs {@code first} to {@code last} ({@code first < last}) on a plot about
     * {@code pixels} wide: a tick at each multiple of the step. The axis starts half an epoch before the
     * first: XChart puts a tick on every data value when the axis's ends and the values are equally spaced,
     * and spaces them by the hint otherwise.
     */
    static void apply(XYStyler styler, int first, int last, double pixels) {
        int step = step(first, last, pixels);
        double min = first - 0.5;
        styler.setXAxisMin(min);
        styler.setXAxisMax((double) last);
        double tickSpace = TICK_SPACE * pixels;
        styler.setXAxisTickMarkSpacingHint((int) Math.max(1, Math.round(step * tickSpace / (last - min))));
    }
}
