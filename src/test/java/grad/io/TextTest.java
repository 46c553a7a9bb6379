package grad.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Text#fixed} and {@link Text#padded} write numbers as {@link String#format} does. */
class TextTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 4, 6})
    void fixedIsFormatsPercentF(int places) {
        List<Double> xs = new ArrayList<>(List.of(0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.00005, 2.00005, -0.00001, 0.12345,
                1e-9, 123456789.98765, 1e20, -1e-300, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.364049583, Math.log(27)));
        SplittableRandom rng = new SplittableRandom(places);
        for (int i = 0; i < 3000; i++) {
            double x = rng.nextDouble(-1, 1) * Math.pow(10, rng.nextInt(-8, 9));
            xs.add(x);
            xs.add(Math.round(x * 1e5) / 1e5 + (rng.nextBoolean() ? 0.5e-5 : 0));   // near ties at the 5th digit
        }
        for (double x : xs) {
            assertThat(Text.fixed(x, places)).as("%s", x).isEqualTo(String.format(Locale.ROOT, "%." + places + "f", x));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 7})
    void paddedIsFormatsWidth(int width) {
        for (long n : new long[] {0, 7, 42, 1000, 123456789, -5}) {
            assertThat(Text.padded(n, width)).isEqualTo(String.format(Locale.ROOT, "%" + width + "d", n));
        }
    }
}
