package grad.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionBoundaryPlotTest {

    @TempDir
    Path dir;

    /** Class 0 left of x = 0, class 1 right of it, both sides away from the plot's edges. */
    private static PlotData leftRightData() {
        double[] xs = {-3, -2, -1, 1, 2, 3};
        double[] ys = {-2, 2, 0, 0, -2, 2};
        int[] labels = {0, 0, 0, 1, 1, 1};
        return new PlotData("halves", xs, ys, labels, List.of("left", "right"));
    }

    @Test
    void writesAPngOfTheRequestedSize() throws Exception {
        DecisionBoundaryPlot plot = new DecisionBoundaryPlot(Fixtures.xor(), 800, 500);
        Path file = dir.resolve("boundary.png");
        Png.write(file, plot.render(Fixtures.xorField(3), 12, 0.9));

        BufferedImage image = javax.imageio.ImageIO.read(file.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
    }

    @Test
    void sameInputsGiveIdenticalBytes() {
        byte[] first = new DecisionBoundaryPlot(Fixtures.circles()).png(Fixtures.allClassZero(3), 5, 0.33);
        DecisionBoundaryPlot plot = new DecisionBoundaryPlot(Fixtures.circles());
        plot.png(Fixtures.xorField(1), 1, 0.5); // an earlier, different frame leaves no trace
        byte[] second = plot.png(Fixtures.allClassZero(3), 5, 0.33);
        assertThat(Fixtures.digest(second)).isEqualTo(Fixtures.digest(first));
    }

    @Test
    void framesDrawnAtOnceOnSeveralThreadsEqualFramesDrawnOneByOne() throws Exception {
        DecisionBoundaryPlot plot = new DecisionBoundaryPlot(Fixtures.xor());
        int frames = 12;
        String[] alone = new String[frames];
        for (int i = 0; i < frames; i++) {
            alone[i] = Fixtures.digest(plot.png(Fixtures.xorField(0.5 + i), i, i / 12.0));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> together = new java.util.ArrayList<>();
            for (int i = 0; i < frames; i++) {
                int frame = i;
                together.add(pool.submit(() -> Fixtures.digest(plot.png(Fixtures.xorField(0.5 + frame), frame, frame / 12.0))));
            }
            for (int i = 0; i < frames; i++) {
                assertThat(together.get(i).get()).as("frame %d", i).isEqualTo(alone[i]);
            }
        } finally {
            pool.shutdownNow();
        }
        // and the frames differ, so that equal digests mean something
        assertThat(alone[0]).isNotEqualTo(alone[11]);
    }

    @Test
    void axesCoverEveryPointWithAMargin() {
        DecisionBoundaryPlot plot = new DecisionBoundaryPlot(Fixtures.circles());
        AxisRange x = plot.xRange();
        AxisRange y = plot.yRange();
        assertThat(x.contains(6.25)).isTrue();
        // at least 10% of the data's span beyond the extreme point
        double span = 6.25 - minOf(Fixtures.circles().xs());
        assertThat(x.max()).isGreaterThanOrEqualTo(6.25 + 0.1 * span - 1e-9);
        for (double v : Fixtures.circles().ys()) {
            assertThat(y.contains(v)).isTrue();
        }
        // equal units on both axes: circles look round
        PlotArea area = plot.plotArea();
        assertThat(x.span() / area.width()).isCloseTo(y.span() / area.height(), org.assertj.core.data.Percentage.withPercentage(2));
    }

    @Test
    void theClassFieldReachesEveryEdgeOfThePlotArea() {
        DecisionBoundaryPlot plot = new DecisionBoundaryPlot(leftRightData());
        BufferedImage image = plot.render(Fixtures.allClassZero(2), 1, 0.5);
        Rectangle r = plot.plotPixels();
        assertThat(r.width).isGreaterThan(300);
        // a band 3 pixels wide inside the border, all round: no white (only tint, maybe under a grid line)
        for (int x = r.x + 2; x < r.x + r.width - 2; x++) {
            for (int y : new int[] {r.y + 2, r.y + 3, r.y + 4, r.y + r.height - 5, r.y + r.height - 4, r.y + r.height - 3}) {
                assertThat(Fixtures.distanceFromWhite(Fixtures.colour(image, x, y))).as("pixel %d,%d", x, y).isGreaterThan(40);
            }
        }
        for (int y = r.y + 2; y < r.y + r.height - 2; y++) {
            for (int x : new int[] {r.x + 2, r.x + 3, r.x + 4, r.x + r.width - 5, r.x + r.width - 4, r.x + r.width - 3}) {
                assertThat(Fixtures.distanceFromWhite(Fixtures.colour(image, x, y))).as("pixel %d,%d", x, y).isGreaterThan(40);
            }
        }
        // and outside the plot area the picture stays white
        assertThat(Fixtures.colour(image, 2, 2)).isEqualTo(Color.WHITE);
    }

    @Test
    void confidenceShadesTheRegionsInTheFinishedPicture() {
        DecisionBoundaryPlot plot = new DecisionBoundaryPlot(leftRightData());
        BufferedImage image = plot.render(Fixtures.leftRight(), 1, 1.0);
        PlotArea area = plot.plotArea();
        int y = (int) (area.top() + 0.37 * area.height());
        Color deep = Fixtures.colour(image, screenX(plot, -3.3), y);
        Color nearBoundary = Fixtures.colour(image, screenX(plot, -0.3), y);
        assertThat(deep).isEqualTo(Palette.tint(0));
        assertThat(Fixtures.distanceFromWhite(nearBoundary)).isLessThan(Fixtures.distanceFromWhite(deep) / 2);
    }

    @Test
    void misclassifiedPointsAreRinged() {
        PlotData data = leftRightData();
        int ringPixelsWhenRight = ringPixels(new DecisionBoundaryPlot(data), Fixtures.leftRight());
        int ringPixelsWhenWrong = ringPixels(new DecisionBoundaryPlot(data), Fixtures.allClassZero(2));
        assertThat(ringPixelsWhenRight).isZero();
        assertThat(ringPixelsWhenWrong).isGreaterThan(3 * 20); // three rings
    }

    @Test
    void givenPredictionsAreUsedAsGiven() {
        PlotData data = leftRightData();
        DecisionBoundaryPlot plot = new DecisionBoundaryPlot(data);
        byte[] computed = Png.encode(plot.render(Fixtures.allClassZero(2), 1, 0.5));
        byte[] given = Png.encode(plot.render(Fixtures.allClassZero(2), 1, 0.5, new int[6]));
        byte[] otherwise = Png.encode(plot.render(Fixtures.allClassZero(2), 1, 0.5, data.labels()));
        assertThat(Fixtures.digest(given)).isEqualTo(Fixtures.digest(computed));
        assertThat(Fixtures.digest(otherwise)).isNotEqualTo(Fixtures.digest(computed));
        assertThatThrownBy(() -> plot.render(Fixtures.allClassZero(2), 1, 0.5, new int[2]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void titleNamesDatasetEpochAndAccuracy() {
        // the network drawn, at the end of the epoch: not the console's mean over the epoch's training samples
        assertThat(DecisionBoundaryPlot.title("xor", 6, 0.9712)).isEqualTo("xor — the network after epoch 6: accuracy 97.1%");
    }

    @Test
    void framesAfterTheFirstAreFast() {
        long start = System.nanoTime();
        DecisionBoundaryPlot plot = new DecisionBoundaryPlot(Fixtures.xor());
        byte[] first = plot.png(Fixtures.xorField(0.5), 0, 0.5);
        long firstNanos = System.nanoTime() - start;
        long total = 0;
        StringBuilder each = new StringBuilder();
        for (int epoch = 1; epoch <= 10; epoch++) {
            long t = System.nanoTime();
            byte[] png = plot.png(Fixtures.xorField(0.5 + epoch), epoch * 10, 0.5 + epoch * 0.05);
            long nanos = System.nanoTime() - t;
            total += nanos;
            each.append(String.format(Locale.ROOT, " %.1f", nanos / 1e6));
            assertThat(png).isNotEmpty();
        }
        System.out.printf(Locale.ROOT, "decision boundary: first frame (with layout) %.0f ms, %d bytes;"
                + " frames 2..11 render+encode ms:%s; mean %.1f ms%n",
                firstNanos / 1e6, first.length, each, total / 10 / 1e6);
    }

    private static int ringPixels(DecisionBoundaryPlot plot, ProbabilityField field) {
        BufferedImage image = plot.render(field, 1, 0.5);
        Rectangle r = plot.plotPixels();
        int count = 0;
        for (int y = r.y + 2; y < r.y + r.height - 2; y++) {
            for (int x = r.x + 2; x < r.x + r.width - 2; x++) {
                Color c = Fixtures.colour(image, x, y);
                if (c.getRed() < 25 && c.getGreen() < 25 && c.getBlue() < 25) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int screenX(DecisionBoundaryPlot plot, double x) {
        PlotArea area = plot.plotArea();
        return (int) (area.left() + (x - plot.xRange().min()) / plot.xRange().span() * area.width());
    }

    private static double minOf(double[] values) {
        return java.util.Arrays.stream(values).min().orElseThrow();
    }

    @Test
    void writtenFileMatchesTheEncodedBytes() throws Exception {
        DecisionBoundaryPlot plot = new DecisionBoundaryPlot(Fixtures.xor());
        BufferedImage image = plot.render(Fixtures.xorField(2), 3, 0.75);
        Path file = dir.resolve("frame.png");
        Png.write(file, image);
        assertThat(Fixtures.digest(Files.readAllBytes(file))).isEqualTo(Fixtures.digest(Png.encode(image)));
    }
}
