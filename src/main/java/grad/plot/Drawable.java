package grad.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as XChart can lay them out. XChart 4.0.3 gives up on nothing: when an axis's ends and the
 * data on it happen to be equally spaced (one loss and an axis from 0, say) it labels every data value,
 * and if a label runs past 20 characters ({@code 6.379772628988506E169}) it thins the labels out for
 * ever. So every number given to XChart is finite, within {@link #LIMIT}, and rounded to a few digits
 * of its axis's span, which keeps each label short; an axis is never narrower than a thousandth of its
 * values' magnitude.
 */
final class Drawable {

    /** The largest magnitude drawn; larger values are clipped to it. */
    static final double LIMIT = 1e300;
    /** An axis spans at least this fraction of the magnitude of its values. */
    static final double MIN_RELATIVE_SPAN = 1e-3;
    /** Below this, any span is as good as none. */
    private static final double MIN_SPAN = 1e-100;
    /** Values are rounded to about this many digits of their axis's span: far below a pixel. */
    private static final int DIGITS = 4;

    private Drawable() {
    }

    /** {@code v} clipped to ±{@link #LIMIT}; NaN stays NaN. */
    static double clip(double v) {
        return Math.max(-LIMIT, Math.min(LIMIT, v));
    }

    /**
     * The power of ten that values on an axis of {@code span} are rounded to: a ten-thousandth of the
     * span, or a little less.
     */
    static int quantum(double span) {
        return (int) Math.floor(Math.log10(Math.max(span, MIN_SPAN))) - DIGITS;
    }

    /**
     * {@code v} rounded to a multiple of {@code 10^exponent} (the double nearest that decimal). It is the
     * decimal that prints as {@code v} that is rounded, so 1.05 rounds up to 1.05, not to 1.0501.
     */
    static double round(double v, int exponent, RoundingMode mode) {
        if (!Double.isFinite(v) || v == 0) {
            return v;
        }
        return BigDecimal.valueOf(v).setScale(-exponent, mode).doubleValue();
    }

    static double round(double v, int exponent) {
        return round(v, exponent, RoundingMode.HALF_EVEN);
    }

    /** {@code range} widened to multiples of its quantum, so that its ends print short too. */
    static AxisRange rounded(AxisRange range) {
        int q = quantum(range.span());
        return new AxisRange(round(range.min(), q, RoundingMode.FLOOR), round(range.max(), q, RoundingMode.CEILING));
    }

    /** A class probability as drawn: within [0, 1], and 0 (no confidence) when it is not finite. */
    static double probability(double p) {
        return Double.isFinite(p) ? Math.max(0.0, Math.min(1.0, p)) : 0.0;
    }

    /** The smallest span an axis through values of magnitude up to {@code magnitude} may have (1 for zeros). */
    static double minSpan(double magnitude) {
        return magnitude == 0 ? 1.0 : Math.max(magnitude * MIN_RELATIVE_SPAN, MIN_SPAN);
    }
}
