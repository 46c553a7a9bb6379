package grad.gpt2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MatVecTest {
    private static float[] random(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return a;
    }

    @Test
    void affineIsBiasPlusXTimesWAndTheSameOnTwoThreads() {
        int in = 301;   // not a multiple of 4: one row is left after the groups of four
        int out = 517;   // not a multiple of 16: the last part is ragged
        SplittableRandom r = new SplittableRandom(7);
        float[] x = random(r, in);
        float[] w = random(r, in * out);
        float[] b = random(r, out);
        float[] one = new float[out];
        float[] two = new float[out];
        try (MatVec single = new MatVec(1); MatVec pair = new MatVec(2)) {
            single.affine(x, w, b, one, in, out);
            pair.affine(x, w, b, two, in, out);
        }
        for (int j = 0; j < out; j++) {
            double expected = b[j];
            for (int i = 0; i < in; i++) {
                expected += (double) x[i] * w[i * out + j];
            }
            assertThat((double) one[j]).isCloseTo(expected, within(1e-4));
        }
        assertThat(two).containsExactly(one);
    }

    @Test
    void rowsAreDotProductsAndTheSameOnTwoThreads() {
        int rows = 1001;
        int width = 77;
        SplittableRandom r = new SplittableRandom(8);
        float[] e = random(r, rows * width);
        float[] x = random(r, width);
        float[] one = new float[rows];
        float[] two = new float[rows];
        try (MatVec single = new MatVec(1); MatVec pair = new MatVec(2)) {
            single.rows(e, x, one, rows, width);
            pair.rows(e, x, two, rows, width);
        }
        for (int v = 0; v < rows; v++) {
            double expected = 0;
            for (int i = 0; i < width; i++) {
                expected += (double) e[v * width + i] * x[i];
            }
            assertThat((double) one[v]).isCloseTo(expected, within(1e-4));
        }
        assertThat(two).containsExactly(one);
    }
}
