package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code grad lr-find}: a suggestion that trains, a picture, the training options, deterministic. */
class LrFindTest {
    private static final Pattern SUGGESTED = Pattern.compile("(?m)^suggested lr: (\\S+)$");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"xor", "moons", "circles"})
    void theSuggestionLearnsTheDataset(String dataset) throws IOException {
        Cli find = Cli.run("lr-find", "--dataset", dataset, "-o", dir.toString());
        assertThat(find.exitCode()).as(find.err()).isZero();
        assertThat(find.err()).isEmpty();
        double lr = suggested(find);
        assertThat(lr).isBetween(1e-6, 10.0);
        BufferedImage picture = ImageIO.read(dir.resolve("lr_find_" + dataset + ".png").toFile());
        assertThat(picture.getWidth()).isEqualTo(640);

        Cli train = Cli.run("--dataset", dataset, "--lr", Double.toString(lr), "--no-plots", "--no-report",
                "-o", dir.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        double accuracy = JsonParser.parseString(Files.readString(dir.resolve("metrics_" + dataset + ".json")))
                .getAsJsonObject().getAsJsonObject("final").get("accuracy").getAsDouble();
        assertThat(accuracy).as("accuracy at the suggested lr %s", lr).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void takesCsvDataAndTheNetworkOptionsAndIsDeterministic() throws IOException {
        Path csv = Path.of("datasets/moons.csv");
        String[] args = {"lr-find", "--dataset", csv.toString(), "--hidden-units", "8,8", "--activation", "tanh",
                "--loss", "cross-entropy", "--batch-size", "20", "-o", dir.toString()};
        Cli first = Cli.run(args);
        assertThat(first.exitCode()).as(first.err()).isZero();
        byte[] picture = Files.readAllBytes(dir.resolve("lr_find_moons.png"));
        Cli second = Cli.run(args);
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(Files.readAllBytes(dir.resolve("lr_find_moons.png"))).isEqualTo(picture);
        assertThat(suggested(first)).isPositive();
    }

    /** report.html: written, linking only files that exist, showing the rate the console printed. */
    @Test
    void writesAReportWithTheSuggestionAndThePicture() throws IOException {
        Cli find = Cli.run("lr-find", "--dataset", "circles", "-o", dir.toString());
        assertThat(find.exitCode()).as(find.err()).isZero();
        String html = Files.readString(dir.resolve("report.html"));

        assertThat(linked(html)).containsExactly("lr_find_circles.png");
        assertThat(html).contains("<td data-key=\"suggested_lr\">" + suggested(find) + "</td>")
                .contains("circles").contains("MLP").contains("lr_min").contains("batch_size")
                .doesNotContain("data-key=\"loss\"");
        assertThat(find.out()).contains("wrote " + dir.resolve("report.html"));
    }

    @Test
    void noPlotsLinksNothingAndNoReportWritesNone() throws IOException {
        Cli noPlots = Cli.run("lr-find", "--dataset", "xor", "--no-plots", "-o", dir.toString());
        assertThat(noPlots.exitCode()).as(noPlots.err()).isZero();
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(linked(html)).isEmpty();
        assertThat(html).contains("<td data-key=\"suggested_lr\">" + suggested(noPlots) + "</td>");

        Path other = dir.resolve("other");
        Cli noReport = Cli.run("lr-find", "--dataset", "xor", "--no-report", "-o", other.toString());
        assertThat(noReport.exitCode()).as(noReport.err()).isZero();
        assertThat(other.resolve("report.html")).doesNotExist();
        assertThat(other.resolve("lr_find_xor.png")).isRegularFile();
    }

    /** The files the page links (src and href), each checked to exist beside it. */
    private java.util.List<String> linked(String html) {
        java.util.List<String> files = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            String file = java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(dir.resolve(file)).as("linked %s", file).isRegularFile();
            if (!files.contains(file)) {
                files.add(file);
            }
        }
        return files;
    }

    /** --lr auto: the finder first (its picture too), then training at its suggestion, said in the metrics. */
    @ParameterizedTest
    @ValueSource(strings = {"circles", "datasets/xor.csv"})
    void lrAutoTrainsAtTheSuggestion(String dataset) throws IOException {
        Cli run = Cli.run("--dataset", dataset, "--lr", "auto", "--no-report", "-o", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        double lr = suggested(run);
        assertThat(run.out()).contains("--lr auto: training with lr " + lr);
        String name = dataset.equals("circles") ? "circles" : "xor";
        assertThat(dir.resolve("lr_find_" + name + ".png")).isRegularFile();
        com.google.gson.JsonObject metrics = JsonParser.parseString(
                Files.readString(dir.resolve("metrics_" + name + ".json"))).getAsJsonObject();
        assertThat(metrics.getAsJsonObject("config").get("lr").getAsDouble()).isEqualTo(lr);
        assertThat(metrics.getAsJsonObject("config").get("lr_auto").getAsBoolean()).isTrue();
        assertThat(metrics.getAsJsonObject("final").get("accuracy").getAsDouble()).isGreaterThanOrEqualTo(0.95);
    }

    /** The other generated datasets: the finder runs, suggests a rate inside its range, draws its picture. */
    @ParameterizedTest
    @ValueSource(strings = {"linear", "spiral", "gaussian"})
    void suggestsARateOnEveryOtherDataset(String dataset) throws IOException {
        Cli find = Cli.run("lr-find", "--dataset", dataset, "--no-report", "-o", dir.toString());

        assertThat(find.exitCode()).as(find.err()).isZero();
        assertThat(suggested(find)).isBetween(1e-6, 10.0);
        assertThat(ImageIO.read(dir.resolve("lr_find_" + dataset + ".png").toFile())).isNotNull();
    }

    private static double suggested(Cli run) {
        Matcher m = SUGGESTED.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
