package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code grad --dataset xor --graphviz} draws for the default 2-10-2 relu network with the mse loss
 * on softmax: the real {@code Value} graph of one sample, and the folded drawing under a small cap.
 *
 * <p>The full graph, counted by hand from {@code grad.nn}: leaves are the 2 inputs, 10·(2 + 1) + 2·(10 + 1)
 * = 52 weights and biases, 2 targets, the exponents of 2 squares and the 2 dividing their sum: 59.
 * Products: one per weight, 10·2 + 2·10 = 40. Additions: one per weight (the products added in turn,
 * then the bias), 40, plus the softmax's sum and the squares' sum: 42. Then 10 relus; the softmax's
 * max, its detach, 2 subtractions of it, 2 exps, 2 divisions by the sum; the loss's 2 subtractions of
 * the targets, 2 squares (pow) and 1 division by 2: 59 + 40 + 42 + 10 + 1 + 1 + 2 + 2 + 2 + 2 + 2 + 1
 * = 164 nodes. Edges: 2 per binary node (40 + 42 + 1 max + 4 sub + 3 div + 2 pow = 92), 1 per unary
 * node (10 relu + 1 detach + 2 exp = 13): 197.
 */
class XorGraphCliTest {
    private static final Pattern MUL_NODE = Pattern.compile("^  n\\d+ \\[label=\"\\{ [^\"]*\\| \\* \\}\"");
    private static final Pattern DOT_NODE = Pattern.compile("^  n\\d+ \\[label=\"\\{ [^\"]*\\| Σwx\\+b \\}\"");

    @TempDir
    Path dir;

    private Cli grad(String... extra) {
        List<String> args = new ArrayList<>(List.of("--dataset", "xor", "--epochs", "1", "--graphviz", "--no-plots",
                "-o", dir.toString()));
        args.addAll(List.of(extra));
        return Cli.run(args);
    }

    private String graph() throws IOException {
        return Files.readString(dir.resolve("weights_epoch_1_xor.dot"));
    }

    private static long count(String dot, Pattern node) {
        return dot.lines().filter(l -> node.matcher(l).find()).count();
    }

    @Test
    void theDefaultXorGraphShowsEveryMultiplyAndAdd() throws IOException {
        Cli run = grad();
        assertThat(run.exitCode()).as(run.err()).isZero();
        String dot = graph();
        assertThat(count(dot, MUL_NODE)).isGreaterThanOrEqualTo(40).isEqualTo(40);
        assertThat(count(dot, DOT_NODE)).isZero();
        assertThat(dot).doesNotContain("Σwx+b").doesNotContain("folded")
                .contains("{ w[0][9][1] | data ").contains("{ b[1][1] | data ").contains("{ x1 | data ");
        assertThat(dot.lines().filter(l -> l.contains(" [label="))).hasSize(164);
        // a healthy run has nothing to mark, although the exponent squaring p − 1 < 0 has gradient NaN: a
        // constant shows no gradient; the root is the loss, labelled so, with gradient 1
        assertThat(dot).contains("{ data 2 }").doesNotContain("grad NaN").doesNotContain("color=red");
        assertThat(dot.lines().filter(l -> l.contains("{ loss | data ")).toList()).singleElement().asString()
                .contains("| grad 1 | / }");
        assertThat(run.out()).contains(": 164 nodes, 197 edges (leaf 59, add 42, mul 40, relu 10, sub 4, div 3, "
                + "pow 2, exp 2, max 1, detach 1)" + System.lineSeparator());
        assertThat(run.out()).doesNotContain("drawn reduced");
    }

    @Test
    void underASmallCapEachNeuronIsFolded() throws IOException {
        // Folding the 12 neurons removes, per neuron, its products and additions but one (2·2 − 1 for the
        // 10 hidden neurons, 2·10 − 1 for the 2 outputs): 164 − 30 − 38 = 96 nodes, under a cap of 100.
        Cli run = grad("--graphviz-max-nodes", "100");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String dot = graph();
        assertThat(count(dot, MUL_NODE)).isZero();
        assertThat(count(dot, DOT_NODE)).isEqualTo(12);
        assertThat(dot.lines().filter(l -> l.contains(" [label="))).hasSize(96);
        assertThat(dot).contains("each neuron's multiplications and additions folded into one Σwx+b node (164 to 96 nodes)")
                .contains("{ w[0][9][1] | data ");

        // Under 50, the 52 weights and biases fold into their neurons too: 96 − 52 = 44 nodes.
        run = grad("--graphviz-max-nodes", "50");
        assertThat(run.exitCode()).as(run.err()).isZero();
        dot = graph();
        assertThat(count(dot, DOT_NODE)).isEqualTo(12);
        assertThat(dot.lines().filter(l -> l.contains(" [label="))).hasSize(44);
        assertThat(dot).doesNotContain("w[0][9][1]")
                // '|' is escaped in a record label
                .contains("{ neuron[0][9]: 2 weights + bias, \\|w\\| mean ")
                .contains("{ neuron[1][1]: 10 weights + bias, \\|w\\| mean ")
                .contains("weights and biases folded into their neurons (96 to 44 nodes)");
    }
}
