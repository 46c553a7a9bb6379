package grad.nn;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How a network's parameters start. Every draw comes from the generator passed in, so a seed fixes
 * the whole network.
 */
public sealed interface Initializer {

    /** A starting value for a weight or a bias of a neuron with {@code fanIn} inputs in a layer of {@code fanOut}. */
    double draw(boolean bias, int fanIn, int fanOut, RandomGenerator rng);

    /** The form this initializer is written in on the command line: {@code he}, {@code xavier}, {@code uniform:A,B}. */
    String id();

    /** He (Kaiming) normal, as grad-rs uses it: weights and biases from N(0, √(2/fanIn)). */
    record He() implements Initializer {
        @Override
        public double draw(boolean bias, int fanIn, int fanOut, RandomGenerator rng) {
            return rng.nextGaussian() * Math.sqrt(2.0 / fanIn);
        }

        @Override
        public String id() {
            return "he";
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /** Xavier (Glorot) uniform: weights from U(−√(6/(fanIn+fanOut)), +√(6/(fanIn+fanOut))), biases 0. */
    record Xavier() implements Initializer {
        @Override
        public double draw(boolean bias, int fanIn, int fanOut, RandomGenerator rng) {
            if (bias) {
                return 0.0;
            }
            double limit = Math.sqrt(6.0 / (fanIn + fanOut));
            return (2 * rng.nextDouble() - 1) * limit;
        }

        @Override
        public String id() {
            return "xavier";
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /** Every weight and bias from U[low, high): {@code uniform:0,100} reproduces grad-rs's bad-initialization story. */
    record Uniform(double low, double high) implements Initializer {
        public Uniform {
            if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
                throw new IllegalArgumentException("uniform:A,B needs finite A < B, got " + low + "," + high);
            }
        }

        @Override
        public double draw(boolean bias, int fanIn, int fanOut, RandomGenerator rng) {
            return low + (high - low) * rng.nextDouble();
        }

        @Override
        public String id() {
            return "uniform:" + plain(low) + "," + plain(high);
        }

        @Override
        public String toString() {
            return id();
        }
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /**
     * Parses {@code he}, {@code xavier} or {@code uniform:A,B}.
     *
     * @throws IllegalArgumentException with a message naming the accepted forms
     */
    static Initializer parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("he") || s.equals("kaiming")) {
            return new He();
        }
        if (s.equals("xavier") || s.equals("glorot")) {
            return new Xavier();
        }
        if (s.startsWith("uniform:")) {
            String[] ab = s.substring("uniform:".length()).split(",", -1);
            if (ab.length == 2) {
                try {
                    return new Uniform(Double.parseDouble(ab[0].trim()), Double.parseDouble(ab[1].trim()));
                } catch (NumberFormatException e) {
                    // fall through to the common message
                }
            }
        }
        throw new IllegalArgumentException(
                "invalid initializer '" + text + "' (expected he, xavier or uniform:A,B with numbers A < B)");
    }
}
