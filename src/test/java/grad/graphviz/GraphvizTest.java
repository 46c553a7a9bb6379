package grad.graphviz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
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
import java.util.Arrays;
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
        // Nodes in topological order: a, b, a+b, c, d, c+d, *, the exponent 2 (a leaf), ^.
        String dot = DotWriter.toDot(rustygrad(), "((a+b)*(c+d))^2");
        assertThat(dot).startsWith("digraph grad {\n")
                .contains("rankdir=LR")
                .contains("label=\"((a+b)*(c+d))^2\"")
                .contains("n0 [label=\"{ a | data 1 | grad 294 }\", fillcolor=\"#add8e6\"];")
                .contains("[label=\"{ data 3 | grad 294 | + }\", fillcolor=\"#ffc0cb\"];")
                .contains("[label=\"{ data 21 | grad 42 | * }\", fillcolor=\"#fff59d\"];")
                // d/dn 21^n at n = 2 is 21² · ln 21 = 441 · 3.0445 = 1342.6
                .contains("n7 [label=\"{ data 2 | grad 1343 }\", fillcolor=\"#add8e6\"];")
                .contains("n8 [label=\"{ data 441 | grad 1 | ^ }\", fillcolor=\"#ffc0cb\"];")
                .contains("n0 -> n2;")
                .contains("n6 -> n8;")
                .contains("n7 -> n8;")
                .endsWith("}\n");
        // two operands for each of the two additions, the product and the power
        assertThat(dot.lines().filter(l -> l.contains("->"))).hasSize(8);
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
    void aNonFiniteGradientIsMarkedExceptOnAConstant() {
        // (x − 3)² at x = 1: the exponent 2 is a constant leaf whose gradient (−2)²·ln(−2) is NaN; it
        // reaches nothing, so it is shown but not marked. A named leaf with the same gradient is marked.
        Value x = Value.of(1, "x");
        Value square = x.sub(3).pow(2);
        square.backward();
        String dot = DotWriter.toDot(Graph.of(square), "t");
        assertThat(dot).contains("[label=\"{ data 2 | grad NaN }\", fillcolor=\"#add8e6\"];")
                .contains("[label=\"{ x | data 1 | grad -4 }\", fillcolor=\"#add8e6\"];")
                .doesNotContain("color=red");
        // a network's graph shows the constant without its gradient; a named leaf keeps its own
        assertThat(DotWriter.toDot(Graph.of(square), "t", false))
                .contains("[label=\"{ data 2 }\", fillcolor=\"#add8e6\"];")
                .contains("[label=\"{ data 3 }\", fillcolor=\"#add8e6\"];")
                .contains("[label=\"{ x | data 1 | grad -4 }\", fillcolor=\"#add8e6\"];")
                .doesNotContain("NaN");
        Value n = Value.of(2, "n");
        Value named = x.sub(3).pow(n);
        named.backward();
        assertThat(DotWriter.toDot(Graph.of(named), "t"))
                .contains("[label=\"{ n | data 2 | grad NaN }\", fillcolor=\"#add8e6\", color=red, penwidth=3];");
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
        // leaves a, b, c, d and the exponent 2; a+b, c+d; one product; one power
        assertThat(summary.nodes()).isEqualTo(9);
        assertThat(summary.edges()).isEqualTo(8);
        assertThat(summary.toString()).isEqualTo("9 nodes, 8 edges (leaf 5, add 2, mul 1, pow 1)");
        // network(30, 40): leaves 30 inputs + 40·(30 weights + 1 bias) + the exponent = 1,271; products
        // 40·30 = 1,200; additions 40·30 in the neurons (29 between products, 1 for the bias) + 39 adding
        // the relus = 1,239; 40 relus; 1 power: 3,751 nodes. Edges: 2 per product, addition and power,
        // 1 per relu: 2·(1,200 + 1,239 + 1) + 40 = 4,920.
        GraphSummary big = GraphSummary.of(network(30, 40));
        assertThat(big.toString()).isEqualTo("3,751 nodes, 4,920 edges (leaf 1,271, add 1,239, mul 1,200, relu 40, pow 1)");
        assertThat(GraphSummary.of(new Graph(List.of(new Graph.Node(0, Op.LEAF, "x", 1, 0, new int[0]))))
                .toString()).isEqualTo("1 node, 0 edges (leaf 1)");
    }

    @Test
    void smallGraphsAreNotReduced() {
        Graph graph = rustygrad();
        GraphReducer.Reduction reduction = GraphReducer.reduce(graph, 9);
        assertThat(reduction.graph()).isSameAs(graph);
        assertThat(reduction.reduced()).isFalse();
        assertThat(reduction.title("t")).isEqualTo("t");
    }

    @Test
    void neuronsFoldIntoOneDotNodeEach() {
        Graph graph = network(3, 2);
        // 3 inputs; per neuron 3 weights, 3 products, 2 additions between them, the bias, the addition
        // of the bias and the relu (11); the addition of the two relus; the exponent and the power.
        assertThat(graph.nodes()).hasSize(3 + 2 * 11 + 1 + 2);
        // Each neuron's 3 products and 3 additions become one Σwx+b node: 28 − 2·(6 − 1) = 18.
        GraphReducer.Reduction reduction = GraphReducer.reduce(graph, 18);
        Graph folded = reduction.graph();
        assertThat(folded.nodes()).hasSize(18);
        assertThat(reduction.notes()).containsExactly(
                "each neuron's multiplications and additions folded into one Σwx+b node (28 to 18 nodes)");
        assertThat(folded.nodes()).noneMatch(n -> n.op() == Op.MUL);
        // what is left of the additions: the one adding the two relus
        assertThat(folded.nodes().stream().filter(n -> n.op() == Op.ADD)).hasSize(1);
        List<Graph.Node> dots = folded.nodes().stream().filter(n -> n.op() == Op.DOT).toList();
        assertThat(dots).hasSize(2);
        Graph.Node first = dots.get(0);
        // per product its weight and input, in the order they were added, then the bias
        assertThat(Arrays.stream(first.operands()).mapToObj(i -> folded.nodes().get(i).label()))
                .containsExactly("w[0][0][0]", "x0", "w[0][0][1]", "x1", "w[0][0][2]", "x2", "b[0][0]");
        // data and grad of the chain's last addition: z = 0·0 + 0.01·0.1 + 0.02·0.2 + 0.03 = 0.035,
        // and the relu passes its gradient on because z > 0
        Graph.Node z = graph.nodes().get(relus(graph).get(0).operands()[0]);
        assertThat(z.op()).isEqualTo(Op.ADD);
        assertThat(first.data()).isEqualTo(z.data()).isCloseTo(0.035, within(1e-15));
        assertThat(first.grad()).isEqualTo(z.grad()).isEqualTo(relus(graph).get(0).grad()).isNotZero();
        assertThat(relus(folded).get(0).operands()).containsExactly(first.id());
        assertIdsAndOrder(folded);
    }

    /** Each node as its label (a leaf) or its op's symbol and operand ids, e.g. {@code Σwx+b[1, 2, 0]}. */
    private static List<String> described(Graph graph) {
        return graph.nodes().stream().map(n -> n.op() == Op.LEAF ? n.label()
                : n.op().symbol() + Arrays.toString(n.operands())).toList();
    }

    private static Graph foldedNeurons(Value root) {
        root.backward();
        Graph folded = GraphReducer.foldNeurons(Graph.of(root));
        assertIdsAndOrder(folded);
        assertThat(folded.root().data()).isEqualTo(root.data());
        assertThat(folded.root().grad()).isEqualTo(root.grad());
        return folded;
    }

    @Test
    void neuronsFoldWhereverTheirBiasIsAsTheCompilerFusesThem() {
        Value b = Value.of(0.5, "b");
        Value w0 = Value.of(2, "w0");
        Value x0 = Value.of(3, "x0");
        Value w1 = Value.of(5, "w1");
        Value x1 = Value.of(7, "x1");
        // b + w0·x0: graph b, w0, x0, w0·x0, +; the dot takes the product's operands, then the bias
        Graph biasFirst = foldedNeurons(b.add(w0.mul(x0)));
        assertThat(described(biasFirst)).containsExactly("b", "w0", "x0", "Σwx+b[1, 2, 0]");
        assertThat(biasFirst.root().data()).isEqualTo(6.5);
        // w0·x0 + b: graph w0, x0, w0·x0, b, +
        Graph biasLast = foldedNeurons(w0.mul(x0).add(b));
        assertThat(described(biasLast)).containsExactly("w0", "x0", "b", "Σwx+b[0, 1, 2]");
        // (b + w0·x0) + w1·x1: graph b, w0, x0, ·, +, w1, x1, ·, +
        assertThat(described(foldedNeurons(b.add(w0.mul(x0)).add(w1.mul(x1)))))
                .containsExactly("b", "w0", "x0", "w1", "x1", "Σwx+b[1, 2, 3, 4, 0]");
        // (w0·x0 + b) + w1·x1, the bias second: graph w0, x0, ·, b, +, w1, x1, ·, +
        Graph biasSecond = foldedNeurons(w0.mul(x0).add(b).add(w1.mul(x1)));
        assertThat(described(biasSecond)).containsExactly("w0", "x0", "b", "w1", "x1", "Σwx+b[0, 1, 3, 4, 2]");
        assertThat(biasSecond.root().data()).isEqualTo(41.5);
        // w0·x0 + w1·x1, no bias: graph w0, x0, ·, w1, x1, ·, +
        assertThat(described(foldedNeurons(w0.mul(x0).add(w1.mul(x1)))))
                .containsExactly("w0", "x0", "w1", "x1", "Σwx+b[0, 1, 2, 3]");
    }

    @Test
    void chainsTheCompilerDoesNotFuseStayAsTheyAre() {
        Value a = Value.of(2, "a");
        Value b = Value.of(3, "b");
        Value c = Value.of(5, "c");
        Value d = Value.of(7, "d");
        // a·b + exp(b): exp reads b between the product and the addition, so a fused step would send b its
        // gradients in another order than Value.backward(); the compiler leaves the chain alone
        Value interleaved = a.mul(b).add(b.exp());
        assertThat(described(foldedNeurons(interleaved))).containsExactly("a", "b", "*[0, 1]", "exp[1]", "+[2, 3]");

        // ((a·b + c·d) + c) + d·a: a bias third of four terms is no neuron, so only the chain below it
        // folds: graph a, b, ·, c, d, ·, +, +, ·, +
        Value third = a.mul(b).add(c.mul(d)).add(c).add(d.mul(a));
        assertThat(described(foldedNeurons(third)))
                .containsExactly("a", "b", "c", "d", "Σwx+b[0, 1, 2, 3, 2]", "*[3, 0]", "+[4, 5]");

        // a product used twice stays: m + c, then times m
        Value m = a.mul(b);
        Value shared = m.add(c).mul(m);
        assertThat(described(foldedNeurons(shared))).containsExactly("a", "b", "*[0, 1]", "c", "+[2, 3]", "*[4, 2]");

        // a sum of non-products (relus) stays
        Value relus = a.relu().add(b.relu()).add(c.relu());
        assertThat(foldedNeurons(relus).nodes()).hasSize(Graph.of(relus).nodes().size());
    }

    @Test
    void parametersFoldIntoTheirNeurons() {
        Graph graph = network(3, 2);
        GraphReducer.Reduction reduction = GraphReducer.reduce(graph, 10);
        assertThat(graph.nodes()).hasSize(28);
        Graph folded = reduction.graph();
        // 3 inputs; per neuron its Σwx+b and relu; the addition of the relus; the exponent and the power
        assertThat(folded.nodes()).hasSize(3 + 2 * 2 + 1 + 2);
        assertThat(folded.nodes()).noneMatch(n -> GraphReducer.isParameter(n.label()));
        Graph.Node neuron = folded.nodes().stream().filter(n -> n.op() == Op.DOT).findFirst().orElseThrow();
        assertThat(Arrays.stream(neuron.operands()).mapToObj(i -> folded.nodes().get(i).label()))
                .containsExactly("x0", "x1", "x2");
        // |w| mean of 0, 0.01, 0.02
        assertThat(neuron.label()).matches("neuron\\[0\\]\\[0\\]: 3 weights \\+ bias, \\|w\\| mean 0\\.01, max \\|grad\\| .+");
        String notes = "each neuron's multiplications and additions folded into one Σwx+b node (28 to 18 nodes); "
                + "weights and biases folded into their neurons (18 to 10 nodes)";
        assertThat(String.join("; ", reduction.notes())).isEqualTo(notes);
        assertThat(reduction.title("XOR")).isEqualTo("XOR\n" + notes);
        assertIdsAndOrder(folded);
    }

    @Test
    void theNodeCapIsHonoured() {
        // network(30, 40) has 3,751 nodes (see summaryCountsNodesEdgesAndOps). Folding each neuron's 30
        // products and 30 additions into one node leaves 3,751 − 40·59 = 1,391; folding its 31
        // parameters too leaves 1,391 − 40·31 = 151.
        Graph graph = network(30, 40);
        for (int cap : new int[] {1, 2, 5, 50, 150, 151, 500, 1390}) {
            GraphReducer.Reduction reduction = GraphReducer.reduce(graph, cap);
            assertThat(reduction.graph().nodes()).hasSizeLessThanOrEqualTo(cap);
            assertIdsAndOrder(reduction.graph());
            assertThat(reduction.graph().root().op()).isEqualTo(Op.POW);
            assertThat(reduction.notes().get(0))
                    .isEqualTo("each neuron's multiplications and additions folded into one Σwx+b node (3,751 to 1,391 nodes)");
            assertThat(reduction.notes().get(1))
                    .isEqualTo("weights and biases folded into their neurons (1,391 to 151 nodes)");
            if (cap < 151) {
                assertThat(reduction.notes()).hasSize(3);
                assertThat(reduction.notes().get(2)).isEqualTo("only the output side: the last " + cap + " of 151 nodes");
            } else {
                assertThat(reduction.notes()).hasSize(2);
                assertThat(reduction.graph().nodes()).hasSize(151);
            }
        }
        GraphReducer.Reduction neuronsOnly = GraphReducer.reduce(graph, 1391);
        assertThat(neuronsOnly.graph().nodes()).hasSize(30 + 40 * (31 + 2) + 39 + 2);
        assertThat(neuronsOnly.notes()).hasSize(1);
        assertThat(GraphReducer.reduce(graph, 3751).reduced()).isFalse();
        assertThatThrownBy(() -> GraphReducer.reduce(graph, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Graph.Node> relus(Graph graph) {
        return graph.nodes().stream().filter(n -> n.op() == Op.RELU).toList();
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
