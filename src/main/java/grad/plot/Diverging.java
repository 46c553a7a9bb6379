package grad.plot;

import java.awt.Color;

/**
 * TensorFlow Playground's colours for signed numbers: orange below zero, a light grey at zero, blue
 * above, used for neuron outputs and weights.
 */
final class Diverging {
    static final Color NEGATIVE = new Color(245, 147, 34);
    static final Color ZERO = new Color(232, 234, 235);
    static final Color POSITIVE = new Color(8, 119, 189);

    private Diverging() {
    }

    /** The colour of {@code t}, clamped to [−1, 1]; grey when not finite. */
    static Color of(double t) {
        if (!Double.isFinite(t) || t == 0) {
            return ZERO;
        }
        double a = Math.min(1, Math.abs(t));
        return Palette.mix(ZERO, t > 0 ? POSITIVE : NEGATIVE, a);
    }

    /** The largest finite magnitude among {@code values}, or 0. */
    static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }
}
