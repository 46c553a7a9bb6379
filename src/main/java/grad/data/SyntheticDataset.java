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
 *
 * <p><b>Noise.</b> {@link #generate(int, long, double)} takes TensorFlow Playground's noise knob, a
 * number from 0 to {@link #MAX_NOISE}, as a fraction of each dataset's scale:
 * <ul>
 *   <li>linear, xor: as Playground's xor, the point is labelled as if it were moved by
 *       {@code U[-5F, 5F)} per coordinate (so labels near the boundary flip; the point stays put);</li>
 *   <li>moons: each coordinate moves by {@code U[-3F, 3F)} (3 being the moons' radius);</li>
 *   <li>circles: a ring's radius {@code R} is scaled by {@code 1 + U[-F, F)};</li>
 *   <li>spiral: each coordinate moves by {@code U[-F, F)}; gaussian: the blobs' variance is
 *       {@code 0.5 + 7F}.</li>
 * </ul>
 * {@link #generate(int, long)} draws with today's amounts, {@link #defaultNoise()}: none for linear and
 * xor, ±0.1 for moons ({@code F = 1/30}), ±25% for circles ({@code F = 0.25}), ±0.1 for spiral
 * ({@code F = 0.1}) and variance 0.5 for gaussian ({@code F = 0}); its points never change.
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
    CIRCLES("circles", "circle"),
    /**
     * TensorFlow Playground's two spirals, {@code classSize} points per class (see {@link #spiral}); by
     * default each coordinate moves by {@code U[-0.1, 0.1)} ({@code F = 0.1}).
     */
    SPIRAL("spiral", "spiral"),
    /** TensorFlow Playground's two Gaussian blobs at (2, 2) and (−2, −2), {@code classSize} points per class. */
    GAUSSIAN("gaussian", "gauss");

    /** The largest class size {@link #generate} accepts. */
    public static final int MAX_CLASS_SIZE = 1_000_000;

    /** The largest noise {@link #generate(int, long, double)} accepts: Playground's 50%. */
    public static final double MAX_NOISE = 0.5;

    /** The moons' noise of {@link #generate(int, long)}, ±0.1 per coordinate. */
    private static final double MOONS_SPREAD = 0.1;
    private static final double MOONS_RADIUS = 3;
    /** The circles' radial noise of {@link #generate(int, long)}, ±25% of the radius. */
    private static final double CIRCLES_SPREAD = 0.25;
    /** A spiral's radius, and how many turns it makes (Playground's). */
    private static final double SPIRAL_RADIUS = 5;
    private static final double SPIRAL_TURNS = 1.75;
    /** The spiral's noise of {@link #generate(int, long)}: at 0 its points would not depend on the seed. */
    private static final double SPIRAL_NOISE = 0.1;

    private static final List<String> FEATURES = List.of("x", "y");

    private final String canonicalName;
    private final String alias;

    SyntheticDataset(String canonicalName, String alias) {
        this.canonicalName = canonicalName;
        this.alias = alias;
    }

    /** The name used on the command line and as {@link Dataset#name()}: linear, xor, moons, circles, spiral or gaussian. */
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
                + "; expected one of: linear, xor, moons, circles, spiral, gaussian (or line, moon, circle, gauss)");
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
        checkClassSize(classSize);
        SplittableRandom rng = new SplittableRandom(seed);
        return switch (this) {
            case LINEAR -> square(classSize, rng, false, 0);
            case XOR -> square(classSize, rng, true, 0);
            case MOONS -> moons(classSize, rng, MOONS_SPREAD);
            case CIRCLES -> circles(classSize, rng, CIRCLES_SPREAD);
            case SPIRAL -> spiral(canonicalName, classSize, rng, SPIRAL_NOISE);
            case GAUSSIAN -> gaussian(canonicalName, classSize, rng, 0);
        };
    }

    /**
     * Draws the dataset with Playground's noise knob {@code noise} (see the class comment for what it
     * does to each dataset). {@code generate(classSize, seed, defaultNoise())} gives the points of
     * {@link #generate(int, long)} (to the last bit for all but moons, whose spread is {@code 3·(1/30)}).
     *
     * @param noise 0 to {@link #MAX_NOISE}
     * @throws DataException if {@code classSize} or {@code noise} is out of range
     */
    public Dataset generate(int classSize, long seed, double noise) {
        checkClassSize(classSize);
        if (!(noise >= 0 && noise <= MAX_NOISE)) {
            throw new DataException("noise must be between 0 and " + MAX_NOISE + ", got " + noise);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        return switch (this) {
            case LINEAR -> square(classSize, rng, false, noise);
            case XOR -> square(classSize, rng, true, noise);
            case MOONS -> moons(classSize, rng, MOONS_RADIUS * noise);
            case CIRCLES -> circles(classSize, rng, noise);
            case SPIRAL -> spiral(canonicalName, classSize, rng, noise);
            case GAUSSIAN -> gaussian(canonicalName, classSize, rng, noise);
        };
    }

    /** The noise {@link #generate(int, long)} draws with, as a value of the knob. */
    public double defaultNoise() {
        return switch (this) {
            case LINEAR, XOR -> 0;
            case MOONS -> MOONS_SPREAD / MOONS_RADIUS;
            case CIRCLES -> CIRCLES_SPREAD;
            case SPIRAL -> SPIRAL_NOISE;
            case GAUSSIAN -> 0;
        };
    }

    private static void checkClassSize(int classSize) {
        if (classSize < 1 || classSize > MAX_CLASS_SIZE) {
            throw new DataException("class size must be between 1 and " + MAX_CLASS_SIZE + ", got " + classSize);
        }
    }

    /** {@code U[-a, a)}; for {@code a = 0}, 0 after the same one draw, so other draws keep their place. */
    private static double symmetric(SplittableRandom rng, double a) {
        if (a > 0) {
            return rng.nextDouble(-a, a);
        }
        rng.nextDouble();
        return 0;
    }

    /**
     * LINEAR and XOR: uniform points in the square [-5, 5)², labelled by a rule; with noise, by the rule
     * at the point moved by {@code U[-5·noise, 5·noise)} per coordinate (drawn only when noise &gt; 0).
     */
    private Dataset square(int n, SplittableRandom rng, boolean xor, double noise) {
        double[] features = new double[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double px = rng.nextDouble(-5.0, 5.0);
            double py = rng.nextDouble(-5.0, 5.0);
            features[2 * i] = px;
            features[2 * i + 1] = py;
            double x = px;
            double y = py;
            if (noise > 0) {
                x += rng.nextDouble(-5.0, 5.0) * noise;
                y += rng.nextDouble(-5.0, 5.0) * noise;
            }
            if (xor) {
                boolean sameSign = (x > 0 && y > 0) || (x < 0 && y < 0);
                labels[i] = sameSign ? 0 : 1;
            } else {
                labels[i] = x > y ? 0 : 1;
            }
        }
        return Dataset.classificationOwning(canonicalName, FEATURES, features, labels, List.of("0", "1"));
    }

    private Dataset moons(int perClass, SplittableRandom rng, double spread) {
        double[] features = new double[2 * (2 * perClass)];
        int[] labels = new int[2 * perClass];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < perClass; i++) {
                double theta = rng.nextDouble(-Math.PI / 4, 5 * Math.PI / 4);
                double x = c == 0 ? 3 * Math.cos(theta) : 3 * Math.cos(theta) + 2;
                double y = c == 0 ? 3 * Math.sin(theta) : -3 * Math.sin(theta) - 0.2;
                double noiseX = symmetric(rng, spread);
                double noiseY = symmetric(rng, spread);
                int row = c * perClass + i;
                features[2 * row] = x + noiseX;
                features[2 * row + 1] = y + noiseY;
                labels[row] = c;
            }
        }
        return Dataset.classificationOwning(canonicalName, FEATURES, features, labels, List.of("0", "1"));
    }

    private Dataset circles(int perClass, SplittableRandom rng, double spread) {
        double[] radii = {1, 3, 5};
        double[] features = new double[2 * (3 * perClass)];
        int[] labels = new int[3 * perClass];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < perClass; i++) {
                double angle = rng.nextDouble(0, 2 * Math.PI);
                double r = radii[c] * (1 + symmetric(rng, spread));
                int row = c * perClass + i;
                features[2 * row] = r * Math.cos(angle);
                features[2 * row + 1] = r * Math.sin(angle);
                labels[row] = c;
            }
        }
        return Dataset.classificationOwning(canonicalName, FEATURES, features, labels, List.of("0", "1", "2"));
    }

    /**
     * TensorFlow Playground's two spirals, {@code perClass} points each: point {@code i} of class
     * {@code c} has radius {@code r = 5·i/n} and angle {@code t = 1.75·2π·i/n + c·π}, and is
     * {@code (r sin t, r cos t)} plus {@code U[-noise, noise)} per coordinate. Classes {@code "0"} and
     * {@code "1"}, class by class. Every coordinate draws its noise, even at noise 0.
     */
    static Dataset spiral(String name, int perClass, SplittableRandom rng, double noise) {
        double[] features = new double[2 * (2 * perClass)];
        int[] labels = new int[2 * perClass];
        for (int c = 0; c < 2; c++) {
            double delta = c * Math.PI;
            for (int i = 0; i < perClass; i++) {
                double r = SPIRAL_RADIUS * i / perClass;
                double t = SPIRAL_TURNS * i / perClass * 2 * Math.PI + delta;
                double x = r * Math.sin(t) + rng.nextDouble(-1, 1) * noise;
                double y = r * Math.cos(t) + rng.nextDouble(-1, 1) * noise;
                int row = c * perClass + i;
                features[2 * row] = x;
                features[2 * row + 1] = y;
                labels[row] = c;
            }
        }
        return Dataset.classificationOwning(name, FEATURES, features, labels, List.of("0", "1"));
    }

    /**
     * TensorFlow Playground's two Gaussian blobs, {@code perClass} points each: class 0 centred at
     * (2, 2), class 1 at (−2, −2), each coordinate normal with variance {@code 0.5 + 7·noise} (0.5 to 4
     * as noise goes from 0 to 0.5), drawn by Marsaglia's polar method as Playground does.
     */
    static Dataset gaussian(String name, int perClass, SplittableRandom rng, double noise) {
        double sd = Math.sqrt(0.5 + 7 * noise);
        double[][] centres = {{2, 2}, {-2, -2}};
        double[] features = new double[2 * (2 * perClass)];
        int[] labels = new int[2 * perClass];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < perClass; i++) {
                double x = centres[c][0] + sd * normal(rng);
                double y = centres[c][1] + sd * normal(rng);
                int row = c * perClass + i;
                features[2 * row] = x;
                features[2 * row + 1] = y;
                labels[row] = c;
            }
        }
        return Dataset.classificationOwning(name, FEATURES, features, labels, List.of("0", "1"));
    }

    /** A standard normal number by the polar method (the first of its pair; the second is dropped). */
    private static double normal(SplittableRandom rng) {
        double v1;
        double s;
        do {
            v1 = 2 * rng.nextDouble() - 1;
            double v2 = 2 * rng.nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s > 1 || s == 0);
        return Math.sqrt(-2 * Math.log(s) / s) * v1;
    }

    @Override
    public String toString() {
        return canonicalName;
    }
}
