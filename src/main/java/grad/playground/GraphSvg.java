package grad.playground;

import grad.engine.Graph;
import grad.engine.Op;
import grad.graphviz.DotWriter;
import grad.graphviz.GraphReducer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One sample's Value graph as SVG: drawn by Graphviz's {@code dot} when it is on the PATH, else by a simple
 * layout of its own (each node in the column of its depth from the inputs, boxes showing label, data and
 * grad). Bigger graphs are reduced as {@code --graphviz} reduces them.
 */
final class GraphSvg {
    static final int MAX_NODES = 120;
    private static final long DOT_SECONDS = 10;
    private static final int BOX_W = 118;
    private static final int BOX_H = 44;
    private static final int GAP_X = 36;
    private static final int GAP_Y = 10;

    private final Optional<Path> dot;

    GraphSvg(Optional<Path> dot) {
        this.dot = dot;
    }

    /** With the {@code dot} on the PATH, if any. */
    static GraphSvg onPath() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(d.isEmpty() ? "." : d, "dot");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return new GraphSvg(Optional.of(candidate));
            }
        }
        return new GraphSvg(Optional.empty());
    }

    /** The graph as an SVG document. */
    String svg(Graph graph, String title) {
        GraphReducer.Reduction reduced = GraphReducer.reduce(graph, MAX_NODES);
        if (dot.isPresent()) {
            String svg = byDot(DotWriter.toDot(reduced.graph(), reduced.title(title)));
            if (svg != null) {
                return svg;
            }
        }
        return builtIn(reduced.graph(), reduced.title(title));
    }

    /** dot's SVG, or null when it fails or takes too long (then the built-in layout is used). */
    private String byDot(String source) {
        try {
            Process p = new ProcessBuilder(dot.get().toString(), "-Tsvg").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(source.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(DOT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Columns by depth (inputs on the left, the loss on the right), a box per node, an edge per operand; the
     * title on one line (a reduction's notes after a dash).
     */
    static String builtIn(Graph graph, String title) {
        List<Graph.Node> nodes = graph.nodes();
        int[] depth = new int[nodes.size()];
        int[] row = new int[nodes.size()];
        List<Integer> perColumn = new ArrayList<>();
        int[] index = indexOfIds(nodes);
        for (int i = 0; i < nodes.size(); i++) { // nodes come operands first
            for (int operand : nodes.get(i).operands()) {
                depth[i] = Math.max(depth[i], depth[index[operand]] + 1);
            }
            while (perColumn.size() <= depth[i]) {
                perColumn.add(0);
            }
            row[i] = perColumn.get(depth[i]);
            perColumn.set(depth[i], row[i] + 1);
        }
        int rows = perColumn.stream().mapToInt(Integer::intValue).max().orElse(1);
        int width = perColumn.size() * (BOX_W + GAP_X) + GAP_X;
        int height = rows * (BOX_H + GAP_Y) + GAP_Y + 24;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"10\">%n<text x=\"%d\" y=\"16\" font-size=\"12\">%s</text>%n",
                width, height, width, height, GAP_X, escape(title.replace("\n", " — "))));
        for (int i = 0; i < nodes.size(); i++) {
            for (int operand : nodes.get(i).operands()) {
                int o = index[operand];
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>%n",
                        left(depth[o]) + BOX_W, top(row[o]) + BOX_H / 2, left(depth[i]), top(row[i]) + BOX_H / 2));
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            box(svg, nodes.get(i), left(depth[i]), top(row[i]));
        }
        return svg.append("</svg>\n").toString();
    }

    private static int[] indexOfIds(List<Graph.Node> nodes) {
        int max = nodes.stream().mapToInt(Graph.Node::id).max().orElse(0);
        int[] index = new int[max + 1];
        for (int i = 0; i < nodes.size(); i++) {
            index[nodes.get(i).id()] = i;
        }
        return index;
    }

    private static void box(StringBuilder svg, Graph.Node node, int x, int y) {
        String fill = DotWriter.fillColor(node.op());
        String name = (node.label() == null || node.label().isEmpty() ? "" : node.label() + " ")
                + (node.op() == Op.LEAF ? "" : node.op().name().toLowerCase(Locale.ROOT));
        svg.append(String.format(Locale.ROOT, "<g><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" fill=\"%s\" "
                        + "stroke=\"#555\"/><text x=\"%d\" y=\"%d\">%s</text><text x=\"%d\" y=\"%d\">data %s</text>"
                        + "<text x=\"%d\" y=\"%d\">grad %s</text></g>%n",
                x, y, BOX_W, BOX_H, escape(fill), x + 4, y + 12, escape(name), x + 4, y + 25, number(node.data()),
                x + 4, y + 38, number(node.grad())));
    }

    private static int left(int column) {
        return GAP_X + column * (BOX_W + GAP_X);
    }

    private static int top(int row) {
        return 24 + GAP_Y + row * (BOX_H + GAP_Y);
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : String.valueOf(v);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
