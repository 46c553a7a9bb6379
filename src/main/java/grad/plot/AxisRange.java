package grad.plot;

/** A closed interval of data values shown along one axis. */
record AxisRange(double min, double max) {

    AxisRange {
        if (!(min < max)) {
            throw new IllegalArgumentException("empty axis range [" + min + ", " + max + "]");
        }
    }

    /** The range of {@code values} widened by {@code margin} of its span on each side. */
    static AxisRange fitted(double[] values, double margin) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double span = hi - lo;
        double pad = span > 0 ? span * margin : Math.max(1.0, Math.abs(lo) * margin);
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
