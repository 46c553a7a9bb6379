package grad.text;

import grad.io.Text;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code report.html}: one page with a text run's settings, final losses, pictures and samples. */
final class TextReport {
    private static final String STYLE = """
            body{font-family:"DejaVu Sans",Verdana,sans-serif;color:#282828;background:#fff;margin:0 auto;\
            max-width:1180px;padding:28px 32px;line-height:1.45;font-size:15px}
            h1{font-size:1.7em;margin:0 0 .15em;font-weight:600}
            h2{font-size:1.15em;font-weight:600;border-bottom:1px solid #d9d9d9;padding-bottom:.25em;margin:1.6em 0 .7em}
            table{border-collapse:collapse;font-variant-numeric:tabular-nums}
            th,td{padding:.3em .8em;border-bottom:1px solid #eee;text-align:left}
            th{font-weight:600}
            figure{margin:0 0 1em}
            figure img{display:block;max-width:100%;height:auto;border:1px solid #eee}
            .samples{columns:4 160px;font-family:"DejaVu Sans Mono",monospace;margin:0;padding-left:1.5em}
            """;

    private TextReport() {
    }

    static String html(String name, Path file, TextSettings settings, TextModel model, int parameters,
                       TextHistory history, List<String> samples, List<String> pictures) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc("grad text: " + model.kind().id() + " on " + name)).append("</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n<h1>").append(esc(model.kind().id() + " on " + name))
                .append("</h1>\n<p>").append(esc(file.getFileName().toString())).append(", ").append(parameters)
                .append(" parameters, ").append(settings.steps()).append(" steps of ").append(settings.batchSize())
                .append(settings.batchSize() == 1 ? " line" : " lines").append(".</p>\n<h2>Loss (nats per character)</h2>\n<table>\n")
                .append(row("training lines", history.finalTrain.loss(), history.finalTrain.tokens()))
                .append(row("held-out lines", history.finalVal.loss(), history.finalVal.tokens()))
                .append("</table>\n<h2>Settings</h2>\n<table>\n");
        for (Map.Entry<String, Integer> e : model.config().entrySet()) {
            h.append("<tr><th>").append(esc(e.getKey())).append("</th><td>").append(e.getValue()).append("</td></tr>\n");
        }
        h.append("<tr><th>optimizer</th><td>").append(esc("Adam, lr " + settings.lr() + " falling linearly to 0, betas ("
                + TextSettings.BETA1 + ", " + TextSettings.BETA2 + "), eps " + TextSettings.EPS)).append("</td></tr>\n<tr><th>seed</th><td>")
                .append(settings.seed()).append("</td></tr>\n</table>\n");
        if (!pictures.isEmpty()) {
            h.append("<h2>Pictures</h2>\n");
            for (String p : pictures) {
                h.append("<figure><img src=\"").append(esc(p)).append("\" alt=\"").append(esc(p)).append("\"></figure>\n");
            }
        }
        h.append("<h2>Samples (temperature ").append(TextRun.TEMPERATURE).append(")</h2>\n<ol class=\"samples\">\n");
        for (String s : samples) {
            h.append("<li>").append(esc(s)).append("</li>\n");
        }
        return h.append("</ol>\n</body>\n</html>\n").toString();
    }

    private static String row(String what, double loss, long tokens) {
        return "<tr><th>" + what + "</th><td>" + Text.fixed(loss, 4) + "</td><td>" + tokens + " tokens</td></tr>" + System.lineSeparator();
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
