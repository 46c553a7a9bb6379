package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report.html} as a file: when it is written, what it links, what it escapes (in a browser: {@link ReportBrowserTest}). */
class ReportTest {
    private static final Pattern LINK = Pattern.compile("(?:src|href)=\"([^\"]*)\"");

    @TempDir
    Path dir;

    @TempDir
    Path scratch;

    /** Two features, two classes whose labels, like the file's name, are HTML. */
    static String oddCsv() {
        StringBuilder csv = new StringBuilder("x<1,y>2,label\n");
        for (int i = 0; i < 40; i++) {
            double x = (i % 10) - 4.5;
            double y = (i / 10) - 1.5;
            csv.append(String.format(Locale.ROOT, "%.1f,%.1f,%s%n", x, y, x < 0 ? "<i>yes</i>" : "no&more"));
        }
        return csv.toString();
    }

    @Test
    void everyRunWritesOneThatLinksOnlyFilesBesideIt() throws IOException {
        Cli run = Cli.run("--class-size", "100", "--epochs", "3", "--print-epochs", "2", "--graphviz",
                "--graphviz-max-nodes", "60", "-o", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        String html = report();
        List<String> links = links(html);
        assertThat(links).contains("metrics_xor.json", "curves_xor.png", "decision_boundary_xor.gif",
                "decision_boundary_epoch_1_xor.png", "decision_boundary_epoch_3_xor.png");
        assertLinksBeside(links);
        assertThat(html).doesNotContain("<script").doesNotContain("http:").doesNotContain("https:")
                .contains("Trained 3 epochs.");
    }

    /** Eleven graphs cannot be read at page size: the first is drawn, the others linked by their epoch. */
    @Test
    void oneGraphIsShownAndTheOthersLinked() throws IOException {
        Cli run = Cli.run("--class-size", "100", "--epochs", "11", "--graphviz", "--graphviz-max-nodes", "60",
                "-o", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        String html = report();
        String graphs = html.substring(html.indexOf("<section id=\"graphs\">"));
        graphs = graphs.substring(0, graphs.indexOf("</section>"));
        String ext = DotRendererAvailable.dot() ? "svg" : "dot";
        assertThat(graphs.split("<img ", -1)).hasSize(DotRendererAvailable.dot() ? 2 : 1);
        if (DotRendererAvailable.dot()) {
            assertThat(graphs).contains("<img src=\"weights_epoch_1_xor.svg\"")
                    .contains("The other epochs: <a href=\"weights_epoch_6_xor.svg\">6</a> "
                            + "<a href=\"weights_epoch_11_xor.svg\">11</a></p>");
        } else {
            assertThat(graphs).contains("Epochs: <a href=\"weights_epoch_1_xor.dot\">1</a> "
                    + "<a href=\"weights_epoch_6_xor.dot\">6</a> <a href=\"weights_epoch_11_xor." + ext + "\">11</a>");
        }
        assertLinksBeside(links(html));
    }

    /** A CSV run has no class size, and without test rows the confusion picture is the training rows' alone. */
    @Test
    void aCsvRunWithoutTestRowsSaysNeitherClassSizeNorTest() throws IOException {
        Path csv = Path.of("src/test/resources/grad/cli/flowers.csv");
        Cli run = Cli.run("--dataset", csv.toString(), "--test-split", "0", "--epochs", "2", "-o", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        String html = report();
        assertThat(html).doesNotContain("class_size").doesNotContain("train and test")
                .contains("<figcaption>confusion matrix, train</figcaption>");
        assertThat(Files.readString(dir.resolve("metrics_flowers.json"))).doesNotContain("class_size");

        Cli generated = Cli.run("--class-size", "50", "--epochs", "2", "--test-split", "0.2", "-o", scratch.resolve("g").toString());
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        assertThat(Files.readString(scratch.resolve("g/report.html"))).contains("<dt>class_size</dt><dd>50</dd>")
                .contains("<figcaption>confusion matrices, train and test</figcaption>");
    }

    @Test
    void noReportSkipsItAndNoPlotsStillShowsTheNumbers() throws IOException {
        Path skipped = scratch.resolve("skipped");
        Cli none = Cli.run("--class-size", "40", "--epochs", "2", "--no-report", "-o", skipped.toString());
        Cli numbers = Cli.run("--class-size", "40", "--epochs", "2", "--no-plots", "-o", dir.toString());

        assertThat(none.exitCode()).isZero();
        assertThat(numbers.exitCode()).isZero();
        assertThat(skipped.resolve("metrics_xor.json")).exists();
        assertThat(skipped.resolve("report.html")).doesNotExist();
        String html = report();
        double accuracy = JsonParser.parseString(Files.readString(dir.resolve("metrics_xor.json"))).getAsJsonObject()
                .getAsJsonObject("final").get("accuracy").getAsDouble();
        assertThat(html).doesNotContain("<img").contains("No pictures: --no-plots.")
                .contains(String.format(Locale.ROOT, "data-key=\"accuracy\">%.1f%%<", 100 * accuracy));
        assertLinksBeside(links(html));
    }

    @Test
    void aDivergedRunSaysWhereAndLinksWhatWasDrawn() throws IOException {
        Cli run = Cli.run("--lr", "1000", "--momentum", "0.99", "--loss", "cross-entropy", "--class-size", "200",
                "-o", dir.toString());
        assertThat(run.exitCode()).isEqualTo(3);

        int epoch = JsonParser.parseString(Files.readString(dir.resolve("metrics_xor.json"))).getAsJsonObject()
                .getAsJsonObject("divergence").get("epoch").getAsInt();
        String html = report();
        assertThat(html).contains("Diverged in epoch " + epoch + ": ").doesNotContain("Final metrics")
                .contains("decision_boundary_epoch_1_xor.png");
        assertLinksBeside(links(html));
    }

    @Test
    void namesAndLabelsFromTheUsersFileAreEscaped() throws IOException {
        Path csv = scratch.resolve("odd #1 & <two>.csv");
        Files.writeString(csv, oddCsv());
        Cli run = Cli.run("--dataset", csv.toString(), "--epochs", "2", "-o", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        String html = report();
        assertThat(html).contains("<h1><span class=\"dataset\">odd #1 &amp; &lt;two&gt;</span>")
                .contains("&lt;i&gt;yes&lt;/i&gt;").contains("no&amp;more").contains("x&lt;1, y&gt;2")
                .doesNotContain("<two>").doesNotContain("<i>yes").doesNotContain("no&more")
                .contains("src=\"dataset_odd%20%231%20%26%20%3Ctwo%3E.png\"");
        assertLinksBeside(links(html));
    }

    private String report() throws IOException {
        return Files.readString(dir.resolve("report.html"));
    }

    private static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(html);
        while (m.find()) {
            links.add(URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return links;
    }

    /** Each link names a file in the report's folder that exists: nothing absolute, nothing elsewhere. */
    private void assertLinksBeside(List<String> links) {
        assertThat(links).isNotEmpty().allSatisfy(link -> {
            assertThat(link).doesNotContain("/").doesNotContain(":");
            assertThat(dir.resolve(link)).isRegularFile();
        });
    }
}
