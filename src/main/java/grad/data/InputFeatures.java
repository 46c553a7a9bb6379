package grad.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The inputs a network sees for a 2-D point {@code (x, y)}, TensorFlow Playground's feature
 * checkboxes: any of {@code x, y, x2, y2, xy, sinx, siny}, in the order listed. {@link #DEFAULT} is
 * {@code x,y}, the point itself. They are computed from the raw coordinates, before standardization.
 */
public final class InputFeatures {

    /** One input computed from a point's two coordinates. */
    public enum Feature {
        X("x"), Y("y"), X2("x2"), Y2("y2"), XY("xy"), SINX("sinx"), SINY("siny");

        private final String id;

        Feature(String id) {
            this.id = id;
        }

        /** The name in a feature list: {@code x}, {@code y}, {@code x2}, {@code y2}, {@code xy}, {@code sinx}, {@code siny}. */
        public String id() {
            return id;
        }

        /** The feature's value at the point {@code (x, y)}. */
        public double of(double x, double y) {
            return switch (this) {
                case X -> x;
                case Y -> y;
                case X2 -> x * x;
                case Y2 -> y * y;
                case XY -> x * y;
                case SINX -> Math.sin(x);
                case SINY -> Math.sin(y);
            };
        }

        /** The feature as a formula of the coordinates' names: {@code a}, {@code a^2}, {@code a*b}, {@code sin(a)}. */
        public String label(String xName, String yName) {
            return switch (this) {
                case X -> xName;
                case Y -> yName;
                case X2 -> xName + "^2";
                case Y2 -> yName + "^2";
                case XY -> xName + "*" + yName;
                case SINX -> "sin(" + xName + ")";
                case SINY -> "sin(" + yName + ")";
            };
        }
    }

    /** {@code x,y}: the coordinates as they are. */
    public static final InputFeatures DEFAULT = new InputFeatures(List.of(Feature.X, Feature.Y));

    private final List<Feature> features;

    private InputFeatures(List<Feature> features) {
        this.features = List.copyOf(features);
    }

    /**
     * The features of a comma-separated list such as {@code "x,y,xy,sinx"}: names ignore case and
     * surrounding spaces.
     *
     * @throws IllegalArgumentException naming the valid features, for an empty list, an unknown name or
     *                                  a name listed twice
     */
    public static InputFeatures parse(String list) {
        Objects.requireNonNull(list, "list");
        if (list.isBlank()) {
            throw new IllegalArgumentException("no input features given; expected some of " + validNames());
        }
        List<Feature> chosen = new ArrayList<>();
        Set<Feature> seen = EnumSet.noneOf(Feature.class);
        for (String part : list.split(",", -1)) {
            Feature f = find(part.strip().toLowerCase(Locale.ROOT));
            if (f == null) {
                throw new IllegalArgumentException("unknown input feature '" + part.strip() + "'; expected some of "
                        + validNames());
            }
            if (!seen.add(f)) {
                throw new IllegalArgumentException("input feature '" + f.id() + "' is listed twice");
            }
            chosen.add(f);
        }
        return new InputFeatures(chosen);
    }

    /** The given features, in order. @throws IllegalArgumentException if none, or one is repeated */
    public static InputFeatures of(Feature... features) {
        if (features.length == 0 || EnumSet.copyOf(Arrays.asList(features)).size() != features.length) {
            throw new IllegalArgumentException("input features must be one or more distinct features");
        }
        return new InputFeatures(Arrays.asList(features));
    }

    private static Feature find(String id) {
        for (Feature f : Feature.values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        return null;
    }

    private static String validNames() {
        return Arrays.stream(Feature.values()).map(Feature::id).collect(Collectors.joining(", "));
    }

    /** The features, in order. */
    public List<Feature> features() {
        return features;
    }

    /** How many inputs the network gets. */
    public int size() {
        return features.size();
    }

    /** The features' ids, in order: {@code [x, y, xy]}. */
    public List<String> ids() {
        return features.stream().map(Feature::id).toList();
    }

    /** Whether these are just the coordinates, {@code x,y}. */
    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /** Writes the features of the point {@code (x, y)} into {@code out} ({@link #size()} elements). */
    public void apply(double x, double y, double[] out) {
        for (int i = 0; i < features.size(); i++) {
            out[i] = features.get(i).of(x, y);
        }
    }

    /** The features of the point {@code (x, y)}. */
    public double[] apply(double x, double y) {
        double[] out = new double[features.size()];
        apply(x, y, out);
        return out;
    }

    /**
     * The dataset with each row {@code (x, y)} replaced by its features, named after the columns
     * ({@code x, y, x^2, x*y, sin(x)} for columns {@code x, y}); same name, labels or targets.
     *
     * @throws IllegalArgumentException if the dataset does not have exactly two features
     */
    public Dataset apply(Dataset data) {
        if (data.featureCount() != 2) {
            throw new IllegalArgumentException("input features need data with 2 features, not "
                    + data.featureCount());
        }
        double[][] rows = new double[data.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = apply(data.feature(i, 0), data.feature(i, 1));
        }
        String xName = data.featureNames().get(0);
        String yName = data.featureNames().get(1);
        return data.withColumns(features.stream().map(f -> f.label(xName, yName)).toList(), rows);
    }

    /** The list as {@link #parse} reads it: {@code x,y,xy}. */
    @Override
    public String toString() {
        return String.join(",", ids());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputFeatures other && other.features.equals(features);
    }

    @Override
    public int hashCode() {
        return features.hashCode();
    }
}
