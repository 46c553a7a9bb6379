package grad.plot;

/**
 * The model's class probabilities at any point of the plane: a snapshot of the model, called from
 * the picture thread. It must not change while a picture is drawn.
 */
@FunctionalInterface
public interface ProbabilityField {

    /**
     * Writes the probability of each class at {@code (x, y)} into {@code out}, which has one slot per
     * class. Values that are not finite are drawn as "no confidence" (white), and values outside [0, 1]
     * as the nearer end.
     */
    void probabilities(double x, double y, double[] out);

    /**
     * Bulk form: the probabilities at {@code count} points, written row-major into {@code out}
     * (point {@code i}, class {@code c} at {@code out[i * classes + c]}). Override it when evaluating
     * many points at once is cheaper; the default calls {@link #probabilities(double, double, double[])}
     * per point.
     */
    default void probabilities(double[] xs, double[] ys, int count, int classes, double[] out) {
        double[] one = new double[classes];
        for (int i = 0; i < count; i++) {
            probabilities(xs[i], ys[i], one);
            System.arraycopy(one, 0, out, i * classes, classes);
        }
    }
}
