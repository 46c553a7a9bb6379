package grad.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Deterministic datasets and fields for the plot tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** 200 points in [-2, 2]², class 0 where x·y > 0. */
    static PlotData xor() {
        Random random = new Random(7);
        int n = 200;
        double[] xs = new double[n];
        double[] ys = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            xs[i] = random.nextDouble() * 4 - 2;
            ys[i] = random.nextDouble() * 4 - 2;
            labels[i] = xs[i] * ys[i] > 0 ? 0 : 1;
        }
        return new PlotData("xor", xs, ys, labels, List.of("same sign", "opposite sign"));
    }

    /** Three rings of radius 1, 3 and 5; the outer ring reaches 6.25 on the x axis. */
    static PlotData circles() {
        Random random = new Random(3);
        int n = 300;
        double[] xs = new double[n];
        double[] ys = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            double radius = 1 + 2 * c + random.nextGaussian() * 0.25;
            double angle = random.nextDouble() * 2 * Math.PI;
            xs[i] = radius * Math.cos(angle);
            ys[i] = radius * Math.sin(angle);
            labels[i] = c;
        }
        xs[0] = 6.25;
        ys[0] = 0;
        labels[0] = 2;
        return new PlotData("circles", xs, ys, labels, List.of("inner", "middle", "outer"));
    }

    /** A field for {@link #xor()} whose confidence grows with {@code sharpness}. */
    static ProbabilityField xorField(double sharpness) {
        return (x, y, out) -> {
            double p0 = 1 / (1 + Math.exp(-sharpness * x * y));
            out[0] = p0;
            out[1] = 1 - p0;
        };
    }

    /** Class 0 with p = 1 left of x = -1, p = 0.5 at x = 0, class 1 with p = 1 right of x = 1. */
    static ProbabilityField leftRight() {
        return (x, y, out) -> {
            double p0 = Math.max(0, Math.min(1, 0.5 - x / 2));
            out[0] = p0;
            out[1] = 1 - p0;
        };
    }

    /** Every point is class 0, with certainty. */
    static ProbabilityField allClassZero(int classes) {
        return (x, y, out) -> {
            java.util.Arrays.fill(out, 0, classes, 0.0);
            out[0] = 1;
        };
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new AssertionError("not a readable image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A short fingerprint of some bytes, so a failed comparison does not print them all. */
    static String digest(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static Color colour(BufferedImage image, int x, int y) {
        return new Color(image.getRGB(x, y));
    }

    /** How far a colour is from white: 0 for white, larger for more saturated or darker tints. */
    static int distanceFromWhite(Color c) {
        return (255 - c.getRed()) + (255 - c.getGreen()) + (255 - c.getBlue());
    }
}
