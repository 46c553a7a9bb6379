package grad.playground;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import grad.data.Dataset;
import grad.train.LiveRun;

/**
 * What the page is sent, as JSON: the data (once per run) and the pictures of the network now — the class
 * of each cell of a small grid over the plane with how sure the network is, each input's and hidden
 * neuron's output over a coarser grid, and the weights. The page paints them; the server only samples.
 */
final class Frames {
    /** Cells per side of the output's grid, and of each neuron's. */
    static final int OUTPUT_GRID = 50;
    static final int NEURON_GRID = 20;
    /** At most this many points of each kind are sent (evenly picked), so a large CSV stays drawable. */
    static final int MAX_POINTS = 4000;
    /** A neuron's values are sent as whole numbers from -Q to Q of its largest magnitude. */
    private static final int Q = 100;

    private Frames() {
    }

    /** The plane's range around every point, with a margin, as {xMin, xMax, yMin, yMax}. */
    static double[] plane(Dataset train, Dataset test) {
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Dataset d : new Dataset[] {train, test}) {
            for (int i = 0; i < d.size(); i++) {
                r[0] = Math.min(r[0], d.feature(i, 0));
                r[1] = Math.max(r[1], d.feature(i, 0));
                r[2] = Math.min(r[2], d.feature(i, 1));
                r[3] = Math.max(r[3], d.feature(i, 1));
            }
        }
        for (int a = 0; a < 4; a += 2) {
            double margin = Math.max(0.1 * (r[a + 1] - r[a]), 1e-3);
            r[a] -= margin;
            r[a + 1] += margin;
        }
        return r;
    }

    /** The run's data: the plane, the classes, the training and test points as [x, y, class]. */
    static JsonObject data(LiveRun run, double[] plane, int version) {
        JsonObject o = new JsonObject();
        o.addProperty("version", version);
        o.add("plane", numbers(plane));
        Dataset train = run.trainRows();
        JsonArray classes = new JsonArray();
        train.classNames().forEach(classes::add);
        o.add("classes", classes);
        o.add("columns", strings(train.featureNames().toArray(String[]::new)));
        o.add("train", points(train));
        o.add("test", points(run.testRows()));
        return o;
    }

    private static JsonArray points(Dataset d) {
        JsonArray a = new JsonArray();
        int step = Math.max(1, (d.size() + MAX_POINTS - 1) / MAX_POINTS);
        for (int i = 0; i < d.size(); i += step) {
            JsonArray p = new JsonArray();
            p.add(round(d.feature(i, 0)));
            p.add(round(d.feature(i, 1)));
            p.add(d.label(i));
            a.add(p);
        }
        return a;
    }

    /**
     * The network's pictures now: {@code output} (per cell of {@value #OUTPUT_GRID}², row by row from the top,
     * {@code class * 100 + certainty}, the certainty from 0 at chance to 99 sure), {@code inputs} and
     * {@code neurons} (per layer, each with its largest magnitude {@code s} and values {@code q} in [-100, 100]),
     * and {@code weights[l][j][i]}.
     */
    static JsonObject pictures(LiveRun run, double[] plane) {
        JsonObject o = new JsonObject();
        LiveRun.Probe probe = run.probe();
        int classes = run.sizes()[run.sizes().length - 1];
        JsonArray output = new JsonArray();
        for (int r = 0; r < OUTPUT_GRID; r++) {
            for (int c = 0; c < OUTPUT_GRID; c++) {
                probe.at(x(plane, c, OUTPUT_GRID), y(plane, r, OUTPUT_GRID));
                output.add(cell(probe, classes));
            }
        }
        o.add("output", output);
        neurons(o, run, probe, plane);
        JsonArray weights = new JsonArray();
        for (double[][] layer : run.weights()) {
            JsonArray l = new JsonArray();
            for (double[] neuron : layer) {
                l.add(numbers(neuron));
            }
            weights.add(l);
        }
        o.add("weights", weights);
        return o;
    }

    private static int cell(LiveRun.Probe probe, int classes) {
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (probe.probability(k) > probe.probability(best)) {
                best = k;
            }
        }
        double chance = 1.0 / classes;
        double sure = (probe.probability(best) - chance) / (1 - chance);
        return best * 100 + (int) Math.max(0, Math.min(99, Math.floor(sure * 100)));
    }

    /** Each input's and each hidden neuron's output over the coarse grid. */
    private static void neurons(JsonObject o, LiveRun run, LiveRun.Probe probe, double[] plane) {
        int[] sizes = run.sizes();
        int inputs = run.inputNames().size();
        int n = NEURON_GRID * NEURON_GRID;
        double[][] in = new double[inputs][n];
        double[][][] hidden = new double[sizes.length - 1][][];
        for (int l = 0; l < hidden.length; l++) {
            hidden[l] = new double[sizes[l]][n];
        }
        for (int cell = 0; cell < n; cell++) {
            probe.at(x(plane, cell % NEURON_GRID, NEURON_GRID), y(plane, cell / NEURON_GRID, NEURON_GRID));
            for (int i = 0; i < inputs; i++) {
                in[i][cell] = probe.input(i);
            }
            for (int l = 0; l < hidden.length; l++) {
                for (int j = 0; j < sizes[l]; j++) {
                    hidden[l][j][cell] = probe.neuron(l, j);
                }
            }
        }
        o.add("inputs", fields(in));
        JsonArray layers = new JsonArray();
        for (double[][] layer : hidden) {
            layers.add(fields(layer));
        }
        o.add("neurons", layers);
    }

    private static JsonArray fields(double[][] values) {
        JsonArray a = new JsonArray();
        for (double[] v : values) {
            double scale = 0;
            for (double x : v) {
                scale = Math.max(scale, Math.abs(x));
            }
            JsonObject f = new JsonObject();
            f.addProperty("s", number(scale));
            JsonArray q = new JsonArray();
            for (double x : v) {
                q.add(scale == 0 || !Double.isFinite(scale) ? 0 : (int) Math.round(Q * x / scale));
            }
            f.add("q", q);
            a.add(f);
        }
        return a;
    }

    /** The centre of column {@code c} of an {@code n}-cell grid over the plane. */
    static double x(double[] plane, int c, int n) {
        return plane[0] + (c + 0.5) * (plane[1] - plane[0]) / n;
    }

    /** The centre of row {@code r}, counted from the top. */
    static double y(double[] plane, int r, int n) {
        return plane[3] - (r + 0.5) * (plane[3] - plane[2]) / n;
    }

    static JsonArray numbers(double[] values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(number(v));
        }
        return a;
    }

    /** {@code v} rounded, or null (JSON has no NaN nor infinities). */
    static Double number(double v) {
        return Double.isFinite(v) ? round(v) : null;
    }

    static JsonArray strings(String... values) {
        JsonArray a = new JsonArray();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    /** Four significant digits are plenty for a picture. */
    static double round(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
    }
}
