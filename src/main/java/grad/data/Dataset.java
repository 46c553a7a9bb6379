package grad.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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
 * return copies. To read values in a training loop without copying, use {@link #feature(int, int)},
 * {@link #copyRow(int, double[])}, {@link #label(int)} and {@link #target(int)}.
 */
public final class Dataset {
    private final String name;
    private final List<String> featureNames;
    private final double[][] features;
    private final int[] labels;
    private final List<String> classNames;
    private final double[] targets;

    private Dataset(String name, List<String> featureNames, double[][] features, int[] labels,
                    List<String> classNames, double[] targets) {
        this.name = Objects.requireNonNull(name, "name");
        this.featureNames = List.copyOf(featureNames);
        this.features = new double[features.length][];
        int d = this.featureNames.size();
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has " + features[i].length
                        + " features, expected " + d);
            }
            this.features[i] = features[i].clone();
        }
        this.labels = labels == null ? null : labels.clone();
        this.classNames = List.copyOf(classNames);
        this.targets = targets == null ? null : targets.clone();
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
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("a classification dataset needs at least one class");
        }
        for (int label : labels) {
            if (label < 0 || label >= classNames.size()) {
                throw new IllegalArgumentException("label " + label + " is not a class index 0.."
                        + (classNames.size() - 1));
            }
        }
        return new Dataset(name, featureNames, features, labels, classNames, null);
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
        return features.length;
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
        return features[row][col];
    }

    /** A copy of row {@code row}'s features. */
    public double[] row(int row) {
        return features[row].clone();
    }

    /** Copies row {@code row}'s features into {@code out}, which has {@link #featureCount()} elements. */
    public void copyRow(int row, double[] out) {
        System.arraycopy(features[row], 0, out, 0, features[row].length);
    }

    /** A copy of all features, {@code size()} rows by {@code featureCount()} columns. */
    public double[][] features() {
        double[][] copy = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            copy[i] = features[i].clone();
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
        double[][] f = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            f[i] = features[rows[i]];
        }
        if (isRegression()) {
            double[] t = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                t[i] = targets[rows[i]];
            }
            return new Dataset(name, featureNames, f, null, classNames, t);
        }
        int[] l = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            l[i] = labels[rows[i]];
        }
        return new Dataset(name, featureNames, f, l, classNames, null);
    }

    /**
     * This dataset with other feature values (e.g. standardized), same labels or targets.
     *
     * @param newFeatures {@code size()} rows of {@code featureCount()} values (copied)
     */
    public Dataset withFeatures(double[][] newFeatures) {
        if (newFeatures.length != features.length) {
            throw new IllegalArgumentException(newFeatures.length + " rows of features for a dataset of "
                    + features.length + " rows");
        }
        return new Dataset(name, featureNames, newFeatures, labels, classNames, targets);
    }

    @Override
    public String toString() {
        String kind = isRegression() ? "regression" : classCount() + " classes " + classNames;
        return name + ": " + size() + " rows, " + featureCount() + " features " + featureNames + ", " + kind;
    }
}
