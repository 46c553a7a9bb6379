package grad.data;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The toy 2-D datasets of grad-rs, made reproducible: {@code generate(classSize, seed)} draws every
 * number from one {@link SplittableRandom} seeded with {@code seed}, so the same seed gives the same
 * points, bit for bit, on every run and every JVM. ({@code SplittableRandom}'s algorithm is fixed and
 * documented, unlike {@code Math.random()}; it is fast and needs no synchronisation.)
 *
 * <p>Features are named {@code x} and {@code y}; classes are named {@code "0"}, {@code "1"} (and
 * {@code "2"}). Rows come class by class where the class is chosen first (moons, circles), and in
 * drawing order otherwise (linear, xor).
 */
public enum SyntheticDataset {
    /** {@code x, y ~ U[-5, 5)}; class 0 if {@code x > y}, else 1. {@code classSize} points in total. */
    LINEAR("linear", "line"),
    /** {@code x, y ~ U[-5, 5)}; class 0 if x and y have the same sign (both &gt; 0 or both &lt; 0), else 1. {@code classSize} in total. */
    XOR("xor", "xor"),
    /**
     * Two interleaved half moons, {@code classSize} points per class: with {@code θ ~ U[-π/4, 5π/4)},
     * class 0 is {@code (3 cos θ, 3 sin θ)} and class 1 is {@code (3 cos θ + 2, -3 sin θ - 0.2)}, each
     * coordinate plus noise {@code U[-0.1, 0.1)}.
     */
    MOONS("moons", "moon"),
    /**
     * Three rings, {@code classSize} points per class: class {@code c} has radius {@code R = 1, 3, 5};
     * a point has angle {@code a ~ U[0, 2π)} and radius {@code r = R (1 + U[-0.25, 0.25))}.
     */
    CIRCLES("circles", "circle");

    /** The largest class size {@link #generate} accepts. */
    public static final int MAX_CLASS_SIZE = 1_000_000;

    private static final List<String> FEATURES = List.of("x", "y");

    private final String canonicalName;
    private final String alias;

    SyntheticDataset(String canonicalName, String alias) {
        this.canonicalName = canonicalName;
        this.alias = alias;
    }

    /** The name used on the command line and as {@link Dataset#name()}: linear, xor, moons or circles. */
    public String canonicalName() {
        return canonicalName;
    }

    /**
     * The dataset called {@code name}, ignoring case and surrounding spaces; grad-rs's names
     * {@code line}, {@code moon} and {@code circle} are accepted too.
     *
     * @throws DataException listing the valid names, if there is no such dataset
     */
    public static SyntheticDataset fromName(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (SyntheticDataset d : values()) {
            if (d.canonicalName.equals(key) || d.alias.equals(key)) {
                return d;
            }
        }
        throw new DataException("unknown dataset " + Messages.quote(name == null ? "" : name)
                + "; expected one of: linear, xor, moons, circles (or line, moon, circle)");
    }

    /**
     * Draws the dataset.
     *
     * @param classSize points in total for LINEAR and XOR, points per class for MOONS and CIRCLES;
     *                  1 to {@link #MAX_CLASS_SIZE}
     * @param seed      the seed of the random numbers: same seed, same data
     * @throws DataException if {@code classSize} is out of range
     */
    public Dataset generate(int classSize, long seed) {
        if (classSize < 1 || classSize > MAX_CLASS_SIZE) {
            throw new DataException("class size must be between 1 and " + MAX_CLASS_SIZE + ", got " + classSize);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        return switch (this) {
            case LINEAR -> square(classSize, rng, false);
            case XOR -> square(classSize, rng, true);
            case MOONS -> moons(classSize, rng);
            case CIRCLES -> circles(classSize, rng);
        };
    }

    /** LINEAR and XOR: uniform points in the square [-5, 5)², labelled by a rule. */
    private Dataset square(int n, SplittableRandom rng, boolean xor) {
        double[][] features = new double[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double x = rng.nextDouble(-5.0, 5.0);
            double y = rng.nextDouble(-5.0, 5.0);
            features[i] = new double[] {x, y};
            if (xor) {
                boolean sameSign = (x > 0 && y > 0) || (x < 0 && y < 0);
                labels[i] = sameSign ? 0 : 1;
            } else {
                labels[i] = x > y ? 0 : 1;
            }
        }
        return Dataset.classification(canonicalName, FEATURES, features, labels, List.of("0", "1"));
    }

    private Dataset moons(int perClass, SplittableRandom rng) {
        double[][] features = new double[2 * perClass][];
        int[] labels = new int[2 * perClass];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < perClass; i++) {
                double theta = rng.nextDouble(-Math.PI / 4, 5 * Math.PI / 4);
                double x = c == 0 ? 3 * Math.cos(theta) : 3 * Math.cos(theta) + 2;
                double y = c == 0 ? 3 * Math.sin(theta) : -3 * Math.sin(theta) - 0.2;
                double noiseX = rng.nextDouble(-0.1, 0.1);
                double noiseY = rng.nextDouble(-0.1, 0.1);
                int row = c * perClass + i;
                features[row] = new double[] {x + noiseX, y + noiseY};
                labels[row] = c;
            }
        }
        return Dataset.classification(canonicalName, FEATURES, features, labels, List.of("0", "1"));
    }

    private Dataset circles(int perClass, SplittableRandom rng) {
        double[] radii = {1, 3, 5};
        double[][] features = new double[3 * perClass][];
        int[] labels = new int[3 * perClass];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < perClass; i++) {
                double angle = rng.nextDouble(0, 2 * Math.PI);
                double r = radii[c] * (1 + rng.nextDouble(-0.25, 0.25));
                int row = c * perClass + i;
                features[row] = new double[] {r * Math.cos(angle), r * Math.sin(angle)};
                labels[row] = c;
            }
        }
        return Dataset.classification(canonicalName, FEATURES, features, labels, List.of("0", "1", "2"));
    }

    @Override
    public String toString() {
        return canonicalName;
    }
}
