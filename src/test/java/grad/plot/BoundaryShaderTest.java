package grad.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BoundaryShaderTest {

    /** The data square [-4, 4]² mapped onto pixels [20, 420) x [10, 410) of a 440x420 image. */
    private static final PlotArea AREA = new PlotArea(20, 10, 420, 410);
    private static final AxisRange RANGE = new AxisRange(-4, 4);

    private static BufferedImage shade(ProbabilityField field, int classes) {
        BufferedImage image = new BufferedImage(440, 420, BufferedImage.TYPE_INT_RGB);
        new BoundaryShader(classes).shade(field, AREA, RANGE, RANGE, image);
        return image;
    }

    private static int screenX(double x) {
        return (int) (AREA.left() + (x - RANGE.min()) / RANGE.span() * AREA.width());
    }

    @Test
    void certaintyGetsTheFullTintAndDoubtIsPaler() {
        BufferedImage image = shade(Fixtures.leftRight(), 2);
        int y = 200;
        assertThat(Fixtures.colour(image, screenX(-3), y)).isEqualTo(Palette.tint(0));
        assertThat(Fixtures.colour(image, screenX(3), y)).isEqualTo(Palette.tint(1));
        Color nearBoundary = Fixtures.colour(image, screenX(-0.3), y);
        assertThat(Fixtures.distanceFromWhite(nearBoundary))
                .isPositive()
                .isLessThan(Fixtures.distanceFromWhite(Palette.tint(0)) / 2);
        // p0 = 0.65 at x = -0.3: 30% of the way from white to the tint
        assertThat(nearBoundary.getRed()).isGreaterThan(Palette.tint(0).getRed());
    }

    @Test
    void aDarkLineMarksWhereThePredictedClassChanges() {
        BufferedImage image = shade(Fixtures.leftRight(), 2);
        int y = 200;
        int darkest = 255 * 3;
        int darkestAt = -1;
        for (int x = screenX(-1); x <= screenX(1); x++) {
            Color c = Fixtures.colour(image, x, y);
            int sum = c.getRed() + c.getGreen() + c.getBlue();
            if (sum < darkest) {
                darkest = sum;
                darkestAt = x;
            }
        }
        assertThat(darkestAt).isBetween(screenX(0) - 1, screenX(0) + 1);
        // here the boundary falls between two pixels, which share the line: each about half dark
        assertThat(darkest).isLessThan(3 * 170);
        // and nowhere else along the row
        Color left = Fixtures.colour(image, screenX(-0.5), y);
        assertThat(left.getRed() + left.getGreen() + left.getBlue()).isGreaterThan(3 * 200);
    }

    @Test
    void fillsEveryPixelOfTheAreaAndNothingOutside() {
        BufferedImage image = shade(Fixtures.allClassZero(3), 3);
        int tint = Palette.tint(0).getRGB();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                boolean inside = x >= 20 && x < 420 && y >= 10 && y < 410;
                assertThat(image.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(inside ? tint : 0xFF000000);
            }
        }
    }

    @Test
    void staysWithinTheEvaluationBudget() {
        AtomicLong calls = new AtomicLong();
        ProbabilityField counting = (x, y, out) -> {
            calls.incrementAndGet();
            out[0] = x < 0 ? 0.9 : 0.1;
            out[1] = 1 - out[0];
        };
        shade(counting, 2);
        assertThat(calls.get()).isLessThanOrEqualTo(BoundaryShader.MAX_EVALUATIONS).isGreaterThan(10_000);
        assertThat(BoundaryShader.step(400 * 400)).isEqualTo(2);
        assertThat(BoundaryShader.step(100 * 100)).isEqualTo(1);
    }

    /**
     * The line pass only visits lattice cells near a class change: a boundary at any angle, in a field
     * that is certain (p = 0 or 1) a little away from it, is still drawn along its whole length, and
     * nothing away from it is darkened.
     */
    @Test
    void aSlantedBoundaryIsDrawnAlongItsWholeLengthAndNowhereElse() {
        double slope = 0.37;
        ProbabilityField slanted = (x, y, out) -> {
            double d = y - slope * x - 0.3;   // class 0 above the line y = 0.37 x + 0.3
            out[0] = Math.max(0, Math.min(1, 0.5 + 2 * d));
            out[1] = 1 - out[0];
        };
        BufferedImage image = shade(slanted, 2);
        int line = Palette.BOUNDARY_LINE.getRGB() & 0xFFFFFF;
        for (int x = 30; x < 410; x++) {
            double dataX = RANGE.min() + (x + 0.5 - AREA.left()) / AREA.width() * RANGE.span();
            double boundaryY = slope * dataX + 0.3;
            int y = (int) Math.round(AREA.top() + (RANGE.max() - boundaryY) / RANGE.span() * AREA.height());
            int darkest = Integer.MAX_VALUE;
            for (int dy = -2; dy <= 2; dy++) {
                Color c = Fixtures.colour(image, x, y + dy);
                darkest = Math.min(darkest, c.getRed() + c.getGreen() + c.getBlue());
            }
            assertThat(darkest).as("the line at column %d", x).isLessThan(3 * 170);
            // well away from the line, on both sides: pure tints, no line colour blended in
            assertThat(image.getRGB(x, y - 40) & 0xFFFFFF).as("above, column %d", x).isEqualTo(Palette.tint(0).getRGB() & 0xFFFFFF);
            assertThat(image.getRGB(x, y + 40) & 0xFFFFFF).as("below, column %d", x).isEqualTo(Palette.tint(1).getRGB() & 0xFFFFFF);
            assertThat(image.getRGB(x, y - 40) & 0xFFFFFF).isNotEqualTo(line);
        }
    }

    @Test
    void nonFiniteProbabilitiesAreDrawnWhite() {
        BufferedImage image = shade((x, y, out) -> {
            out[0] = Double.NaN;
            out[1] = Double.NaN;
        }, 2);
        assertThat(Fixtures.colour(image, 200, 200)).isEqualTo(Color.WHITE);
    }
}
