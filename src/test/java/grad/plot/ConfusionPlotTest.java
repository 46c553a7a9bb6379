package grad.plot;

import static grad.plot.Fixtures.colour;
import static grad.plot.Fixtures.decode;
import static grad.plot.Fixtures.digest;
import static grad.plot.Fixtures.distanceFromWhite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionPlotTest {
    private static final List<String> NAMES = List.of("a", "b", "c");
    private static final int[][] TRAIN = {{300, 12, 0}, {25, 280, 9}, {0, 3, 361}};
    private static final int[][] TEST = {{80, 3, 0}, {9, 70, 2}, {0, 1, 90}};

    @Test
    void decodesAtItsSizeAndIsDeterministic() {
        byte[] png = ConfusionPlot.png("circles — epoch 4", NAMES, TRAIN, TEST);
        BufferedImage image = decode(png);
        assertThat(image.getWidth()).isEqualTo(ConfusionPlot.DEFAULT_WIDTH);
        assertThat(image.getHeight()).isEqualTo(ConfusionPlot.DEFAULT_HEIGHT);
        assertThat(digest(ConfusionPlot.png("circles — epoch 4", NAMES, TRAIN, TEST))).isEqualTo(digest(png));
    }

    @Test
    void cellsDarkenWithTheirCountsInTheTrainAndTestHues() {
        BufferedImage image = ConfusionPlot.render("t", NAMES, TRAIN, TEST, 880, 460);
        List<int[]> train = cellsOf(image, 0, 440);
        List<int[]> test = cellsOf(image, 440, 880);
        assertThat(train).hasSize(9);
        assertThat(test).hasSize(9);
        // cells in row-major order; a corner pixel of each, clear of the count written in its middle
        Color biggest = colourAt(image, train.get(8));      // 361
        Color middle = colourAt(image, train.get(0));       // 300
        Color small = colourAt(image, train.get(3));        // 25
        Color empty = colourAt(image, train.get(2));        // 0
        assertThat(biggest).isEqualTo(Palette.TRAIN);
        assertThat(distanceFromWhite(biggest)).isGreaterThan(distanceFromWhite(middle));
        assertThat(distanceFromWhite(middle)).isGreaterThan(distanceFromWhite(small));
        assertThat(distanceFromWhite(small)).isGreaterThan(distanceFromWhite(empty));
        assertThat(empty).isEqualTo(Color.WHITE);
        assertThat(colourAt(image, test.get(8))).isEqualTo(Palette.TEST);   // 90, the test matrix's largest
    }

    @Test
    void withoutATestSetOneMatrix() {
        BufferedImage image = ConfusionPlot.render("t", NAMES, TRAIN, null, 880, 460);
        assertThat(cellsOf(image, 0, 880)).hasSize(9);
        assertThat(colourAt(image, cellsOf(image, 0, 880).get(8))).isEqualTo(Palette.TRAIN);
    }

    @Test
    void refusesMatricesThatDoNotFitTheClasses() {
        assertThatThrownBy(() -> ConfusionPlot.png("t", NAMES, new int[][] {{1, 2}, {3, 4}}, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("train matrix has 2 rows for 3 classes");
        assertThatThrownBy(() -> ConfusionPlot.png("t", List.of("a"), new int[][] {{1}}, new int[][] {{-1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("test matrix has a negative count -1");
    }

    /**
     * The cells between {@code x0} and {@code x1}: the top-left pixels just inside the grid lines, found
     * along the grid's first row and column by the grid's colour.
     */
    private static List<int[]> cellsOf(BufferedImage image, int x0, int x1) {
        int grid = new Color(200, 200, 200).getRGB();
        int left = -1;
        int top = -1;
        for (int y = 0; y < image.getHeight() && left < 0; y++) {
            for (int x = x0; x < x1 - 1; x++) {
                if (image.getRGB(x, y) == grid && image.getRGB(x + 1, y) == grid && image.getRGB(x, y + 1) == grid) {
                    left = x;
                    top = y;
                    break;
                }
            }
        }
        List<Integer> columns = new ArrayList<>();
        for (int x = left; x < x1; x++) {
            if (image.getRGB(x, top + 3) == grid) {
                columns.add(x);
            }
        }
        List<Integer> rows = new ArrayList<>();
        for (int y = top; y < image.getHeight(); y++) {
            if (image.getRGB(left + 3, y) == grid) {
                rows.add(y);
            }
        }
        List<int[]> cells = new ArrayList<>();
        for (int r = 0; r + 1 < rows.size(); r++) {
            for (int c = 0; c + 1 < columns.size(); c++) {
                cells.add(new int[] {columns.get(c) + 3, rows.get(r) + 3});
            }
        }
        return cells;
    }

    private static Color colourAt(BufferedImage image, int[] xy) {
        return colour(image, xy[0], xy[1]);
    }
}
