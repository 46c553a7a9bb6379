package grad.plot;

/** A closed interval of data values shown along one axis. */
record AxisRange(double min, double max) {

    AxisRange {
        if (!(min < max)) {
            throw new IllegalArgumentException("empty axis range [" + min + ", " + max + "]");
        }
    }

    /**
     * The range of {@code values} widened by {@code margin} of its span on each side. Values are taken
     * clipped to {@link Drawable#LIMIT}; values that all but coincide get a range of their own around
     * them, so that it is never too narrow to lay out.
     */
    static AxisRange fitted(double[] values, double margin) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, Drawable.clip(v));
            hi = Math.max(hi, Drawable.clip(v));
        }
        double span = hi - lo;
        double magnitude = Math.max(Math.abs(lo), Math.abs(hi));
        if (span < Drawable.minSpan(magnitude)) {
            double centre = lo / 2 + hi / 2;
            double pad = Math.max(1.0, magnitude * margin);
            return new AxisRange(centre - pad, centre + pad);
        }
        double pad = span * margin;
        return new AxisRange(lo - pad, hi + pad);
    }

    double span() {
        return max - min;
    }

    boolean contains(double v) {
        return v >= min && v <= max;
    }

    /** This range grown symmetrically about its centre to {@code span}, if that is wider. */
    AxisRange widenedTo(double span) {
        if (span <= span()) {
            return this;
        }
        double centre = (min + max) / 2;
        return new AxisRange(centre - span / 2, centre + span / 2);
    }
}
