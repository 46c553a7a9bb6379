package grad.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import grad.plot.Palette;
import java.awt.Color;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The HTML of {@code report.html}: the metrics file's numbers and links to the pictures beside it. One
 * self-contained page — styles inline, no script, nothing from the network — in the pictures' palette and
 * font, with a print stylesheet. Every text from the data (names, labels, messages) is escaped.
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
    static String render(JsonObject metrics, String network, Links links, List<String> health) {
        ReportHtml page = new ReportHtml();
        page.page(metrics, network, links, health);
        return page.html.toString();
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
    static String renderLrFind(JsonObject dataset, String network, JsonObject settings, String suggested,
                               String picture) {
        ReportHtml page = new ReportHtml();
        page.lrFindPage(dataset, network, settings, suggested, picture);
        return page.html.toString();
    }

    private void lrFindPage(JsonObject data, String network, JsonObject settings, String suggested, String picture) {
        head(data, network, "learning-rate range test");
        html.append("<p class=\"status\" id=\"status\">Learning-rate range test.</p>\n</header>\n")
                .append("<section id=\"results\" class=\"row\">\n<div>\n<h2>Suggested learning rate</h2>\n")
                .append("<table class=\"metrics\">\n<tr><th>lr</th><td data-key=\"suggested_lr\">").append(esc(suggested))
                .append("</td></tr>\n</table>\n</div>\n");
        dataset(data);
        html.append("</section>\n<section id=\"pictures\">\n<h2>Pictures</h2>\n");
        if (picture == null) {
            html.append("<p class=\"note\">No pictures: --no-plots.</p>\n");
        }
        html.append("<div class=\"figures\">\n");
        figure(picture, "loss against learning rate, the suggestion marked");
        html.append("</div>\n</section>\n");
        configuration(settings);
        html.append("<footer>Written by grad lr-find.</footer>\n</body>\n</html>\n");
    }

    /** The document's head and the page's title, up to the header's status line. */
    private void head(JsonObject data, String network, String what) {
        String name = data.get("name").getAsString();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(name + " · " + network + (what == null ? "" : " · " + what)))
                .append(" · grad</title>\n")
                .append("<style>\n").append(STYLE).append(classStyles(data)).append("</style>\n</head>\n<body>\n");
        html.append("<header>\n<h1><span class=\"dataset\">").append(esc(name)).append("</span> · ")
                .append(esc(network)).append("</h1>\n");
    }

    private void page(JsonObject m, String network, Links links, List<String> health) {
        JsonObject data = m.getAsJsonObject("dataset");
        head(data, network, null);
        status(m);
        html.append("</header>\n");
        if (!health.isEmpty()) {
            html.append("<section id=\"health\" class=\"warnings\">\n<h2>Health warnings</h2>\n<ul>\n");
            health.forEach(w -> html.append("<li>").append(esc(w)).append("</li>\n"));
            html.append("</ul>\n</section>\n");
        }
        html.append("<section id=\"results\" class=\"row\">\n");
        if (m.has("final")) {
            finalMetrics(m.getAsJsonObject("final"), keptEpoch(m), "regression".equals(data.get("task").getAsString()));
            confusion(m.getAsJsonObject("final"), data);
        }
        dataset(data);
        html.append("</section>\n");
        pictures(links, data.get("test_rows").getAsInt() > 0);
        graphs(links);
        configuration(m.getAsJsonObject("config"));
        html.append("<footer>Written by grad");
        if (links.metrics() != null) {
            html.append(" with <a href=\"").append(href(links.metrics())).append("\">").append(esc(links.metrics()))
                    .append("</a>, which holds every epoch's numbers");
        }
        html.append(".</footer>\n</body>\n</html>\n");
    }

    private void status(JsonObject m) {
        JsonArray epochs = m.getAsJsonArray("epochs");
        if ("diverged".equals(m.get("status").getAsString())) {
            JsonObject d = m.getAsJsonObject("divergence");
            html.append("<p class=\"status diverged\" id=\"status\">Diverged in epoch ").append(d.get("epoch").getAsInt())
                    .append(": ").append(esc(d.get("message").getAsString())).append("</p>\n");
        } else if ("interrupted".equals(m.get("status").getAsString())) {
            JsonObject i = m.getAsJsonObject("interruption");
            html.append("<p class=\"status interrupted\" id=\"status\">Interrupted after epoch ")
                    .append(i.get("epoch").getAsInt()).append(" of ")
                    .append(m.getAsJsonObject("config").get("epochs").getAsInt()).append(" (Ctrl-C).</p>\n");
        } else {
            int last = epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).getAsJsonObject().get("epoch").getAsInt();
            html.append("<p class=\"status\" id=\"status\">Trained ").append(last).append(last == 1 ? " epoch" : " epochs")
                    .append(".</p>\n");
        }
    }

    /**
     * The final evaluation, train and test; with early stopping also the validation rows' figures at the epoch
     * whose weights were kept (those of the final network).
     *
     * @param kept the metrics file's record of the kept epoch, or null (no early stopping)
     */
    private void finalMetrics(JsonObject fin, JsonObject kept, boolean regression) {
        boolean test = fin.has("test_loss");
        html.append("<div>\n<h2>Final metrics</h2>\n<table class=\"metrics\">\n");
        if (kept != null) {
            html.append("<caption>validation: the rows held out for early stopping, at epoch ")
                    .append(kept.get("epoch").getAsInt()).append(", whose weights were kept</caption>\n");
        }
        html.append("<tr><th></th><th class=\"train\">train</th>");
        if (test) {
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
            metricCell(fin, row[1]);
            if (test) {
                metricCell(fin, "test_" + row[1]);
            }
            if (kept != null) {
                metricCell(kept, "validation_" + row[1]);
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n</div>\n");
    }

    /** With early stopping, the record in {@code epochs} of the epoch whose weights were kept; else null. */
    private static JsonObject keptEpoch(JsonObject m) {
        if (!m.has("early_stopping")) {
            return null;
        }
        int best = m.getAsJsonObject("early_stopping").get("best_epoch").getAsInt();
        for (JsonElement e : m.getAsJsonArray("epochs")) {
            JsonObject epoch = e.getAsJsonObject();
            if (epoch.get("epoch").getAsInt() == best && epoch.has("validation_loss")) {
                return epoch;
            }
        }
        return null;
    }

    private void metricCell(JsonObject fin, String key) {
        JsonElement v = fin.get(key);
        html.append("<td data-key=\"").append(key).append("\">")
                .append(key.endsWith("accuracy") ? percent(v) : number(v)).append("</td>");
    }

    private void confusion(JsonObject fin, JsonObject data) {
        String key = fin.has("test_confusion") ? "test_confusion" : fin.has("confusion") ? "confusion" : null;
        if (key == null) {
            return;
        }
        JsonArray matrix = fin.getAsJsonArray(key);
        JsonArray classes = data.getAsJsonArray("classes");
        html.append("<div>\n<h2>Confusion matrix</h2>\n<table class=\"confusion\" id=\"confusion\">\n<caption>")
                .append(key.startsWith("test") ? "test" : "train")
                .append(" rows: actual (down) × predicted (across)</caption>\n<tr><th></th>");
        for (int j = 0; j < classes.size(); j++) {
            html.append("<th>").append(className(classes, j)).append("</th>");
        }
        html.append("</tr>\n");
        for (int i = 0; i < matrix.size(); i++) {
            html.append("<tr><th>").append(className(classes, i)).append("</th>");
            JsonArray row = matrix.get(i).getAsJsonArray();
            for (int j = 0; j < row.size(); j++) {
                int count = row.get(j).getAsInt();
                html.append("<td data-cell=\"").append(i).append(',').append(j).append('"')
                        .append(i == j ? " class=\"hit c" + i + "\"" : count > 0 ? " class=\"miss\"" : "").append('>')
                        .append(count).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n</div>\n");
    }

    private static String className(JsonArray classes, int i) {
        return "<span class=\"swatch c" + i + "\"></span>" + esc(classes.get(i).getAsString());
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
        html.append("<section id=\"configuration\">\n<h2>Configuration</h2>\n<dl class=\"config\">\n");
        for (var e : config.entrySet()) {
            html.append("<div><dt>").append(esc(e.getKey())).append("</dt><dd>").append(esc(text(e.getValue())))
                    .append("</dd></div>\n");
        }
        html.append("</dl>\n</section>\n");
    }

    private void dataset(JsonObject data) {
        html.append("<div>\n<h2>Data</h2>\n<table class=\"data\" id=\"data\">\n");
        row("name", esc(data.get("name").getAsString()));
        row("task", esc(data.get("task").getAsString()));
        row("rows", data.get("rows").getAsInt() + " (train " + data.get("train_rows").getAsInt() + ", test "
                + data.get("test_rows").getAsInt() + ")");
        row("features", esc(text(data.get("features"))));
        if (data.has("classes")) {
            JsonArray classes = data.getAsJsonArray("classes");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < classes.size(); i++) {
                names.add(className(classes, i));
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
    static String number(JsonElement v) {
        if (v == null || v.isJsonNull()) {
            return "—";
        }
        double x = v.getAsDouble();
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
    static String percent(JsonElement v) {
        return v == null || v.isJsonNull() ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * v.getAsDouble());
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

    private static String classStyles(JsonObject data) {
        if (!data.has("classes")) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < data.getAsJsonArray("classes").size(); i++) {
            s.append(".swatch.c").append(i).append("{background:").append(css(Palette.classColor(i))).append("}\n")
                    .append(".hit.c").append(i).append("{background:").append(css(Palette.tint(i))).append("}\n");
        }
        return s.toString();
    }

    private static String css(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static final String STYLE = """
            :root{--ink:%s;--train:%s;--test:%s;--rule:#d9d9d9;--soft:#6b6b6b}
            *{box-sizing:border-box}
            body{font-family:"DejaVu Sans",Verdana,sans-serif;color:var(--ink);background:#fff;margin:0 auto;\
            max-width:1180px;padding:28px 32px;line-height:1.45;font-size:15px}
            h1{font-size:1.7em;margin:0 0 .15em;font-weight:600}
            h1 .dataset{color:var(--train)}
            h2{font-size:1.15em;font-weight:600;border-bottom:1px solid var(--rule);padding-bottom:.25em;margin:1.6em 0 .7em}
            h3{font-size:1em;font-weight:600;margin:1.4em 0 .6em}
            a{color:var(--train)}
            .status{margin:0;color:var(--soft)}
            .status.diverged{color:%s;font-weight:600}
            .warnings{border-left:4px solid var(--test);padding:.2em 1em;background:#fff6ee}
            .row{display:flex;flex-wrap:wrap;gap:8px 48px;align-items:flex-start}
            .row>div{flex:0 1 auto;min-width:260px}
            table{border-collapse:collapse;font-variant-numeric:tabular-nums}
            th,td{padding:.3em .8em;border-bottom:1px solid #eee;text-align:right}
            th{font-weight:600}
            tr>th:first-child{text-align:left}
            .metrics td{font-size:1.25em}
            th.train{color:var(--train)}
            th.test{color:var(--test)}
            caption{caption-side:bottom;color:var(--soft);font-size:.85em;padding-top:.4em;text-align:left}
            .confusion td{min-width:4em}
            .confusion td.miss{color:%s;font-weight:600}
            .data td{text-align:left;word-break:break-word;max-width:22em}
            .config{columns:4 200px;column-gap:32px;margin:0}
            .config div{display:flex;justify-content:space-between;gap:1em;break-inside:avoid;\
            border-bottom:1px solid #eee;padding:.25em 0}
            .config dt{font-weight:600}
            .config dd{margin:0;text-align:right;word-break:break-word}
            .swatch{display:inline-block;width:.75em;height:.75em;border-radius:50%%;margin:0 .35em 0 .15em}
            figure{margin:0 0 1em}
            .figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:12px 24px}
            figure img{display:block;max-width:100%%;height:auto;border:1px solid #eee}
            figcaption{font-size:.85em;color:var(--soft);margin-top:.3em}
            .frames{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:12px}
            .frames figure{margin:0}
            .graph img{background:#fff}
            .note{color:var(--soft)}
            footer{margin-top:2.5em;padding-top:.6em;border-top:1px solid var(--rule);color:var(--soft);font-size:.85em}
            @media print{
            body{max-width:none;padding:0;font-size:10pt}
            a{color:inherit;text-decoration:none}
            figure,table,.warnings{break-inside:avoid}
            h2,h3{break-after:avoid}
            .figures{grid-template-columns:repeat(2,1fr)}
            .frames{grid-template-columns:repeat(5,1fr)}
            }
            """.formatted(css(Palette.INK), css(Palette.TRAIN), css(Palette.TEST), css(Palette.classColor(0)),
            css(Palette.classColor(0)));
}
