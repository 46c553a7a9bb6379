package grad.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.style.XYStyler;

/**
 * The y axis of a chart of metrics, fitted to its series, and the series as drawn on it; every number
 * passes through {@link Drawable} first.
 *
 * <p>Values that are not finite leave gaps. Positive values that span {@link #LOG_DECADES} or more orders
 * of magnitude (a loss on its way to diverging) are drawn on a log scale: XChart is given their
 * logarithms on a linear axis labelled {@code 1e50}, {@code 1e100}, …, since its own log axis labels every
 * decade. What was changed to draw the values is said in {@link #note()}.
 */
final class ValueAxis {

    /** Positive values spanning this many orders of magnitude are drawn on a log scale. */
    static final int LOG_DECADES = 4;
    /** Room above (and below, unless the axis starts at 0) the values, as a fraction of their span. */
    private static final double HEADROOM = 0.05;
    /** The bottom of a log scale is at least 10^LOG_FLOOR. */
    private static final double LOG_FLOOR = -Math.log10(Drawable.LIMIT);

    private final String name;
    private final AxisRange range;
    private final boolean logarithmic;
    private final int quantum;
    private final boolean gaps;
    private final boolean clipped;

    private ValueAxis(String name, AxisRange range, boolean logarithmic, boolean gaps, boolean clipped) {
        this.name = name;
        this.range = range;
        this.logarithmic = logarithmic;
        this.quantum = Drawable.quantum(range.span());
        this.gaps = gaps;
        this.clipped = clipped;
    }

    /**
     * An axis fitted to the finite values of {@code series} (null entries are skipped).
     *
     * @param name what the values are, for the note (e.g. {@code "loss"})
     * @param fromZero start the axis at 0 when no value is negative
     */
    static ValueAxis fitted(String name, boolean fromZero, double[]... series) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double smallestPositive = Double.POSITIVE_INFINITY;
        boolean clipped = false;
        for (double[] values : series) {
            for (double v : values == null ? new double[0] : values) {
                if (Double.isFinite(v)) {
                    double c = Drawable.clip(v);
                    clipped |= c != v;
                    lo = Math.min(lo, c);
                    hi = Math.max(hi, c);
                    if (c > 0) {
                        smallestPositive = Math.min(smallestPositive, c);
                    }
                }
            }
        }
        boolean gaps = hasGaps(series);
        if (lo > hi) {
            return new ValueAxis(name, new AxisRange(0, 1), false, gaps, clipped);
        }
        if (lo >= 0 && hi > 0 && Math.log10(hi) - Math.log10(smallestPositive) >= LOG_DECADES) {
            // zeros, and values too small to tell from them, sit on the floor of a log scale
            double floor = Math.max(Math.ceil(Math.log10(smallestPositive)) - 1, LOG_FLOOR);
            double top = Math.floor(Math.log10(hi)) + 1;
            boolean onFloor = lo == 0 || Math.log10(smallestPositive) < LOG_FLOOR;
            return new ValueAxis(name, new AxisRange(floor, top), true, gaps, clipped || onFloor);
        }
        boolean zeroBased = fromZero && lo >= 0;
        if (zeroBased) {
            lo = 0;
        }
        double span = Math.max(hi - lo, Drawable.minSpan(Math.max(Math.abs(lo), Math.abs(hi))));
        double pad = span * HEADROOM;
        double centre = lo / 2 + hi / 2;
        AxisRange range = zeroBased ? new AxisRange(0, span + pad)
                : new AxisRange(centre - span / 2 - pad, centre + span / 2 + pad);
        return new ValueAxis(name, Drawable.rounded(range), false, gaps, clipped);
    }

    /** A fixed axis from {@code min} to {@code max}; values beyond it are clipped to it. */
    static ValueAxis between(String name, double min, double max, double[]... series) {
        boolean clipped = false;
        for (double[] values : series) {
            for (double v : values == null ? new double[0] : values) {
                clipped |= Double.isFinite(v) && (v < min || v > max);
            }
        }
        return new ValueAxis(name, new AxisRange(min, max), false, hasGaps(series), clipped);
    }

    /**
     * A series has gaps when some of its values are not finite, but not all: a metric that is never
     * measured (NaN throughout) is simply not drawn.
     */
    private static boolean hasGaps(double[]... series) {
        for (double[] values : series) {
            if (values == null) {
                continue;
            }
            int finite = 0;
            for (double v : values) {
                finite += Double.isFinite(v) ? 1 : 0;
            }
            if (finite > 0 && finite < values.length) {
                return true;
            }
        }
        return false;
    }

    /** {@code values} as XChart is to draw them on this axis: NaN for a gap, within the axis, rounded. */
    double[] drawn(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                out[i] = Double.NaN;
                continue;
            }
            v = Drawable.clip(v);
            if (logarithmic) {
                v = v > 0 ? Math.log10(v) : range.min();
            }
            out[i] = Drawable.round(Math.max(range.min(), Math.min(range.max(), v)), quantum);
        }
        return out;
    }

    /** Sets the axis's range, and on a log scale its labels, in {@code styler}. */
    void applyTo(XYStyler styler) {
        styler.setYAxisMin(range.min());
        styler.setYAxisMax(range.max());
        styler.setYAxisTickLabelsFormattingFunction(logarithmic ? ValueAxis::powerOfTen : ValueAxis::decimal);
    }

    /**
     * A tick label on a linear axis: the value to 6 significant digits, with its leading zero ({@code 0.05},
     * not XChart's {@code .05}), or in e-notation when very large or small ({@code 1.5e-7}).
     */
    static String decimal(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value == 0 ? "0" : String.valueOf(value);
        }
        BigDecimal d = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros();
        double magnitude = Math.abs(d.doubleValue());
        if (magnitude >= 1e-4 && magnitude < 1e7) {
            return d.toPlainString();
        }
        return d.toString().replace("E+", "e").replace("E", "e");
    }

    boolean logarithmic() {
        return logarithmic;
    }

    AxisRange range() {
        return range;
    }

    /** What was changed to draw the values, e.g. {@code "loss: log scale, gaps where not finite"}; or "". */
    String note() {
        List<String> changes = new ArrayList<>();
        if (logarithmic) {
            changes.add("log scale");
        }
        if (clipped) {
            changes.add("clipped");
        }
        if (gaps) {
            changes.add("gaps where not finite");
        }
        return changes.isEmpty() ? "" : name + ": " + String.join(", ", changes);
    }

    /** The label of {@code 10^exponent}: {@code 0.01}, {@code 3.2}, {@code 1000}, {@code 1e50}, {@code 3.2e-7}. */
    static String powerOfTen(double exponent) {
        double k = Math.rint(exponent * 1e6) / 1e6;
        double value = Math.pow(10, k);
        if (k >= -3 && k <= 4) {
            return new BigDecimal(value).round(new MathContext(2)).stripTrailingZeros().toPlainString();
        }
        String s = String.format(Locale.ROOT, k == Math.rint(k) ? "%.0e" : "%.1e", value);
        // 1e+50 → 1e50, 3.2e-07 → 3.2e-7
        return s.replaceFirst("e\\+?(-?)0*(\\d)", "e$1$2");
    }
}
