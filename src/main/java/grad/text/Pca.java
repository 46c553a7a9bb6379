package grad.text;

/** Principal component analysis to two dimensions, by power iteration on the covariance matrix. */
final class Pca {
    private static final int ITERATIONS = 500;

    private Pca() {
    }

    /** Each row projected on the first two principal components of the rows (centred). */
    static double[][] project2(double[][] rows) {
        int n = rows.length;
        int d = rows[0].length;
        double[] mean = new double[d];
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j] / n;
            }
        }
        double[][] c = new double[d][d];
        for (double[] r : rows) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    c[i][j] += (r[i] - mean[i]) * (r[j] - mean[j]) / n;
                }
            }
        }
        double[] first = topEigenvector(c);
        double lambda = rayleigh(c, first);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                c[i][j] -= lambda * first[i] * first[j];
            }
        }
        double[] second = d > 1 ? topEigenvector(c) : new double[d];
        double[][] out = new double[n][2];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < d; j++) {
                out[k][0] += (rows[k][j] - mean[j]) * first[j];
                out[k][1] += (rows[k][j] - mean[j]) * second[j];
            }
        }
        return out;
    }

    /** The unit eigenvector of the largest eigenvalue, its largest component positive (so the picture is one). */
    static double[] topEigenvector(double[][] c) {
        int d = c.length;
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = 1 + 0.01 * i;
        }
        for (int it = 0; it < ITERATIONS; it++) {
            double[] next = new double[d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    next[i] += c[i][j] * v[j];
                }
            }
            double norm = Math.sqrt(dot(next, next));
            if (norm == 0) {
                return v;
            }
            for (int i = 0; i < d; i++) {
                v[i] = next[i] / norm;
            }
        }
        int largest = 0;
        for (int i = 1; i < d; i++) {
            largest = Math.abs(v[i]) > Math.abs(v[largest]) ? i : largest;
        }
        if (v[largest] < 0) {
            for (int i = 0; i < d; i++) {
                v[i] = -v[i];
            }
        }
        return v;
    }

    private static double rayleigh(double[][] c, double[] v) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                s += v[i] * c[i][j] * v[j];
            }
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
