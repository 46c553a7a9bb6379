package grad.data;

import java.util.Arrays;

/**
 * Rescales each feature to mean 0 and standard deviation 1 (a z-score): {@code z = (x - mean) / std}.
 * Networks train faster when their inputs are on similar scales.
 *
 * <p>Fit it on the <em>training</em> set only and apply the same means and stds to the test set and to
 * new inputs; otherwise the test set leaks into training. The std is the population one (divide by
 * {@code n}); a constant feature gets std 1, so it maps to 0 rather than to infinity. Save
 * {@link #means()} and {@link #stds()} with a model and rebuild with {@link #of(double[], double[])}.
 * One-hot inputs of a text column are left as they are (mean 0, std 1: see {@link #fit(Dataset, boolean[])}).
 */
public final class Standardizer {
    private final double[] means;
    private final double[] stds;

    private Standardizer(double[] means, double[] stds) {
        this.means = means;
        this.stds = stds;
    }

    /**
     * The means and stds of {@code data}'s features.
     *
     * @throws IllegalArgumentException if {@code data} has no rows
     */
    public static Standardizer fit(Dataset data) {
        return fit(data, new boolean[data.featureCount()]);
    }

    /**
     * The means and stds of {@code data}'s features, but mean 0 and std 1 (left as they are) for the
     * features marked in {@code asIs}, such as one-hot inputs.
     *
     * @throws IllegalArgumentException if {@code data} has no rows
     */
    public static Standardizer fit(Dataset data, boolean[] asIs) {
        int n = data.size();
        int d = data.featureCount();
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit a standardizer on an empty dataset");
        }
        double[] means = new double[d];
        double[] stds = new double[d];
        for (int j = 0; j < d; j++) {
            if (asIs[j]) {
                stds[j] = 1.0;
                continue;
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += data.feature(i, j);
            }
            double mean = sum / n;
            double squares = 0;   // a second pass: more accurate than sum(x²) - n·mean²
            for (int i = 0; i < n; i++) {
                double dev = data.feature(i, j) - mean;
                squares += dev * dev;
            }
            double std = Math.sqrt(squares / n);
            if (!Double.isFinite(mean) || !Double.isFinite(std)) {
                throw new DataException(data.name() + ": feature column " + Messages.quote(data.featureNames().get(j))
                        + ": values too large to standardize (their mean or spread overflows); scale the column down");
            }
            means[j] = mean;
            stds[j] = std == 0 || !Double.isFinite(std) ? 1.0 : std;
        }
        return new Standardizer(means, stds);
    }

    /**
     * A standardizer with stored statistics (copied).
     *
     * @throws IllegalArgumentException if the lengths differ, a mean is not finite or a std is not
     *                                  finite and positive
     */
    public static Standardizer of(double[] means, double[] stds) {
        if (means.length != stds.length) {
            throw new IllegalArgumentException(means.length + " means but " + stds.length + " stds");
        }
        for (int j = 0; j < means.length; j++) {
            if (!Double.isFinite(means[j]) || !(stds[j] > 0) || !Double.isFinite(stds[j])) {
                throw new IllegalArgumentException("feature " + j + ": bad mean " + means[j] + " or std " + stds[j]);
            }
        }
        return new Standardizer(means.clone(), stds.clone());
    }

    /** The number of features. */
    public int featureCount() {
        return means.length;
    }

    /** A copy of the per-feature means. */
    public double[] means() {
        return means.clone();
    }

    /** A copy of the per-feature standard deviations (never 0). */
    public double[] stds() {
        return stds.clone();
    }

    /** Writes the standardized {@code row} into {@code out} (may be the same array). */
    public void transform(double[] row, double[] out) {
        check(row, out);
        for (int j = 0; j < means.length; j++) {
            out[j] = (row[j] - means[j]) / stds[j];
        }
    }

    /** Writes the original-scale values of the standardized {@code row} into {@code out} (may be the same array). */
    public void inverse(double[] row, double[] out) {
        check(row, out);
        for (int j = 0; j < means.length; j++) {
            out[j] = row[j] * stds[j] + means[j];
        }
    }

    /** {@code data} with standardized features; labels, targets and names unchanged. */
    public Dataset transform(Dataset data) {
        return map(data, false);
    }

    /** {@code data} with its standardized features mapped back to the original scale. */
    public Dataset inverse(Dataset data) {
        return map(data, true);
    }

    private Dataset map(Dataset data, boolean inverse) {
        if (data.featureCount() != means.length) {
            throw new IllegalArgumentException("dataset has " + data.featureCount() + " features, standardizer "
                    + means.length);
        }
        return data.mapRows(inverse ? this::inverse : this::transform);
    }

    private void check(double[] row, double[] out) {
        if (row.length != means.length || out.length != means.length) {
            throw new IllegalArgumentException("expected rows of " + means.length + " features, got "
                    + row.length + " and " + out.length);
        }
    }

    @Override
    public String toString() {
        return "Standardizer(means=" + Arrays.toString(means) + ", stds=" + Arrays.toString(stds) + ")";
    }
}
