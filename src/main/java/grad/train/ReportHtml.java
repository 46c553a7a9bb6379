package grad.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import grad.plot.Palette;
import grad.train.MetricsJson.DatasetJson;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML of {@code report.html}: the metrics file's records ({@link MetricsJson}) and links to the pictures
 * beside it. One self-contained page — styles inline, no script, nothing from the network — in the pictures'
 * palette and font, with a print stylesheet. The page is the resource {@code report.html} and its styles
 * {@code report.css}, whose {@code {{name}}} placeholders {@link #fill} replaces; the sections filled in are
 * built here, every text from the data (names, labels, messages) escaped by {@link #esc}.
 */
final class ReportHtml {
    /** A picture of one epoch. */
    record Shot(int epoch, String file) {
    }

    /**
     * The files beside the page that it links, as names relative to it; null when not written.
     *
     * @param outcome  the confusion matrices (classification) or predictions against actual values (regression)
     * @param note why pictures are missing ({@code --no-plots}, data that cannot be drawn), or null
     */
    record Links(String metrics, String dataset, String curves, String animation, String network, String outcome,
                 List<Shot> boundaries, List<Shot> graphs, String note) {
        Links {
            boundaries = List.copyOf(boundaries);
            graphs = List.copyOf(graphs);
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final String PAGE = resource("report.html");
    private static final String STYLE = fill(resource("report.css"), Map.of("ink", css(Palette.INK),
            "train", css(Palette.TRAIN), "test", css(Palette.TEST), "diverged", css(Palette.classColor(0)),
            "miss", css(Palette.classColor(0))));

    private final StringBuilder html = new StringBuilder();

    private ReportHtml() {
    }

    /**
     * The page.
     *
     * @param metrics  what {@code metrics_<name>.json} holds
     * @param network  the network, e.g. {@code 2-10-2 MLP, 52 parameters}
     * @param health   the health checks' warnings (shown only when there are some)
     */
    static String render(MetricsJson metrics, String network, Links links, List<String> health) {
        DatasetJson data = metrics.dataset();
        Map<String, String> page = head(data, network, null);
        status(metrics, page);
        page.put("health", section(p -> p.health(health)));
        page.put("results", section(p -> p.results(metrics)));
        page.put("pictures", section(p -> p.pictures(links, data.testRows() > 0)));
        page.put("graphs", section(p -> p.graphs(links)));
        page.put("configuration", section(p -> p.configuration(MetricsJson.GSON.toJsonTree(metrics.config()).getAsJsonObject())));
        page.put("footer", "Written by grad" + (links.metrics() == null ? "" : " with <a href=\"" + href(links.metrics())
                + "\">" + esc(links.metrics()) + "</a>, which holds every epoch's numbers") + ".");
        return fill(PAGE, page);
    }

    /**
     * The page of {@code grad lr-find}: the data, the network, the finder's settings, its suggestion and its picture.
     *
     * @param dataset   what a metrics file holds under {@code dataset}
     * @param network   the network, e.g. {@code 2-10-2 MLP, 52 parameters}
     * @param settings  the finder's settings and the training options it used
     * @param suggested the suggested learning rate, as the console printed it
     * @param picture   the picture beside the page, or null (not written)
     */
    static String renderLrFind(DatasetJson dataset, String network, JsonObject settings, String suggested,
                               String picture) {
        Map<String, String> page = head(dataset, network, "learning-rate range test");
        page.put("status_class", "");
        page.put("status", "Learning-rate range test.");
        page.put("health", "");
        page.put("results", "<div>\n<h2>Suggested learning rate</h2>\n<table class=\"metrics\">\n<tr><th>lr</th>"
                + "<td data-key=\"suggested_lr\">" + esc(suggested) + "</td></tr>\n</table>\n</div>\n"
                + section(p -> p.dataset(dataset)));
        page.put("pictures", section(p -> p.lrFindPictures(picture)));
        page.put("graphs", "");
        page.put("configuration", section(p -> p.configuration(settings)));
        page.put("footer", "Written by grad lr-find.");
        return fill(PAGE, page);
    }

    /** {@code template} with each {@code {{name}}} replaced by its value, which is HTML. */
    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        return m.appendTail(b).toString();
    }

    private static String resource(String name) {
        try (InputStream in = ReportHtml.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A section's HTML, as {@code builder} appends it to a new page builder. */
    private static String section(Consumer<ReportHtml> builder) {
        ReportHtml page = new ReportHtml();
        builder.accept(page);
        return page.html.toString();
    }

    /** The values of the document's head and the page's title. */
    private static Map<String, String> head(DatasetJson data, String network, String what) {
        Map<String, String> page = new LinkedHashMap<>();
        page.put("title", esc(data.name() + " · " + network + (what == null ? "" : " · " + what)));
        page.put("style", STYLE + classStyles(data));
        page.put("dataset", esc(data.name()));
        page.put("network", esc(network));
        return page;
    }

    private void lrFindPictures(String picture) {
        html.append("<section id=\"pictures\">\n<h2>Pictures</h2>\n");
        if (picture == null) {
            html.append("<p class=\"note\">No pictures: --no-plots.</p>\n");
        }
        html.append("<div class=\"figures\">\n");
        figure(picture, "loss against learning rate, the suggestion marked");
        html.append("</div>\n</section>\n");
    }

    private void health(List<String> health) {
        if (!health.isEmpty()) {
            html.append("<section id=\"health\" class=\"warnings\">\n<h2>Health warnings</h2>\n<ul>\n");
            health.forEach(w -> html.append("<li>").append(esc(w)).append("</li>\n"));
            html.append("</ul>\n</section>\n");
        }
    }

    private void results(MetricsJson m) {
        if (m.finalMetrics() != null) {
            finalMetrics(m.finalMetrics(), keptEpoch(m), m.dataset().isRegression());
            confusion(m.finalMetrics(), m.dataset());
        }
        dataset(m.dataset());
    }

    private static void status(MetricsJson m, Map<String, String> page) {
        List<MetricsJson.Epoch> epochs = m.epochs();
        if ("diverged".equals(m.status())) {
            page.put("status_class", " diverged");
            page.put("status", "Diverged in epoch " + m.divergence().epoch() + ": " + esc(m.divergence().message()));
        } else if ("interrupted".equals(m.status())) {
            page.put("status_class", " interrupted");
            page.put("status", "Interrupted after epoch " + m.interruption().epoch() + " of " + m.config().epochs()
                    + " (Ctrl-C).");
        } else {
            int last = epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).epoch();
            page.put("status_class", "");
            page.put("status", "Trained " + last + (last == 1 ? " epoch" : " epochs") + ".");
        }
    }

    /**
     * The final evaluation, train and test; with early stopping also the validation rows' figures at the epoch
     * whose weights were kept (those of the final network).
     *
     * @param kept the metrics file's record of the kept epoch, or null (no early stopping)
     */
    private void finalMetrics(MetricsJson.Final fin, MetricsJson.Epoch kept, boolean regression) {
        MetricsJson.TestScores test = fin.test() != null && fin.test().testLoss() != null ? fin.test() : null;
        html.append("<div>\n<h2>Final metrics</h2>\n<table class=\"metrics\">\n");
        if (kept != null) {
            html.append("<caption>validation: the rows held out for early stopping, at epoch ")
                    .append(kept.epoch()).append(", whose weights were kept</caption>\n");
        }
        html.append("<tr><th></th><th class=\"train\">train</th>");
        if (test != null) {
            html.append("<th class=\"test\">test</th>");
        }
        if (kept != null) {
            html.append("<th class=\"validation\" style=\"color:").append(css(Palette.VALIDATION))
                    .append("\">validation</th>");
        }
        html.append("</tr>\n");
        List<String[]> rows = regression
                ? List.of(new String[] {"loss", "loss"}, new String[] {"RMSE", "rmse"}, new String[] {"R²", "r2"})
                : List.<String[]>of(new String[] {"loss", "loss"}, new String[] {"accuracy", "accuracy"});
        for (String[] row : rows) {
            html.append("<tr><th>").append(row[0]).append("</th>");
            metricCell(row[1], pick(row[1], fin.loss(), fin.accuracy(), fin.rmse(), fin.r2()));
            if (test != null) {
                metricCell("test_" + row[1], pick(row[1], test.testLoss(), test.testAccuracy(), test.testRmse(), test.testR2()));
            }
            if (kept != null) {
                MetricsJson.ValidationScores v = kept.validation();
                metricCell("validation_" + row[1], pick(row[1], v.validationLoss(), v.validationAccuracy(),
                        v.validationRmse(), v.validationR2()));
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n</div>\n");
    }

    /** One of an evaluation's figures, by its name: {@code loss}, {@code accuracy}, {@code rmse} or {@code r2}. */
    private static Double pick(String figure, Double loss, Double accuracy, Double rmse, Double r2) {
        return switch (figure) {
            case "loss" -> loss;
            case "accuracy" -> accuracy;
            case "rmse" -> rmse;
            default -> r2;
        };
    }

    /** With early stopping, the record in {@code epochs} of the epoch whose weights were kept; else null. */
    private static MetricsJson.Epoch keptEpoch(MetricsJson m) {
        if (m.earlyStopping() == null) {
            return null;
        }
        int best = m.earlyStopping().bestEpoch();
        for (MetricsJson.Epoch epoch : m.epochs()) {
            if (epoch.epoch() == best && epoch.validation() != null && epoch.validation().validationLoss() != null) {
                return epoch;
            }
        }
        return null;
    }

    private void metricCell(String key, Double v) {
        html.append("<td data-key=\"").append(key).append("\">")
                .append(key.endsWith("accuracy") ? percent(v) : number(v)).append("</td>");
    }

    private void confusion(MetricsJson.Final fin, DatasetJson data) {
        int[][] matrix = fin.testConfusion() != null ? fin.testConfusion() : fin.confusion();
        if (matrix == null) {
            return;
        }
        List<String> classes = data.classes();
        html.append("<div>\n<h2>Confusion matrix</h2>\n<table class=\"confusion\" id=\"confusion\">\n<caption>")
                .append(fin.testConfusion() != null ? "test" : "train")
                .append(" rows: actual (down) × predicted (across)</caption>\n<tr><th></th>");
        for (int j = 0; j < classes.size(); j++) {
            html.append("<th>").append(className(classes, j)).append("</th>");
        }
        html.append("</tr>\n");
        for (int i = 0; i < matrix.length; i++) {
            html.append("<tr><th>").append(className(classes, i)).append("</th>");
            for (int j = 0; j < matrix[i].length; j++) {
                int count = matrix[i][j];
                html.append("<td data-cell=\"").append(i).append(',').append(j).append('"')
                        .append(i == j ? " class=\"hit c" + i + "\"" : count > 0 ? " class=\"miss\"" : "").append('>')
                        .append(count).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n</div>\n");
    }

    private static String className(List<String> classes, int i) {
        return "<span class=\"swatch c" + i + "\"></span>" + esc(classes.get(i));
    }

    /** The pictures; {@code test}: whether there are test rows (the confusion matrices are then two). */
    private void pictures(Links links, boolean test) {
        html.append("<section id=\"pictures\">\n<h2>Pictures</h2>\n");
        if (links.note() != null) {
            html.append("<p class=\"note\">").append(esc(links.note())).append("</p>\n");
        }
        html.append("<div class=\"figures\">\n");
        figure(links.animation(), "decision boundary, epoch by epoch");
        figure(links.curves(), "loss and accuracy per epoch");
        figure(links.dataset(), "the training data");
        figure(links.network(), "the network");
        figure(links.outcome(), links.outcome() != null && links.outcome().startsWith("predictions_")
                ? "predicted against actual" + (test ? ", train and test" : ", train")
                : test ? "confusion matrices, train and test" : "confusion matrix, train");
        html.append("</div>\n");
        if (!links.boundaries().isEmpty()) {
            html.append("<h3>Decision boundary at each print epoch</h3>\n<div class=\"frames\">\n");
            for (Shot s : links.boundaries()) {
                figure(s.file(), "epoch " + s.epoch());
            }
            html.append("</div>\n");
        }
        html.append("</section>\n");
    }

    private void graphs(Links links) {
        if (links.graphs().isEmpty()) {
            return;
        }
        html.append("<section id=\"graphs\">\n<h2>Computation graphs</h2>\n")
                .append("<p class=\"note\">One sample's loss at the start of each print epoch, after backward. ")
                .append("Open a graph to zoom into it.</p>\n");
        // one drawn (a graph is not legible at page size), the others linked
        List<Shot> graphs = links.graphs();
        Shot shown = graphs.get(0);
        if (shown.file().endsWith(".svg")) {
            html.append("<figure class=\"graph\"><a href=\"").append(href(shown.file())).append("\"><img src=\"")
                    .append(href(shown.file())).append("\" alt=\"computation graph, epoch ").append(shown.epoch())
                    .append("\"></a><figcaption>epoch ").append(shown.epoch()).append(": ").append(esc(shown.file()))
                    .append("</figcaption></figure>\n");
        }
        if (graphs.size() > 1 || !shown.file().endsWith(".svg")) {
            html.append("<p class=\"graph-links\">").append(shown.file().endsWith(".svg") ? "The other epochs:" : "Epochs:");
            for (Shot s : shown.file().endsWith(".svg") ? graphs.subList(1, graphs.size()) : graphs) {
                html.append(" <a href=\"").append(href(s.file())).append("\">").append(s.epoch()).append("</a>");
            }
            if (!shown.file().endsWith(".svg")) {
                html.append(" (<code>.dot</code> files: Graphviz's <code>dot</code> was not installed to draw them)");
            }
            html.append("</p>\n");
        }
        html.append("</section>\n");
    }

    private void figure(String file, String caption) {
        if (file == null) {
            return;
        }
        html.append("<figure><a href=\"").append(href(file)).append("\"><img src=\"").append(href(file))
                .append("\" alt=\"").append(esc(caption)).append("\"></a><figcaption>").append(esc(caption))
                .append("</figcaption></figure>\n");
    }

    private void configuration(JsonObject config) {
        for (var e : config.entrySet()) {
            html.append("<div><dt>").append(esc(e.getKey())).append("</dt><dd>").append(esc(text(e.getValue())))
                    .append("</dd></div>\n");
        }
    }

    private void dataset(DatasetJson data) {
        html.append("<div>\n<h2>Data</h2>\n<table class=\"data\" id=\"data\">\n");
        row("name", esc(data.name()));
        row("task", esc(data.task()));
        row("rows", data.rows() + " (train " + data.trainRows() + ", test " + data.testRows() + ")");
        row("features", esc(String.join(", ", data.features())));
        if (data.classes() != null) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < data.classes().size(); i++) {
                names.add(className(data.classes(), i));
            }
            row("classes", String.join(" ", names));
        }
        html.append("</table>\n</div>\n");
    }

    private void row(String key, String valueHtml) {
        html.append("<tr><th>").append(key).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }

    private static String text(JsonElement v) {
        if (v == null || v.isJsonNull()) {
            return "—";
        }
        if (v.isJsonArray()) {
            List<String> parts = new ArrayList<>();
            v.getAsJsonArray().forEach(e -> parts.add(text(e)));
            return String.join(", ", parts);
        }
        return v.getAsString();
    }

    /** Four significant digits; very large or small values in scientific notation; not finite: a dash. */
    static String number(Double v) {
        if (v == null || !Double.isFinite(v)) {
            return "—";
        }
        double x = v;
        double a = Math.abs(x);
        if (x == 0) {
            return "0";
        }
        if (a >= 1e-3 && a < 1e6) {
            return new BigDecimal(x).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.3e", x);
    }

    /** A fraction as a percentage with one decimal. */
    static String percent(Double v) {
        return v == null || !Double.isFinite(v) ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    /** Text for HTML, in an element or an attribute. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A file beside the page as a relative URL: every byte but unreserved ASCII percent-encoded. */
    static String href(String file) {
        StringBuilder b = new StringBuilder();
        for (byte x : file.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return b.toString();
    }

    private static String classStyles(DatasetJson data) {
        if (data.classes() == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < data.classes().size(); i++) {
            s.append(".swatch.c").append(i).append("{background:").append(css(Palette.classColor(i))).append("}\n")
                    .append(".hit.c").append(i).append("{background:").append(css(Palette.tint(i))).append("}\n");
        }
        return s.toString();
    }

    private static String css(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
