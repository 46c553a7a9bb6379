package grad.engine;

/**
 * The arrays a replay runs on: slot {@code s}'s value is {@code p[s]} for a parameter
 * ({@code s < parameters}), else {@code d[s]}; its gradient {@code pg[s]} or {@code g[s]}. A replay that
 * owns its parameters has {@code p == d} and {@code pg == g}; one bound to a {@link ParameterStore} reads
 * the store's values and adds to a gradient array by reference, copying nothing.
 */
final class Slots {
    final int parameters;
    final boolean[] needs;
    double[] p;
    double[] pg;
    final double[] d;
    final double[] g;

    /** Work space for a step's loops (see {@link #scratch}). */
    private final double[][] scratch = {new double[0], new double[0]};

    Slots(int parameters, int size, boolean[] needs) {
        this.parameters = parameters;
        this.needs = needs;
        this.d = new double[size];
        this.g = new double[size];
        this.p = d;
        this.pg = g;
    }

    /**
     * Work array {@code which} (0 or 1) of at least {@code size} doubles, this replay's own (so replays on
     * other threads never share it), kept for the next call: its contents are whatever the last user left.
     */
    double[] scratch(int which, int size) {
        if (scratch[which].length < size) {
            scratch[which] = new double[size];
        }
        return scratch[which];
    }

    double get(int slot) {
        return slot < parameters ? p[slot] : d[slot];
    }

    void set(int slot, double value) {
        d[slot] = value;
    }

    double grad(int slot) {
        return slot < parameters ? pg[slot] : g[slot];
    }

    void addGrad(int slot, double value) {
        if (slot < parameters) {
            pg[slot] += value;
        } else {
            g[slot] += value;
        }
    }

    /** The value array slots from {@code first} to {@code last} live in, or null when they straddle the parameters' end. */
    double[] values(int first, int last) {
        return side(first, last, p, d);
    }

    /** The gradient array of those slots (see {@link #values}). */
    double[] grads(int first, int last) {
        return side(first, last, pg, g);
    }

    private double[] side(int first, int last, double[] parameterArray, double[] slotArray) {
        int lo = Math.min(first, last);
        int hi = Math.max(first, last);
        return hi < parameters ? parameterArray : lo >= parameters ? slotArray : null;
    }
}
