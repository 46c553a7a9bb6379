package grad.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grad.GradException;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetPlotTest {

    @TempDir
    Path dir;

    @Test
    void writesAReadablePngOfTheRequestedSize() throws Exception {
        Path file = dir.resolve("dataset.png");
        Png.write(file, DatasetPlot.render(Fixtures.circles(), 500, 400));
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(500);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(Fixtures.decode(DatasetPlot.png(Fixtures.xor())).getWidth()).isEqualTo(640);
    }

    @Test
    void sameInputsGiveIdenticalBytes() {
        assertThat(Fixtures.digest(DatasetPlot.png(Fixtures.circles()))).isEqualTo(Fixtures.digest(DatasetPlot.png(Fixtures.circles())));
    }

    @Test
    void everyClassAppearsInItsPointColour() {
        BufferedImage image = DatasetPlot.render(Fixtures.circles(), 640, 480);
        for (int c = 0; c < 3; c++) {
            int rgb = Palette.pointColor(c).getRGB();
            int count = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    count += image.getRGB(x, y) == rgb ? 1 : 0;
                }
            }
            assertThat(count).as("pixels of class %d", c).isGreaterThan(50);
        }
    }

    @Test
    void plotDataIsChecked() {
        List<String> names = List.of("a", "b");
        assertThatThrownBy(() -> new PlotData("d", new double[] {1, Double.NaN}, new double[] {1, 2}, new int[] {0, 1}, names))
                .isInstanceOf(GradException.class)
                .hasMessage("cannot plot d: point 2 has a coordinate that is not finite");
        assertThatThrownBy(() -> new PlotData("d", new double[] {1, 2}, new double[] {1, 2}, new int[] {0, 2}, names))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlotData("d", new double[] {1}, new double[] {1, 2}, new int[] {0}, names))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paletteFollowsRedBlueGreen() {
        assertThat(Palette.classColor(0).getRed()).isGreaterThan(Palette.classColor(0).getBlue());
        assertThat(Palette.classColor(1).getBlue()).isGreaterThan(Palette.classColor(1).getRed());
        assertThat(Palette.classColor(2).getGreen()).isGreaterThan(Palette.classColor(2).getRed());
        assertThat(Palette.classColor(12)).isEqualTo(Palette.classColor(2));
        // points are darker than the region they sit on
        for (int c = 0; c < 10; c++) {
            int point = Palette.pointColor(c).getRed() + Palette.pointColor(c).getGreen() + Palette.pointColor(c).getBlue();
            int tint = Palette.tint(c).getRed() + Palette.tint(c).getGreen() + Palette.tint(c).getBlue();
            assertThat(point).isLessThan(tint - 150);
        }
    }
}
