package grad.plot;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Paints the model's class field into the plot area of an RGB image.
 *
 * <p>The field is evaluated on a lattice every {@code step} pixels (at most {@link #MAX_EVALUATIONS}
 * calls), and the probabilities are interpolated bilinearly at each pixel, so the boundary is
 * smooth rather than blocky. Each pixel takes its predicted class's tint, blended from white at
 * {@code p = 1/k} (no confidence) to the full tint at {@code p = 1}. Where the predicted class changes
 * a thin dark line is drawn, anti-aliased by where the two classes' interpolated probabilities
 * cross between neighbouring pixels.
 */
final class BoundaryShader {

    /** Upper bound on field evaluations per frame: about 6 ms at 100 ns a call. */
    static final int MAX_EVALUATIONS = 60_000;
    private static final double LINE_HALF_WIDTH = 0.6;
    private static final double LINE_OPACITY = 0.8;
    private static final int LEVELS = 256;

    private final int classes;
    /** Per class, the pixel colour at each confidence level from white to the full tint. */
    private final int[][] shades;
    /** The probability of no confidence, 1/k, drawn white. */
    private final double floor;
    /** Shade levels per unit of probability above {@link #floor}. */
    private final double levelsPerProbability;
    private double[] lattice = new double[0];
    private double[] row = new double[0];
    private float[] pixelProbs = new float[0];
    private int[] pixelClass = new int[0];

    BoundaryShader(int classes) {
        this.classes = classes;
        this.shades = new int[classes][LEVELS];
        this.floor = 1.0 / classes;
        this.levelsPerProbability = classes == 1 ? 0.0 : (LEVELS - 1) / (1.0 - floor);
        for (int c = 0; c < classes; c++) {
            Color tint = Palette.tint(c);
            for (int level = 0; level < LEVELS; level++) {
                shades[c][level] = Palette.mix(Color.WHITE, tint, level / (double) (LEVELS - 1)).getRGB();
            }
        }
    }

    /** Lattice spacing in pixels for an area of {@code pixels}: as fine as the evaluation budget allows. */
    static int step(long pixels) {
        return Math.max(1, (int) Math.ceil(Math.sqrt(pixels / (double) MAX_EVALUATIONS)));
    }

    /** Fills the pixels of {@code area} in {@code image} (which must be {@code TYPE_INT_RGB}). */
    void shade(ProbabilityField field, PlotArea area, AxisRange xRange, AxisRange yRange, BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("expected an INT_RGB image");
        }
        Rectangle r = area.pixels().intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
        if (r.isEmpty()) {
            return;
        }
        int s = step((long) r.width * r.height);
        int nx = (r.width - 1) / s + 2;
        int ny = (r.height - 1) / s + 2;
        evaluateLattice(field, area, xRange, yRange, r, s, nx, ny);

        int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        interpolate(r, s, nx, rgb, image.getWidth());
        drawBoundaryLines(r, rgb, image.getWidth(), cellsNearAChange(nx, ny));
    }

    /**
     * Lattice points whose predicted class leads every other by less than this may change class between
     * them; far more than the rounding of an interpolated probability (a few units in 1e-16).
     */
    private static final double CLEAR_LEAD = 1e-9;

    /**
     * For each lattice cell, whether the predicted class may change in it or next to it. Where its four
     * corners all predict one class by a clear lead, every pixel in the cell does too (it is a weighted mean
     * of the corners, each weight at least 0); and two such cells side by side share two corners, so share
     * the class. So a boundary line can only touch the pixels of a cell that is not clear, or of a cell
     * beside one.
     */
    private boolean[] cellsNearAChange(int nx, int ny) {
        int cx = nx - 1;
        int cy = ny - 1;
        int[] clear = new int[nx * ny];
        for (int point = 0; point < clear.length; point++) {
            clear[point] = clearClass(point);
        }
        boolean[] unclear = new boolean[cx * cy];
        for (int j = 0; j < cy; j++) {
            for (int i = 0; i < cx; i++) {
                int a = clear[j * nx + i];
                unclear[j * cx + i] = a < 0 || clear[j * nx + i + 1] != a
                        || clear[(j + 1) * nx + i] != a || clear[(j + 1) * nx + i + 1] != a;
            }
        }
        boolean[] near = new boolean[cx * cy];
        for (int j = 0; j < cy; j++) {
            for (int i = 0; i < cx; i++) {
                near[j * cx + i] = unclear[j * cx + i] || i > 0 && unclear[j * cx + i - 1]
                        || i + 1 < cx && unclear[j * cx + i + 1] || j > 0 && unclear[(j - 1) * cx + i]
                        || j + 1 < cy && unclear[(j + 1) * cx + i];
            }
        }
        return near;
    }

    /** The class lattice point {@code point} predicts by a clear lead over every other, or -1. */
    private int clearClass(int point) {
        int k = classes;
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (lattice[point * k + c] > lattice[point * k + best]) {
                best = c;
            }
        }
        for (int c = 0; c < k; c++) {
            if (c != best && !(lattice[point * k + best] - lattice[point * k + c] > CLEAR_LEAD)) {
                return -1;
            }
        }
        return best;
    }

    private void evaluateLattice(
            ProbabilityField field, PlotArea area, AxisRange xRange, AxisRange yRange, Rectangle r, int s, int nx, int ny) {
        int k = classes;
        if (lattice.length < nx * ny * k) {
            lattice = new double[nx * ny * k];
        }
        if (row.length < nx * k) {
            row = new double[nx * k];
        }
        double[] xs = new double[nx];
        double[] ys = new double[nx];
        double xPerPixel = xRange.span() / area.width();
        double yPerPixel = yRange.span() / area.height();
        for (int i = 0; i < nx; i++) {
            xs[i] = xRange.min() + (r.x + i * s + 0.5 - area.left()) * xPerPixel;
        }
        for (int j = 0; j < ny; j++) {
            java.util.Arrays.fill(ys, yRange.max() - (r.y + j * s + 0.5 - area.top()) * yPerPixel);
            field.probabilities(xs, ys, nx, k, row);
            int base = j * nx * k;
            for (int t = 0; t < nx * k; t++) {
                lattice[base + t] = Drawable.probability(row[t]);
            }
        }
    }

    /** Bilinear probabilities per pixel, the predicted class, and its confidence shade. */
    private void interpolate(Rectangle r, int s, int nx, int[] rgb, int stride) {
        int k = classes;
        int w = r.width;
        int h = r.height;
        if (pixelClass.length < w * h) {
            pixelClass = new int[w * h];
            pixelProbs = new float[w * h * k];
        }
        int[] col = new int[w];
        double[] fxs = new double[w];
        for (int px = 0; px < w; px++) {
            col[px] = px / s;
            fxs[px] = (px % s) / (double) s;
        }
        for (int py = 0; py < h; py++) {
            int j = py / s;
            double fy = (py % s) / (double) s;
            int out = (r.y + py) * stride + r.x;
            for (int px = 0; px < w; px++) {
                int top = (j * nx + col[px]) * k;
                rgb[out + px] = interpolatePixel(py * w + px, top, top + nx * k, fxs[px], fy);
            }
        }
    }

    /**
     * Interpolates pixel {@code idx}'s class probabilities between the lattice points {@code top},
     * {@code top + k} (above) and {@code bottom}, {@code bottom + k} (below), keeps them and its class, and
     * returns its shade.
     */
    private int interpolatePixel(int idx, int top, int bottom, double fx, double fy) {
        int k = classes;
        double[] n = lattice;
        double w00 = (1 - fx) * (1 - fy);
        double w10 = fx * (1 - fy);
        double w01 = (1 - fx) * fy;
        double w11 = fx * fy;
        int best = 0;
        double bestP = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double p = w00 * n[top + c] + w10 * n[top + k + c] + w01 * n[bottom + c] + w11 * n[bottom + k + c];
            pixelProbs[idx * k + c] = (float) p;
            if (p > bestP) {
                bestP = p;
                best = c;
            }
        }
        pixelClass[idx] = best;
        int level = k == 1 ? LEVELS - 1 : (int) Math.round((bestP - floor) * levelsPerProbability);
        return shades[best][Math.max(0, Math.min(LEVELS - 1, level))];
    }

    /**
     * Darkens pixels next to a class change. Between a pixel P of class a and a neighbour Q of class
     * b, {@code p_a - p_b} goes from positive to negative; the line sits where it is zero, and P's
     * coverage falls off with its distance from there.
     */
    private void drawBoundaryLines(Rectangle r, int[] rgb, int stride, boolean[] nearAChange) {
        int w = r.width;
        int h = r.height;
        int s = step((long) w * h);
        int cx = (w - 1) / s + 1;
        int line = Palette.BOUNDARY_LINE.getRGB();
        for (int py = 0; py < h; py++) {
            for (int px = 0; px < w; px++) {
                if (!nearAChange[(py / s) * cx + px / s]) {
                    px += s - 1 - px % s;   // on to the next cell of this row
                    continue;
                }
                double coverage = pixelCoverage(px, py, w, h);
                if (coverage > 0) {
                    int out = (r.y + py) * stride + r.x + px;
                    rgb[out] = blend(rgb[out], line, coverage * LINE_OPACITY);
                }
            }
        }
    }

    /** How much of pixel ({@code px}, {@code py}) the boundary line covers: 0 where no neighbour's class differs. */
    private double pixelCoverage(int px, int py, int w, int h) {
        int k = classes;
        int idx = py * w + px;
        int a = pixelClass[idx];
        double coverage = 0;
        if (px + 1 < w) {
            coverage = Math.max(coverage, coverage(idx, idx + 1, a, k));
        }
        if (px > 0) {
            coverage = Math.max(coverage, coverage(idx, idx - 1, a, k));
        }
        if (py + 1 < h) {
            coverage = Math.max(coverage, coverage(idx, idx + w, a, k));
        }
        if (py > 0) {
            coverage = Math.max(coverage, coverage(idx, idx - w, a, k));
        }
        return coverage;
    }

    private double coverage(int p, int q, int a, int k) {
        int b = pixelClass[q];
        if (b == a) {
            return 0;
        }
        double dp = pixelProbs[p * k + a] - pixelProbs[p * k + b];
        double dq = pixelProbs[q * k + a] - pixelProbs[q * k + b];
        double distance = dp - dq > 0 ? dp / (dp - dq) : 0.5;
        return Math.max(0, Math.min(1, LINE_HALF_WIDTH + 0.5 - distance));
    }

    private static int blend(int from, int to, double t) {
        int r = channel(from >> 16, to >> 16, t);
        int g = channel(from >> 8, to >> 8, t);
        int b = channel(from, to, t);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    private static int channel(int from, int to, double t) {
        int a = from & 0xFF;
        int b = to & 0xFF;
        return (int) Math.round(a + (b - a) * t);
    }
}
