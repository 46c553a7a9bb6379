package grad.graphviz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import grad.GradException;
import grad.engine.Graph;
import grad.engine.Op;
import grad.engine.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphvizTest {
    @TempDir
    Path dir;

    private static Graph rustygrad() {
        Value a = Value.of(1, "a");
        Value b = Value.of(2, "b");
        Value c = Value.of(3, "c");
        Value d = Value.of(4, "d");
        Value out = a.add(b).mul(c.add(d)).pow(2);
        out.backward();
        return Graph.of(out);
    }

    /** A layer of {@code neurons} relu neurons of {@code inputs} inputs, as {@link Value}s, summed and squared. */
    private static Graph network(int inputs, int neurons) {
        List<Value> x = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            x.add(Value.of(0.1 * i, "x" + i));
        }
        Value sum = null;
        for (int j = 0; j < neurons; j++) {
            Value z = null;
            for (int i = 0; i < inputs; i++) {
                Value wx = Value.of(0.01 * (i - j), "w[0][" + j + "][" + i + "]").mul(x.get(i));
                z = z == null ? wx : z.add(wx);
            }
            Value out = z.add(Value.of(0.01 * (inputs - j), "b[0][" + j + "]")).relu();
            sum = sum == null ? out : sum.add(out);
        }
        Value loss = sum.pow(2);
        loss.backward();
        return Graph.of(loss);
    }

    @Test
    void dotHasRecordsColoursEdgesAndTitle() {
        String dot = DotWriter.toDot(rustygrad(), "((a+b)*(c+d))^2");
        assertThat(dot).startsWith("digraph grad {\n")
                .contains("rankdir=LR")
                .contains("label=\"((a+b)*(c+d))^2\"")
                .contains("n0 [label=\"{ a | data 1 | grad 294 }\", fillcolor=\"#add8e6\"];")
                .contains("[label=\"{ data 3 | grad 294 | + }\", fillcolor=\"#ffc0cb\"];")
                .contains("[label=\"{ data 21 | grad 42 | * }\", fillcolor=\"#fff59d\"];")
                .contains("[label=\"{ data 441 | grad 1 | ^2 }\", fillcolor=\"#ffc0cb\"];")
                .contains("n0 -> n2;")
                .endsWith("}\n");
        assertThat(dot.lines().filter(l -> l.contains("->"))).hasSize(7);
    }

    @Test
    void outputIsDeterministic() {
        assertThat(DotWriter.toDot(rustygrad(), "t")).isEqualTo(DotWriter.toDot(rustygrad(), "t"));
        assertThat(DotWriter.toDot(network(3, 4), "t")).isEqualTo(DotWriter.toDot(network(3, 4), "t"));
    }

    @Test
    void everyOpHasItsColour() {
        for (Op op : Op.values()) {
            assertThat(DotWriter.fillColor(op)).matches("#[0-9a-f]{6}");
        }
        assertThat(DotWriter.fillColor(Op.DOT)).isNotIn(DotWriter.fillColor(Op.MUL), DotWriter.fillColor(Op.LEAF),
                DotWriter.fillColor(Op.RELU), DotWriter.fillColor(Op.ADD));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "0.123456|0.1235",
        "-0.56781|-0.5678",
        "1234.5|1234",
        "441|441",
        "-3|-3",
        "0|0",
        "1e-7|1e-07",
        "-1.5e-7|-1.5e-07",
        "123456789|1.235e+08",
        "NaN|NaN",
        "Infinity|inf",
        "-Infinity|-inf",
    })
    void numbersAreCompact(double x, String shown) {
        assertThat(Numbers.compact(x)).isEqualTo(shown);
    }

    @Test
    void oddLabelsAreEscaped() {
        assertThat(DotWriter.escapeRecordField("a{b}|<c>\"d\\e\nf")).isEqualTo("a\\{b\\}\\|\\<c\\>\\\"d\\\\e\\nf");
        assertThat(DotWriter.escapeRecordField(" two  spaces")).isEqualTo("\\ two \\ spaces");
        assertThat(DotWriter.escapeString("say \"hi\"\\\nbye")).isEqualTo("say \\\"hi\\\"\\\\\\nbye");
        Graph graph = new Graph(List.of(new Graph.Node(0, Op.LEAF, "w{1}|<p> \"q\" \\", Double.NaN,
                Double.NEGATIVE_INFINITY, new int[0])));
        String dot = DotWriter.toDot(graph, "a \"quoted\" title\nline two");
        assertThat(dot).contains("label=\"{ w\\{1\\}\\|\\<p\\> \\\"q\\\" \\\\ | data NaN | grad -inf }\"")
                .contains("color=red")
                .contains("label=\"a \\\"quoted\\\" title\\nline two\"");
    }

    @Test
    void oddLabelsRenderWithDot() throws IOException {
        Optional<Path> dot = DotRenderer.findOnPath(System.getenv("PATH"));
        assumeTrue(dot.isPresent(), "dot (Graphviz) is not installed");
        Value odd = Value.of(1, "w{1}|<p> \"q\" \\ end").mul(Value.of(2, "x\ny"));
        odd.backward();
        Path file = dir.resolve("odd.dot");
        DotWriter.write(file, Graph.of(odd), "odd \"labels\" {}|<>\\");
        DotRenderer.Rendering rendering = new DotRenderer(dot, Duration.ofSeconds(60)).render(file, 3);
        assertThat(rendering.written()).containsExactly(dir.resolve("odd.svg"), dir.resolve("odd.png"));
        String svg = Files.readString(dir.resolve("odd.svg"), StandardCharsets.UTF_8);
        assertThat(svg).contains("w{1}|&lt;p&gt; &quot;q&quot; \\ end").contains("odd &quot;labels&quot; {}|&lt;&gt;\\");
        assertThat(Files.size(dir.resolve("odd.png"))).isPositive();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("odd.dot", "odd.svg", "odd.png");
        }
    }

    @Test
    void summaryCountsNodesEdgesAndOps() {
        GraphSummary summary = GraphSummary.of(rustygrad());
        assertThat(summary.nodes()).isEqualTo(8);
        assertThat(summary.edges()).isEqualTo(7);
        assertThat(summary.toString()).isEqualTo("8 nodes, 7 edges (leaf 4, add 2, mul 1, pow 1)");
        GraphSummary big = GraphSummary.of(network(30, 40));
        assertThat(big.toString()).isEqualTo("1,390 nodes, 2,559 edges (leaf 1,270, relu 40, Σwx+b 40, add 39, pow 1)");
        assertThat(GraphSummary.of(new Graph(List.of(new Graph.Node(0, Op.LEAF, "x", 1, 0, new int[0]))))
                .toString()).isEqualTo("1 node, 0 edges (leaf 1)");
    }

    @Test
    void smallGraphsAreNotReduced() {
        Graph graph = rustygrad();
        GraphReducer.Reduction reduction = GraphReducer.reduce(graph, 8);
        assertThat(reduction.graph()).isSameAs(graph);
        assertThat(reduction.reduced()).isFalse();
        assertThat(reduction.title("t")).isEqualTo("t");
    }

    @Test
    void parametersFoldIntoTheirNeurons() {
        Graph graph = network(3, 2);
        GraphReducer.Reduction reduction = GraphReducer.reduce(graph, 10);
        assertThat(graph.nodes()).hasSize(17);
        Graph folded = reduction.graph();
        assertThat(folded.nodes()).hasSize(3 + 2 * 2 + 1 + 1);
        assertThat(folded.nodes()).noneMatch(n -> GraphReducer.isParameter(n.label()));
        Graph.Node neuron = folded.nodes().stream().filter(n -> n.op() == Op.DOT).findFirst().orElseThrow();
        assertThat(neuron.operands()).hasSize(3);
        assertThat(neuron.label()).matches("neuron\\[0\\]\\[0\\]: 3 weights \\+ bias, \\|w\\| mean 0\\.01, max \\|grad\\| .+");
        assertThat(reduction.notes()).containsExactly("weights and biases folded into their neurons (17 to 9 nodes)");
        assertThat(reduction.title("XOR")).isEqualTo("XOR\nweights and biases folded into their neurons (17 to 9 nodes)");
        assertIdsAndOrder(folded);
    }

    @Test
    void theNodeCapIsHonoured() {
        Graph graph = network(30, 40);
        for (int cap : new int[] {1, 2, 5, 50, 150, 500}) {
            GraphReducer.Reduction reduction = GraphReducer.reduce(graph, cap);
            assertThat(reduction.graph().nodes()).hasSizeLessThanOrEqualTo(cap);
            assertIdsAndOrder(reduction.graph());
            assertThat(reduction.graph().root().op()).isEqualTo(Op.POW);
            assertThat(reduction.notes()).first().asString().startsWith("weights and biases folded");
            if (cap < 150) {
                assertThat(reduction.notes()).last().asString()
                        .isEqualTo("only the output side: the last " + cap + " of 150 nodes");
            } else {
                assertThat(reduction.notes()).hasSize(1);
            }
        }
        GraphReducer.Reduction loose = GraphReducer.reduce(graph, 1000);
        assertThat(loose.graph().nodes()).hasSize(30 + 40 * 2 + 39 + 1);
        assertThat(loose.notes()).hasSize(1);
        assertThat(GraphReducer.reduce(graph, 1390).reduced()).isFalse();
        assertThatThrownBy(() -> GraphReducer.reduce(graph, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertIdsAndOrder(Graph graph) {
        for (int i = 0; i < graph.nodes().size(); i++) {
            Graph.Node node = graph.nodes().get(i);
            assertThat(node.id()).isEqualTo(i);
            for (int operand : node.operands()) {
                assertThat(operand).isBetween(0, i - 1);
            }
        }
    }

    @Test
    void withoutDotTheRendererSaysWhatToRun() {
        DotRenderer renderer = new DotRenderer(Optional.empty(), Duration.ofSeconds(1));
        assertThat(renderer.available()).isFalse();
        DotRenderer.Rendering small = renderer.render(Path.of("weights_epoch_1_xor.dot"), 12);
        assertThat(small.written()).isEmpty();
        assertThat(small.note()).endsWith("dot -Tpng weights_epoch_1_xor.dot -o weights_epoch_1_xor.png");
        DotRenderer.Rendering big = renderer.render(Path.of("my graph.gv"), 1000);
        assertThat(big.describe()).endsWith("dot -Tsvg 'my graph.gv' -o 'my graph.svg'");
        assertThat(DotRenderer.findOnPath(dirWithoutDot())).isEmpty();
        assertThat(DotRenderer.findOnPath(null)).isEmpty();
    }

    private String dirWithoutDot() {
        return dir.toString();
    }

    @Test
    void bigGraphsGetNoPng() throws IOException {
        Optional<Path> dot = DotRenderer.findOnPath(System.getenv("PATH"));
        assumeTrue(dot.isPresent(), "dot (Graphviz) is not installed");
        Graph graph = GraphReducer.reduce(network(20, 20), 400).graph();
        Path file = dir.resolve("net.dot");
        DotWriter.write(file, graph, "net");
        DotRenderer.Rendering rendering = new DotRenderer(dot, Duration.ofSeconds(60)).render(file, 301);
        assertThat(rendering.written()).containsExactly(dir.resolve("net.svg"));
        assertThat(rendering.note()).isEqualTo("no PNG for 301 nodes (more than 300); open the SVG");
        assertThat(Files.readString(dir.resolve("net.svg"))).contains("<svg");
    }

    @Test
    void aDotFailureIsOneLine() throws IOException {
        Optional<Path> dot = DotRenderer.findOnPath(System.getenv("PATH"));
        assumeTrue(dot.isPresent(), "dot (Graphviz) is not installed");
        Path file = dir.resolve("broken.dot");
        Files.writeString(file, "digraph { a -> }\n");
        assertThatThrownBy(() -> new DotRenderer(dot, Duration.ofSeconds(60)).render(file, 2))
                .isInstanceOf(GradException.class)
                .hasMessageStartingWith("dot could not render " + file + ": ")
                .hasMessageNotContaining("\n");
        assertThat(Files.exists(dir.resolve("broken.svg"))).isFalse();
    }
}
