package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grad.plot.Palette;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report.html} opened in headless Chromium: every picture it links loads, it shows the metrics
 * file's numbers, and the console stays silent. Skipped, saying how to install one, where there is no
 * browser; CI has one.
 */
class ReportBrowserTest {
    /**
     * Put at the top of a test-only copy of the page (beside it, so its links resolve alike): records every
     * error (a script's, or a file that failed to load) and, once the page has loaded, each image's state.
     */
    private static final String CHECK = """
            <script>
            const checkErrors = [];
            window.addEventListener('error', e => checkErrors.push(e.message
                || 'failed to load ' + (e.target.src || e.target.href || e.target.data)), true);
            window.addEventListener('load', () => {
              const lines = [...document.images].map(i => 'img ' + i.getAttribute('src') + ' '
                  + (i.complete && i.naturalWidth > 0 && i.naturalHeight > 0 ? 'loaded' : 'broken'));
              checkErrors.forEach(e => lines.push('error ' + e));
              const pre = document.createElement('pre');
              pre.id = 'browser-check';
              pre.textContent = lines.join('\\n');
              document.body.appendChild(pre);
            });
            </script>
            """;
    private static final Pattern CHECK_RESULT = Pattern.compile("<pre id=\"browser-check\">(.*?)</pre>", Pattern.DOTALL);
    private static final Pattern SHOWN = Pattern.compile("data-key=\"(\\w+)\">([^<]*)<");
    private static final Pattern CELL = Pattern.compile("data-cell=\"(\\d+),(\\d+)\"[^>]*>(\\d+)<");

    @TempDir
    Path dir;

    @TempDir
    Path scratch;

    private HeadlessChromium browser;

    @BeforeEach
    void findBrowser() {
        browser = HeadlessChromium.find(scratch).orElse(null);
        Assumptions.assumeTrue(browser != null, HeadlessChromium.INSTALL);
    }

    @Test
    void classificationWithGraphsLoadsEveryPictureAndShowsTheMetricsFilesNumbers() throws Exception {
        Cli run = Cli.run("--class-size", "200", "--epochs", "6", "--print-epochs", "5", "--test-split", "0.25",
                "--graphviz", "--graphviz-max-nodes", "60", "-o", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        Checked page = open();

        List<String> expected = new ArrayList<>(List.of("decision_boundary_xor.gif", "curves_xor.png", "dataset_xor.png",
                "network_xor.png", "confusion_xor.png", "decision_boundary_epoch_1_xor.png",
                "decision_boundary_epoch_6_xor.png"));
        if (DotRendererAvailable.dot()) {
            expected.add("weights_epoch_1_xor.svg"); // the first graph drawn, the other linked
        }
        assertThat(page.images()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(page.broken()).isEmpty();
        assertThat(page.errors()).isEmpty();
        assertThat(page.console()).isEmpty();
        assertThat(page.dom()).containsPattern("<h1>.*xor.*2-10-2 MLP, 52 parameters</h1>");
        assertShowsTheMetrics(page.dom(), metrics("xor"));

        Path png = scratch.resolve("report.png");
        browser.screenshot(dir.resolve("report.html"), png, 1000, 800);
        BufferedImage shot = ImageIO.read(png.toFile());
        assertThat(shot.getWidth()).isEqualTo(1000);
        assertThat(hasPixel(shot, Palette.classColor(0).getRGB())).as("class 0's swatch, drawn in its colour").isTrue();
    }

    @Test
    void userNamedFilesAndClassesLoadFromTheirEscapedLinks() throws Exception {
        Path csv = scratch.resolve("odd #1 & <two>.csv");
        Files.writeString(csv, ReportTest.oddCsv());
        Cli run = Cli.run("--dataset", csv.toString(), "--epochs", "3", "--lr", "0.01", "-o", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        Checked page = open();

        assertThat(page.images()).contains("dataset_odd #1 & <two>.png", "decision_boundary_odd #1 & <two>.gif");
        assertThat(page.broken()).isEmpty();
        assertThat(page.errors()).isEmpty();
        assertThat(page.console()).isEmpty();
        assertShowsTheMetrics(page.dom(), metrics("odd #1 & <two>"));
    }

    @Test
    void regressionWithoutPicturesShowsRmseAndRSquared() throws Exception {
        Path houses = Path.of(ReportBrowserTest.class.getResource("/grad/cli/houses.csv").toURI());
        Cli run = Cli.run("--dataset", houses.toString(), "--delimiter", ";", "--label", "price", "--epochs", "20",
                "--no-plots", "-o", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        Checked page = open();

        assertThat(page.images()).isEmpty();
        assertThat(page.errors()).isEmpty();
        assertThat(page.console()).isEmpty();
        assertThat(shown(page.dom()).keySet()).containsExactly("loss", "test_loss", "rmse", "test_rmse", "r2", "test_r2");
        assertShowsTheMetrics(page.dom(), metrics("houses"));
    }

    /** lr-find's page: its picture loads, the console stays silent, it shows the rate the console printed. */
    @Test
    void lrFindPageLoadsItsPictureAndShowsTheSuggestion() throws Exception {
        Cli run = Cli.run("lr-find", "--dataset", "moons", "-o", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher printed = Pattern.compile("(?m)^suggested lr: (\\S+)$").matcher(run.out());
        assertThat(printed.find()).as(run.out()).isTrue();

        Checked page = open();

        assertThat(page.images()).containsExactly("lr_find_moons.png");
        assertThat(page.broken()).isEmpty();
        assertThat(page.errors()).isEmpty();
        assertThat(page.console()).isEmpty();
        assertThat(page.dom()).containsPattern("<h1>.*moons.*2-10-2 MLP, 52 parameters</h1>");
        assertThat(shown(page.dom())).containsExactly(Map.entry("suggested_lr", printed.group(1)));
    }

    /** The check above can fail: a missing picture and a script error are both seen. */
    @Test
    void theCheckSeesABrokenImageAndAnError() throws Exception {
        Files.writeString(dir.resolve("report.html"), "<!DOCTYPE html><html><head><title>t</title></head><body>"
                + "<img src=\"missing.png\"><script>notDefined();</script></body></html>");

        Checked page = open();

        assertThat(page.broken()).containsExactly("missing.png");
        assertThat(page.errors()).anyMatch(e -> e.contains("notDefined"))
                .anyMatch(e -> e.contains("failed to load") && e.contains("missing.png"));
        assertThat(page.console()).anyMatch(l -> l.contains("notDefined"));
    }

    /** What the browser made of the page: the images it has, by file, those that did not load, the errors. */
    private record Checked(String dom, List<String> images, List<String> broken, List<String> errors,
                           List<String> console) {
    }

    private Checked open() throws IOException, InterruptedException {
        String html = Files.readString(dir.resolve("report.html"));
        Path copy = dir.resolve(".report-check.html");
        Files.writeString(copy, html.replaceFirst("<head>", "<head>\n" + Matcher.quoteReplacement(CHECK)));
        HeadlessChromium.Page page = browser.dumpDom(copy);
        Matcher m = CHECK_RESULT.matcher(page.dom());
        assertThat(m.find()).as("the check ran: %s", page.dom()).isTrue();
        List<String> images = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String line : unescape(m.group(1)).lines().toList()) {
            if (line.startsWith("img ")) {
                String src = URLDecoder.decode(line.substring(4, line.lastIndexOf(' ')).replace("+", "%2B"),
                        StandardCharsets.UTF_8);
                images.add(src);
                if (line.endsWith(" broken")) {
                    broken.add(src);
                }
            } else if (line.startsWith("error ")) {
                errors.add(line.substring(6));
            }
        }
        return new Checked(page.dom(), images, broken, errors, page.consoleLines());
    }

    private JsonObject metrics(String name) throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve("metrics_" + name + ".json"))).getAsJsonObject();
    }

    /** Every final number of the metrics file is on the page, rounded as shown; the confusion matrix exactly. */
    private static void assertShowsTheMetrics(String dom, JsonObject metrics) {
        JsonObject fin = metrics.getAsJsonObject("final");
        Map<String, String> shown = shown(dom);
        Set<String> numbers = new TreeSet<>(fin.keySet());
        numbers.removeIf(k -> k.endsWith("confusion"));
        assertThat(new TreeSet<>(shown.keySet())).isEqualTo(numbers);
        for (String key : numbers) {
            assertShows(key, shown.get(key), fin.get(key));
        }
        String confusionKey = fin.has("test_confusion") ? "test_confusion" : "confusion";
        if (fin.has(confusionKey)) {
            JsonArray matrix = fin.getAsJsonArray(confusionKey);
            Matcher cell = CELL.matcher(dom);
            int cells = 0;
            while (cell.find()) {
                int expected = matrix.get(Integer.parseInt(cell.group(1))).getAsJsonArray()
                        .get(Integer.parseInt(cell.group(2))).getAsInt();
                assertThat(Integer.parseInt(cell.group(3))).as("confusion cell %s,%s", cell.group(1), cell.group(2))
                        .isEqualTo(expected);
                cells++;
            }
            assertThat(cells).isEqualTo(matrix.size() * matrix.size());
        }
    }

    private static void assertShows(String key, String text, JsonElement value) {
        if (value.isJsonNull()) {
            assertThat(text).as(key).isEqualTo("—");
        } else if (text.endsWith("%")) {
            double percent = Double.parseDouble(text.substring(0, text.length() - 1));
            assertThat(percent / 100).as(key).isCloseTo(value.getAsDouble(), within(0.0005 + 1e-12));
        } else {
            assertThat(Double.parseDouble(text)).as(key).isCloseTo(value.getAsDouble(), withinPercentage(0.06));
        }
    }

    private static Map<String, String> shown(String dom) {
        Map<String, String> shown = new LinkedHashMap<>();
        Matcher m = SHOWN.matcher(dom);
        while (m.find()) {
            shown.put(m.group(1), unescape(m.group(2)));
        }
        return shown;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static boolean hasPixel(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == (rgb & 0xffffff)) {
                    return true;
                }
            }
        }
        return false;
    }
}
