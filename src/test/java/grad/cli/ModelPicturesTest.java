package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import grad.plot.ConfusionPlot;
import grad.plot.NetworkPlot;
import grad.plot.PredictionsPlot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code network_<name>.png}, {@code confusion_<name>.png} and {@code predictions_<name>.png}, through the command line. */
class ModelPicturesTest {
    @TempDir
    Path dir;

    private Path train(String out, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-o", dir.resolve(out).toString()));
        Cli run = Cli.run(all);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return dir.resolve(out);
    }

    private static BufferedImage image(Path png) throws IOException {
        assertThat(png).exists();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as(png + " decodes").isNotNull();
        return image;
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(ModelPicturesTest.class.getResource("/grad/cli/" + name).toURI()).toString();
    }

    @Test
    void aTwoDimensionalClassifierGetsItsNetworkOverThePlaneAndItsConfusionMatrix() throws IOException {
        Path out = train("spiral", "--dataset", "spiral", "--class-size", "60", "--epochs", "3", "--hidden-units", "16,16",
                "--input-features", "x,y,xy,sinx", "--test-split", "0.25");

        BufferedImage network = image(out.resolve("network_spiral.png"));
        assertThat(network.getWidth()).isEqualTo(NetworkPlot.DEFAULT_WIDTH);
        assertThat(network.getHeight()).isEqualTo(NetworkPlot.defaultHeight(4, new int[] {16, 16, 2}));
        assertThat(colours(network)).as("heat maps, not a blank page").isGreaterThan(200);
        BufferedImage confusion = image(out.resolve("confusion_spiral.png"));
        assertThat(confusion.getWidth()).isEqualTo(ConfusionPlot.DEFAULT_WIDTH);
        assertThat(confusion.getHeight()).isEqualTo(ConfusionPlot.DEFAULT_HEIGHT);
        assertThat(out.resolve("predictions_spiral.png")).doesNotExist();
    }

    @Test
    void widerDataGetsTheNetworkWithoutHeatMaps() throws Exception {
        Path out = train("flowers", "--dataset", fixture("flowers.csv"), "--epochs", "2", "--hidden-units", "5");
        BufferedImage network = image(out.resolve("network_flowers.png"));
        assertThat(network.getWidth()).isEqualTo(NetworkPlot.DEFAULT_WIDTH);
        assertThat(network.getHeight()).isEqualTo(NetworkPlot.defaultHeight(4, new int[] {5, 3}));
        image(out.resolve("confusion_flowers.png"));
    }

    @Test
    void regressionGetsPredictedAgainstActualAndNoConfusionMatrix() throws Exception {
        Path out = train("houses", "--dataset", fixture("houses.csv"), "--delimiter", ";", "--label", "price",
                "--epochs", "3");
        BufferedImage predictions = image(out.resolve("predictions_houses.png"));
        assertThat(predictions.getWidth()).isEqualTo(PredictionsPlot.DEFAULT_WIDTH);
        assertThat(predictions.getHeight()).isEqualTo(PredictionsPlot.DEFAULT_HEIGHT);
        image(out.resolve("network_houses.png"));
        assertThat(out.resolve("confusion_houses.png")).doesNotExist();
    }

    @Test
    void noPicturesWithNoPlotsAndNoneAfterADivergence() throws IOException {
        Path out = train("none", "--dataset", "xor", "--class-size", "20", "--epochs", "1", "--no-plots");
        assertThat(out.resolve("network_xor.png")).doesNotExist();
        assertThat(out.resolve("confusion_xor.png")).doesNotExist();
    }

    @Test
    void theyAreByteIdenticalWhateverTheThreads() throws IOException {
        String[] args = {"--dataset", "moons", "--class-size", "50", "--epochs", "2", "--input-features", "x,y,x2",
            "--test-split", "0.2"};
        Path one = train("one", concat(args, "--threads", "1"));
        Path three = train("three", concat(args, "--threads", "3"));
        for (String file : new String[] {"network_moons.png", "confusion_moons.png"}) {
            assertThat(Files.readAllBytes(three.resolve(file))).as(file).isEqualTo(Files.readAllBytes(one.resolve(file)));
        }
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
