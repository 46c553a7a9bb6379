package grad.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * A table of examples: {@code n} rows of {@code d} numeric features, and for each row either a class
 * (classification) or a number (regression).
 *
 * <p>For classification, {@link #labels()} holds each row's class index {@code 0..k-1} and
 * {@link #classNames()} the name of each class ({@code classNames().get(label)}); {@link #targets()} is
 * {@code null}. For regression, {@link #targets()} holds each row's value, {@link #labels()} is
 * {@code null} and {@link #classNames()} is empty.
 *
 * <p>A dataset is immutable: the constructors copy the arrays they are given, and the array getters
 * return copies. Its features are one flat row-major array, with no object per row. To read values in a training loop without copying, use {@link #feature(int, int)},
 * {@link #copyRow(int, double[])}, {@link #label(int)} and {@link #target(int)}.
 */
public final class Dataset {
    private final String name;
    private final List<String> featureNames;
    /** Row-major: row {@code i}'s features are {@code values[i*d .. i*d+d)}; no object per row. */
    private final double[] values;
    private final int size;
    private final int[] labels;
    private final List<String> classNames;
    private final double[] targets;

    private Dataset(String name, List<String> featureNames, double[][] features, int[] labels,
                    List<String> classNames, double[] targets) {
        this(name, List.copyOf(featureNames), flatten(features, featureNames.size()), features.length,
                labels == null ? null : labels.clone(), classNames, targets == null ? null : targets.clone());
    }

    /** Takes the arrays as they are (no copies): callers hand over arrays nothing else holds. */
    private Dataset(String name, List<String> featureNames, double[] values, int size, int[] labels,
                    List<String> classNames, double[] targets) {
        this.name = Objects.requireNonNull(name, "name");
        this.featureNames = List.copyOf(featureNames);
        this.values = values;
        this.size = size;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
        this.targets = targets;
    }

    private static double[] flatten(double[][] features, int d) {
        double[] flat = new double[Math.multiplyExact(features.length, d)];
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has " + features[i].length
                        + " features, expected " + d);
            }
            System.arraycopy(features[i], 0, flat, i * d, d);
        }
        return flat;
    }

    /**
     * A classification dataset.
     *
     * @param name         a short name, e.g. {@code "xor"} or the CSV file's base name
     * @param featureNames one name per column of {@code features}
     * @param features     {@code n} rows of {@code featureNames.size()} values (copied)
     * @param labels       {@code n} class indices in {@code 0..classNames.size()-1} (copied)
     * @param classNames   the name of each class, at least one
     * @throws IllegalArgumentException if the sizes disagree or a label is out of range
     */
    public static Dataset classification(String name, List<String> featureNames, double[][] features,
                                         int[] labels, List<String> classNames) {
        Objects.requireNonNull(labels, "labels");
        if (labels.length != features.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + features.length + " rows");
        }
        checkLabels(labels, classNames);
        return new Dataset(name, featureNames, features, labels, classNames, null);
    }

    /** Every label names one of the classes, and there is at least one class. */
    private static void checkLabels(int[] labels, List<String> classNames) {
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("a classification dataset needs at least one class");
        }
        for (int label : labels) {
            if (label < 0 || label >= classNames.size()) {
                throw new IllegalArgumentException("label " + label + " is not a class index 0.."
                        + (classNames.size() - 1));
            }
        }
    }

    /**
     * A classification dataset that takes {@code values} ({@code n} rows of {@code featureNames.size()}
     * values, row after row) and {@code labels} as they are, without copying: for generators that hand
     * over arrays nothing else holds.
     */
    static Dataset classificationOwning(String name, List<String> featureNames, double[] values, int[] labels,
                                        List<String> classNames) {
        int d = featureNames.size();
        if (labels.length * (long) d != values.length) {
            throw new IllegalArgumentException(values.length + " values for " + labels.length + " rows of " + d);
        }
        checkLabels(labels, classNames);
        return new Dataset(name, featureNames, values, labels.length, labels, classNames, null);
    }

    /**
     * A regression dataset.
     *
     * @param targets {@code n} values to predict (copied)
     * @throws IllegalArgumentException if the sizes disagree
     */
    public static Dataset regression(String name, List<String> featureNames, double[][] features,
                                     double[] targets) {
        Objects.requireNonNull(targets, "targets");
        if (targets.length != features.length) {
            throw new IllegalArgumentException(targets.length + " targets for " + features.length + " rows");
        }
        return new Dataset(name, featureNames, features, null, List.of(), targets);
    }

    /** The dataset's short name, e.g. {@code "moons"} or {@code "iris"}. */
    public String name() {
        return name;
    }

    /** The name of each feature column. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The number of rows. */
    public int size() {
        return size;
    }

    /** The number of features per row. */
    public int featureCount() {
        return featureNames.size();
    }

    /** The number of classes; 0 for regression. */
    public int classCount() {
        return classNames.size();
    }

    /** Whether each row has a number ({@link #targets()}) rather than a class. */
    public boolean isRegression() {
        return targets != null;
    }

    /** Whether a decision boundary can be drawn over this data: two features, and classes. */
    public boolean isPlottable() {
        return isPlottable(featureCount(), isRegression());
    }

    /** Whether a decision boundary can be drawn over {@code featureCount} features: two, and classes. */
    public static boolean isPlottable(int featureCount, boolean regression) {
        return featureCount == 2 && !regression;
    }

    /** The class names, index = class; empty for regression. */
    public List<String> classNames() {
        return classNames;
    }

    /** Feature {@code col} of row {@code row}. */
    public double feature(int row, int col) {
        Objects.checkIndex(col, featureNames.size());
        return values[Objects.checkIndex(row, size) * featureNames.size() + col];
    }

    /** A copy of row {@code row}'s features. */
    public double[] row(int row) {
        double[] out = new double[featureCount()];
        copyRow(row, out);
        return out;
    }

    /** Copies row {@code row}'s features into {@code out}, which has {@link #featureCount()} elements. */
    public void copyRow(int row, double[] out) {
        int d = featureNames.size();
        System.arraycopy(values, Objects.checkIndex(row, size) * d, out, 0, d);
    }

    /** A copy of all features, {@code size()} rows by {@code featureCount()} columns. */
    public double[][] features() {
        double[][] copy = new double[size][];
        for (int i = 0; i < size; i++) {
            copy[i] = row(i);
        }
        return copy;
    }

    /** Row {@code row}'s class index. @throws IllegalStateException for regression */
    public int label(int row) {
        if (labels == null) {
            throw new IllegalStateException("a regression dataset has no class labels");
        }
        return labels[row];
    }

    /** A copy of the class indices, or {@code null} for regression. */
    public int[] labels() {
        return labels == null ? null : labels.clone();
    }

    /** Row {@code row}'s target value. @throws IllegalStateException for classification */
    public double target(int row) {
        if (targets == null) {
            throw new IllegalStateException("a classification dataset has no target values");
        }
        return targets[row];
    }

    /** A copy of the target values, or {@code null} for classification. */
    public double[] targets() {
        return targets == null ? null : targets.clone();
    }

    /** Row {@code row}'s class as a one-hot vector of {@link #classCount()} elements: 1 at the label, 0 elsewhere. */
    public double[] oneHot(int row) {
        double[] out = new double[classCount()];
        oneHot(row, out);
        return out;
    }

    /** Writes row {@code row}'s one-hot vector into {@code out} (length {@link #classCount()}). */
    public void oneHot(int row, double[] out) {
        Arrays.fill(out, 0, classCount(), 0.0);
        out[label(row)] = 1.0;
    }

    /** How many rows each class has, index = class; empty for regression. */
    public int[] classCounts() {
        int[] counts = new int[classCount()];
        if (labels != null) {
            for (int label : labels) {
                counts[label]++;
            }
        }
        return counts;
    }

    /**
     * The rows {@code rows}, in that order (a row may appear more than once), with the same name,
     * feature names and classes: class indices mean the same thing in the subset as here.
     */
    public Dataset subset(int[] rows) {
        int d = featureNames.size();
        double[] f = new double[Math.multiplyExact(rows.length, d)];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(values, Objects.checkIndex(rows[i], size) * d, f, i * d, d);
        }
        if (isRegression()) {
            double[] t = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                t[i] = targets[rows[i]];
            }
            return new Dataset(name, featureNames, f, rows.length, null, classNames, t);
        }
        int[] l = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            l[i] = labels[rows[i]];
        }
        return new Dataset(name, featureNames, f, rows.length, l, classNames, null);
    }

    /**
     * This dataset with other feature values (e.g. standardized), same labels or targets.
     *
     * @param newFeatures {@code size()} rows of {@code featureCount()} values (copied)
     */
    public Dataset withFeatures(double[][] newFeatures) {
        if (newFeatures.length != size) {
            throw new IllegalArgumentException(newFeatures.length + " rows of features for a dataset of "
                    + size + " rows");
        }
        return new Dataset(name, featureNames, flatten(newFeatures, featureCount()), size, labels, classNames, targets);
    }

    /**
     * The same rows (name, labels or targets, classes) with other feature columns.
     *
     * @param names    the new columns' names
     * @param features {@code size()} rows of {@code names.size()} values (copied)
     */
    public Dataset withColumns(List<String> names, double[][] features) {
        if (features.length != size) {
            throw new IllegalArgumentException(features.length + " rows of features for a dataset of " + size + " rows");
        }
        return new Dataset(name, names, flatten(features, names.size()), size, labels, classNames, targets);
    }

    /**
     * This dataset with each row's features replaced by what {@code f} writes for them (e.g. standardized),
     * same labels or targets: one new flat array of values, nothing per row, the labels shared.
     *
     * @param f called with a row's features and an array of {@link #featureCount()} to fill; both are reused
     */
    public Dataset mapRows(BiConsumer<double[], double[]> f) {
        int d = featureCount();
        double[] mapped = new double[values.length];
        double[] in = new double[d];
        double[] out = new double[d];
        for (int i = 0; i < size; i++) {
            System.arraycopy(values, i * d, in, 0, d);
            f.accept(in, out);
            System.arraycopy(out, 0, mapped, i * d, d);
        }
        return new Dataset(name, featureNames, mapped, size, labels, classNames, targets);
    }

    @Override
    public String toString() {
        String kind = isRegression() ? "regression" : classCount() + " classes " + classNames;
        return name + ": " + size() + " rows, " + featureCount() + " features " + featureNames + ", " + kind;
    }
}
