package grad.engine;

import java.util.Arrays;
import java.util.Locale;

/**
 * One dense layer applied to many rows: {@link DenseLayer}s (a lone dot is a layer of one neuron) that
 * read the same weight and bias slots and apply the same activation, none depending on another, run as
 * one step, as a full-batch network's matrix product does. Row r computes exactly what {@code rows[r]}
 * does; the backward pass visits the rows last to first, so that each weight receives its rows'
 * contributions in the order the unbatched program (and {@link Value#backward()}) adds them: the same
 * numbers to the last bit.
 *
 * <p>When every row is a {@link DenseLayer#strided} layer on the same grid and the rows' inputs,
 * pre-activations and outputs each lie a fixed stride apart (a row-major batch of inputs, and the rows'
 * results side by side as {@link Compiler#renumber} lays them out), the loops index the arrays directly.
 * Otherwise each row runs its own layer.
 */
final class BatchedLayer implements Step {
    /** The rows, in program order; all with the same weights, biases, bias mode and activation. */
    final DenseLayer[] rows;
    /** The distance between consecutive rows' first input, pre-activation and output slots. */
    final int xr;
    final int zr;
    final int yr;
    /**
     * Whether {@link #rows} lie on one grid (see the class comment) with the same parameter layout, and
     * the batch reads no slot twice (two neurons sharing a weight or a bias, an input that is a weight):
     * the strided loops add up each weight's, bias's and input's gradient on its own.
     */
    final boolean strided;

    BatchedLayer(DenseLayer[] rows) {
        this.rows = rows;
        DenseLayer f = rows[0];
        this.xr = rows[1].x[0] - f.x[0];
        this.zr = rows[1].z[0] - f.z[0];
        this.yr = rows[1].y[0] - f.y[0];
        boolean grid = true;
        for (int r = 0; r < rows.length && grid; r++) {
            grid = alike(f, rows[r]) && xr >= f.n && rows[r].x[0] == f.x[0] + r * xr && rows[r].z[0] == f.z[0] + r * zr
                    && rows[r].y[0] == f.y[0] + r * yr;
        }
        int[] reads = grid ? reads() : new int[0];
        this.strided = grid && Arrays.stream(reads).distinct().count() == reads.length;
    }

    /** Whether row {@code r} is strided on row {@code f}'s grid, its parts in the same arrays as {@code f}'s. */
    private static boolean alike(DenseLayer f, DenseLayer r) {
        return f.strided && r.strided && r.w0 == f.w0 && r.wj == f.wj && r.wi == f.wi && r.b0 == f.b0 && r.bj == f.bj
                && r.weightsAreParameters == f.weightsAreParameters && r.biasesAreParameters == f.biasesAreParameters
                && r.inputsAreParameters == f.inputsAreParameters && r.weightsNeedGrad == f.weightsNeedGrad
                && r.inputsNeedGrad == f.inputsNeedGrad;
    }

    /** The biases and the weights once, then every row's inputs. */
    @Override
    public int[] reads() {
        int[] shared = rows[0].reads();
        int own = rows[0].x.length;
        int[] reads = Arrays.copyOf(shared, shared.length - own + rows.length * own);
        for (int r = 0, at = shared.length - own; r < rows.length; r++, at += own) {
            System.arraycopy(rows[r].x, 0, reads, at, own);
        }
        return reads;
    }

    /** Every row's pre-activations, then (with an activation) every row's outputs: each part row-major. */
    @Override
    public int[] writes() {
        int k = rows[0].k;
        int parts = rows[0].activation == null ? 1 : 2;
        int[] writes = new int[parts * rows.length * k];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r].z, 0, writes, r * k, k);
            if (parts == 2) {
                System.arraycopy(rows[r].y, 0, writes, (rows.length + r) * k, k);
            }
        }
        return writes;
    }

    @Override
    public BatchedLayer renumbered(int[] map) {
        DenseLayer[] out = new DenseLayer[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = rows[r].renumbered(map);
        }
        return new BatchedLayer(out);
    }

    @Override
    public BatchedLayer needing(boolean[] needs, int parameters) {
        DenseLayer[] out = new DenseLayer[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = rows[r].needing(needs, parameters);
        }
        return new BatchedLayer(out);
    }

    @Override
    public void forward(Slots s) {
        if (!strided) {
            for (DenseLayer row : rows) {
                row.forward(s);
            }
            return;
        }
        DenseLayer f = rows[0];
        double[] xt = s.scratch(0, f.n * rows.length);
        double[] zt = s.scratch(1, f.k * rows.length);
        gather(f.inputsAreParameters ? s.p : s.d, xt);
        sums(f.weightsAreParameters ? s.p : s.d, f.biasesAreParameters ? s.p : s.d, xt, zt);
        scatter(zt, s.d);
    }

    /** The rows' inputs, transposed: {@code xt[i·m + r]} is row r's input i (m rows). */
    private void gather(double[] xd, double[] xt) {
        DenseLayer f = rows[0];
        int m = rows.length;
        for (int i = 0; i < f.n; i++) {
            for (int r = 0, x = f.x[0] + i; r < m; r++) {
                xt[i * m + r] = xd[x + r * xr];
            }
        }
    }

    /**
     * The rows' pre-activations, transposed ({@code zt[j·m + r]}), each neuron's sum in {@link DenseLayer}'s
     * order (the first product, a first bias, the other products in order, a last bias): the loops run over
     * the rows, side by side in the scratch arrays, as a matrix product's do.
     */
    private void sums(double[] wd, double[] bd, double[] xt, double[] zt) {
        DenseLayer f = rows[0];
        int m = rows.length;
        for (int j = 0; j < f.k; j++) {
            int zj = j * m;
            int w = f.w0 + j * f.wj;
            double w0 = wd[w];
            for (int r = 0; r < m; r++) {
                zt[zj + r] = w0 * xt[r];
            }
            if (f.biasMode == DenseLayer.BIAS_FIRST) {
                double b = bd[f.b0 + j * f.bj];
                for (int r = 0; r < m; r++) {
                    zt[zj + r] = b + zt[zj + r];
                }
            }
            products(wd, w, xt, zt, zj);
            if (f.biasMode == DenseLayer.BIAS_LAST) {
                double b = bd[f.b0 + j * f.bj];
                for (int r = 0; r < m; r++) {
                    zt[zj + r] += b;
                }
            }
        }
    }

    /**
     * Adds the products of inputs 1 to n − 1 to the sums {@code zt[zj + r]}, in order, four inputs per pass
     * over the rows: {@code (((z + w₁x₁) + w₂x₂) + w₃x₃) + w₄x₄} is what four passes add, with a quarter of
     * the loads and stores of the sums.
     */
    private void products(double[] wd, int w, double[] xt, double[] zt, int zj) {
        DenseLayer f = rows[0];
        int m = rows.length;
        int i = 1;
        for (; i + 4 <= f.n; i += 4) {
            double a = wd[w + i * f.wi], b = wd[w + (i + 1) * f.wi], c = wd[w + (i + 2) * f.wi], e = wd[w + (i + 3) * f.wi];
            int x0 = i * m, x1 = x0 + m, x2 = x1 + m, x3 = x2 + m;
            for (int r = 0; r < m; r++) {
                zt[zj + r] = zt[zj + r] + a * xt[x0 + r] + b * xt[x1 + r] + c * xt[x2 + r] + e * xt[x3 + r];
            }
        }
        for (; i < f.n; i++) {
            double wi = wd[w + i * f.wi];
            for (int r = 0, xi = i * m; r < m; r++) {
                zt[zj + r] += wi * xt[xi + r];
            }
        }
    }

    /** The pre-activations into their slots, and the activation's outputs into theirs. */
    private void scatter(double[] zt, double[] d) {
        DenseLayer f = rows[0];
        Op act = f.activation;
        int m = rows.length;
        for (int j = 0; j < f.k; j++) {
            for (int r = 0, z = f.z[0] + j, y = f.y[0] + j; r < m; r++) {
                double v = zt[j * m + r];
                d[z + r * zr] = v;
                if (act != null) {
                    d[y + r * yr] = act == Op.RELU ? v > 0 ? v : 0.0 : Value.forward(act, v, 0);
                }
            }
        }
    }

    /**
     * The rows' backward passes: the pre-activations' gradients, then the weights' and biases' gradients
     * and the inputs', each slot receiving its contributions in the unbatched order (last row first;
     * within a row, the neurons last to first).
     */
    @Override
    public void backward(Slots s) {
        if (!strided) {
            for (int r = rows.length - 1; r >= 0; r--) {
                rows[r].backward(s);
            }
            return;
        }
        DenseLayer f = rows[0];
        if (!s.needs[f.z[0]]) {
            return;
        }
        double[] gz = s.scratch(1, f.k * rows.length);
        preActivationGrads(s.d, s.g, gz);
        if (f.weightsNeedGrad) {
            weightGrads(f.weightsAreParameters ? s.pg : s.g, f.inputsAreParameters ? s.p : s.d, gz);
            biasGrads(f.biasesAreParameters ? s.pg : s.g, gz);
        }
        if (f.inputsNeedGrad) {
            inputGrads(f.weightsAreParameters ? s.p : s.d, f.inputsAreParameters ? s.pg : s.g, gz);
        }
    }

    /** {@code gz[j·m + r]}: row r's gradient of pre-activation j, through the activation. */
    private void preActivationGrads(double[] d, double[] g, double[] gz) {
        DenseLayer f = rows[0];
        Op act = f.activation;
        int m = rows.length;
        for (int j = 0; j < f.k; j++) {
            for (int r = 0, z = f.z[0] + j, y = f.y[0] + j; r < m; r++) {
                double gy = g[y + r * yr];
                gz[j * m + r] = act == null ? gy : act == Op.RELU ? d[z + r * zr] > 0 ? gy : 0.0
                        : Value.gradToA(act, gy, d[z + r * zr], 0, d[y + r * yr]);
            }
        }
    }

    /**
     * Adds {@code Σ gz·x} over the rows, last row first, to each weight's gradient: two neurons' weights
     * for four inputs at a time, so that eight independent sums fill the pipelines and each number loaded
     * serves two or four of them; the weights left over four at a time, then one at a time.
     */
    private void weightGrads(double[] wg, double[] xd, double[] gz) {
        DenseLayer f = rows[0];
        int pairs = f.k / 2 * 2;
        int quads = f.n / 4 * 4;
        for (int j = 0; j < pairs; j += 2) {
            for (int i = 0; i < quads; i += 4) {
                eightWeights(wg, xd, gz, j, i);
            }
        }
        int[] rest = new int[f.k * f.n - pairs * quads];   // weight t: neuron t / n's for input t % n
        int count = 0;
        for (int t = 0; t < f.k * f.n; t++) {
            if (t / f.n >= pairs || t % f.n >= quads) {
                rest[count++] = t;
            }
        }
        int q = 0;
        for (; q + 4 <= count; q += 4) {
            fourWeights(wg, xd, gz, rest, q);
        }
        for (; q < count; q++) {
            oneWeight(wg, xd, gz, rest[q] / f.n, rest[q] % f.n);
        }
    }

    /** The slot of neuron j's weight for input i. */
    private int weight(int j, int i) {
        DenseLayer f = rows[0];
        return f.w0 + j * f.wj + i * f.wi;
    }

    /** {@link #weightGrads} for neurons j and j + 1, inputs i to i + 3. */
    private void eightWeights(double[] wg, double[] xd, double[] gz, int j, int i) {
        int m = rows.length;
        int ga = j * m;
        int gb = ga + m;
        int x = rows[0].x[0] + i;
        double a0 = wg[weight(j, i)], a1 = wg[weight(j, i + 1)], a2 = wg[weight(j, i + 2)], a3 = wg[weight(j, i + 3)];
        double b0 = wg[weight(j + 1, i)], b1 = wg[weight(j + 1, i + 1)], b2 = wg[weight(j + 1, i + 2)];
        double b3 = wg[weight(j + 1, i + 3)];
        for (int r = m - 1; r >= 0; r--) {
            int xr0 = x + r * xr;
            double x0 = xd[xr0], x1 = xd[xr0 + 1], x2 = xd[xr0 + 2], x3 = xd[xr0 + 3];
            double g = gz[ga + r];
            double h = gz[gb + r];
            a0 += g * x0;
            a1 += g * x1;
            a2 += g * x2;
            a3 += g * x3;
            b0 += h * x0;
            b1 += h * x1;
            b2 += h * x2;
            b3 += h * x3;
        }
        double[] sums = {a0, a1, a2, a3, b0, b1, b2, b3};
        for (int q = 0; q < 8; q++) {
            wg[weight(j + q / 4, i + q % 4)] = sums[q];
        }
    }

    /** {@link #weightGrads} for weights {@code rest[q]} to {@code rest[q + 3]}. */
    private void fourWeights(double[] wg, double[] xd, double[] gz, int[] rest, int q) {
        DenseLayer f = rows[0];
        int m = rows.length;
        int n = f.n;
        int w0 = weight(rest[q] / n, rest[q] % n), w1 = weight(rest[q + 1] / n, rest[q + 1] % n);
        int w2 = weight(rest[q + 2] / n, rest[q + 2] % n), w3 = weight(rest[q + 3] / n, rest[q + 3] % n);
        int g0 = rest[q] / n * m, g1 = rest[q + 1] / n * m, g2 = rest[q + 2] / n * m, g3 = rest[q + 3] / n * m;
        int x0 = f.x[0] + rest[q] % n, x1 = f.x[0] + rest[q + 1] % n;
        int x2 = f.x[0] + rest[q + 2] % n, x3 = f.x[0] + rest[q + 3] % n;
        double a0 = wg[w0], a1 = wg[w1], a2 = wg[w2], a3 = wg[w3];
        for (int r = m - 1; r >= 0; r--) {
            int x = r * xr;
            a0 += gz[g0 + r] * xd[x0 + x];
            a1 += gz[g1 + r] * xd[x1 + x];
            a2 += gz[g2 + r] * xd[x2 + x];
            a3 += gz[g3 + r] * xd[x3 + x];
        }
        wg[w0] = a0;
        wg[w1] = a1;
        wg[w2] = a2;
        wg[w3] = a3;
    }

    /** {@link #weightGrads} for neuron j's weight for input i alone. */
    private void oneWeight(double[] wg, double[] xd, double[] gz, int j, int i) {
        int w = weight(j, i);
        double sum = wg[w];
        for (int r = rows.length - 1, x = rows[0].x[0] + i; r >= 0; r--) {
            sum += gz[j * rows.length + r] * xd[x + r * xr];
        }
        wg[w] = sum;
    }

    /**
     * Adds each row's {@code gz}, last row first, to its neuron's bias's gradient: four neurons at a time,
     * their sums in registers.
     */
    private void biasGrads(double[] bg, double[] gz) {
        DenseLayer f = rows[0];
        if (f.biasMode == DenseLayer.NO_BIAS) {
            return;
        }
        int m = rows.length;
        int j = 0;
        for (; j + 4 <= f.k; j += 4) {
            int b = f.b0 + j * f.bj;
            double a0 = bg[b], a1 = bg[b + f.bj], a2 = bg[b + 2 * f.bj], a3 = bg[b + 3 * f.bj];
            for (int r = m - 1, g = j * m; r >= 0; r--) {
                a0 += gz[g + r];
                a1 += gz[g + m + r];
                a2 += gz[g + 2 * m + r];
                a3 += gz[g + 3 * m + r];
            }
            bg[b] = a0;
            bg[b + f.bj] = a1;
            bg[b + 2 * f.bj] = a2;
            bg[b + 3 * f.bj] = a3;
        }
        for (; j < f.k; j++) {
            double sum = bg[f.b0 + j * f.bj];
            for (int r = m - 1; r >= 0; r--) {
                sum += gz[j * m + r];
            }
            bg[f.b0 + j * f.bj] = sum;
        }
    }

    /** Adds each row's {@code gz[j]·w[j][i]} to its input i's gradient, the neurons last to first. */
    private void inputGrads(double[] wd, double[] xg, double[] gz) {
        DenseLayer f = rows[0];
        int m = rows.length;
        for (int j = f.k - 1; j >= 0; j--) {
            for (int i = 0; i < f.n; i++) {
                double w = wd[f.w0 + j * f.wj + i * f.wi];
                for (int r = 0, x = f.x[0] + i; r < m; r++) {
                    xg[x + r * xr] += gz[j * m + r] * w;
                }
            }
        }
    }

    @Override
    public String text(Program p) {
        String row = rows[0].text(p);
        return String.format(Locale.ROOT, "%d rows of [%s]; last row: %s", rows.length, row.replace(" = ", ": "),
                rows[rows.length - 1].text(p));
    }
}
