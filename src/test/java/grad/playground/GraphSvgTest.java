package grad.playground;

import static org.assertj.core.api.Assertions.assertThat;

import grad.engine.Graph;
import grad.engine.Value;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Value graph's built-in layout (used without Graphviz): a box per node with its data and grad, a line per operand. */
class GraphSvgTest {

    @Test
    void drawsEachNodeWithItsDataAndGradAndEachOperandAsALine() {
        Value a = Value.of(2, "a");
        Value b = Value.of(-3, "b<&>");
        Value c = Value.of(10, "c");
        Value loss = a.mul(b).add(c);
        loss.backward();
        String svg = new GraphSvg(Optional.empty()).svg(Graph.of(loss), "a*b + c");

        assertThat(Pattern.compile("<rect ").matcher(svg).results().count()).isEqualTo(5);
        assertThat(Pattern.compile("<line ").matcher(svg).results().count()).isEqualTo(4);
        // by hand: loss = a·b + c = 4; d/da = b = -3, d/db = a = 2, d/dc = 1
        assertThat(svg).contains(">a </text><text x=\"").contains("data 4.000<").contains("grad -3.000<")
                .contains("grad 2.000<").contains("grad 1.000<");
        assertThat(svg).contains("b&lt;&amp;&gt;").doesNotContain("b<&>");
    }

    @Test
    void theLossIsInTheRightmostColumn() {
        Value x = Value.of(1, "x");
        Value y = x.mul(x).add(x);
        y.backward();
        String svg = GraphSvg.builtIn(Graph.of(y), "t\nnotes");
        assertThat(svg).contains(">t — notes</text>");
        var xs = Pattern.compile("<rect x=\"(\\d+)\"").matcher(svg).results().mapToInt(m -> Integer.parseInt(m.group(1))).toArray();
        assertThat(xs[xs.length - 1]).isEqualTo(java.util.Arrays.stream(xs).max().orElseThrow());
        assertThat(xs[0]).isEqualTo(java.util.Arrays.stream(xs).min().orElseThrow());
    }
}
