package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grad.graphviz.DotRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalCommandTest {
    private static final String NL = System.lineSeparator();
    private static final String HINT = "Try 'grad eval --help' for more information." + NL;

    @TempDir
    Path dir;

    private static Cli eval(String... args) {
        return Cli.run(new CommandLine(new EvalCommand()), args);
    }

    @Test
    void printsTheValueAndEveryGradientAligned() {
        Cli run = eval("((a + b) * (c + d))^2", "a=1", "b=2", "c=3", "d=4");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(String.join(NL,
                "((a + b) * (c + d))^2 = 441",
                "",
                "  a = 1   d/da = 294",
                "  b = 2   d/db = 294",
                "  c = 3   d/dc = 126",
                "  d = 4   d/dd = 126",
                ""));
    }

    @Test
    void alignsLongNamesAndValues() {
        Cli run = eval("x * rate", "rate=0.25", "x=-4");
        assertThat(run.out()).isEqualTo(String.join(NL,
                "x * rate = -1",
                "",
                "  rate = 0.25   d/drate = -4",
                "  x    = -4     d/dx    = 0.25",
                ""));
    }

    @Test
    void microgradLongExampleAsStatements() {
        Cli run = eval("--json", "c = a + b; d = a * b + b**3; c = c + (c + 1); c = c + (1 + c + (-a));"
                + " d = d + (d * 2 + relu(b + a)); d = d + (3 * d + relu(b - a)); e = c - d; f = e^2;"
                + " g = f / 2.0; g = g + 10.0 / f", "a=-4", "b=2");
        assertThat(run.exitCode()).isZero();
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(json.get("value").getAsDouble()).isEqualTo(24.70408163265306, within(1e-12));
        assertThat(json.getAsJsonObject("gradients").get("a").getAsDouble())
                .isEqualTo(138.83381924198252, within(1e-9));
        assertThat(json.getAsJsonObject("gradients").get("b").getAsDouble())
                .isEqualTo(645.5772594752186, within(1e-9));
    }

    @Test
    void jsonHasValueAndGradients() {
        Cli run = eval("--json", "((a+b)*(c+d))^2", "a=1", "b=2", "c=3", "d=4");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(String.join(NL, "{",
                "  \"value\": 441,",
                "  \"gradients\": {",
                "    \"a\": 294,",
                "    \"b\": 294,",
                "    \"c\": 126,",
                "    \"d\": 126",
                "  }",
                "}", ""));
    }

    @Test
    void nonFiniteNumbersAreShownAndNoted() {
        Cli text = eval("log(x) + y", "x=0", "y=1");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("log(x) + y = -Infinity", "d/dx = Infinity");
        assertThat(text.err()).startsWith("grad eval: note: the value is -Infinity, d/dx is Infinity");
        Cli json = eval("--json", "log(x) * y", "x=-1", "y=1");
        JsonObject parsed = JsonParser.parseString(json.out()).getAsJsonObject();
        assertThat(parsed.get("value").getAsString()).isEqualTo("NaN");
        assertThat(parsed.getAsJsonObject("gradients").get("x").getAsString()).isEqualTo("-1");
        assertThat(parsed.getAsJsonObject("gradients").get("y").getAsString()).isEqualTo("NaN");
        assertThat(eval("--json", "x", "x=inf").out()).contains("\"value\": \"Infinity\"");
    }

    @Test
    void syntaxErrorsShowACaretAndExit2() {
        Cli run = eval("(a + b * c", "a=1", "b=2", "c=3");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(String.join(NL,
                "grad eval: column 11: expected ')' to close the '(' at column 1, found the end of the expression",
                "  (a + b * c",
                "            ^",
                ""));
        Cli other = eval("a + * 2", "a=1");
        assertThat(other.err()).isEqualTo(String.join(NL,
                "grad eval: column 5: expected a number, a variable or '(', found '*'",
                "  a + * 2",
                "      ^",
                ""));
    }

    @Test
    void undefinedVariablesAreNamed() {
        Cli run = eval("a * bb", "a=1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(String.join(NL,
                "grad eval: column 5: undefined variable 'bb'; give it a value, like bb=1.5",
                "  a * bb",
                "      ^",
                ""));
    }

    @Test
    void malformedAssignmentsAreNamed() {
        for (List<String> c : List.of(
                List.of("a=", "the value is missing"),
                List.of("=1", "the name is missing"),
                List.of("a=abc", "'abc' is not a number"),
                List.of("a", "expected NAME=VALUE, like x=1.5"),
                List.of("1a=2", "'1a' is not a name (ASCII letters, digits and _, not starting with a digit)"),
                List.of("exp=2", "'exp' is a function, not a variable"))) {
            Cli run = eval("a + 1", c.get(0));
            assertThat(run.exitCode()).as(c.get(0)).isEqualTo(2);
            assertThat(run.err()).isEqualTo("grad eval: malformed assignment '" + c.get(0) + "': " + c.get(1) + NL + HINT);
        }
        assertThat(eval("a", "a=1", "a=2").err()).isEqualTo("grad eval: 'a' is given twice" + NL + HINT);
    }

    @Test
    void unusedVariablesAreAWarning() {
        Cli run = eval("a + 1", "a=1", "b=2");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEqualTo("grad eval: warning: b is given but not used in the expression" + NL);
        assertThat(run.out()).doesNotContain("d/db");
    }

    @Test
    void aLeadingMinusNeedsDoubleDash() {
        Cli run = eval("--", "-x^2", "x=3");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("-x^2 = -9").contains("d/dx = -6");
    }

    @Test
    void aLeadingMinusWithoutDoubleDash() {
        Cli run = eval("-x^2", "x=3");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option");
    }

    @Test
    void usageErrorsExit2AndHelpExits0() {
        assertThat(eval().exitCode()).isEqualTo(2);
        Cli help = eval("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: eval", "--graphviz=FILE", "--json", "NAME=VALUE");
    }

    @Test
    void writesTheGraphAndRendersItWhenDotIsInstalled() throws IOException {
        Path dot = dir.resolve("expr.dot");
        Cli run = eval("--graphviz", dot.toString(), "((a+b)*(c+d))^2", "a=1", "b=2", "c=3", "d=4");
        assertThat(run.exitCode()).isZero();
        String text = Files.readString(dot);
        assertThat(text).startsWith("digraph grad {")
                .contains("label=\"((a+b)*(c+d))^2  with a=1, b=2, c=3, d=4\"")
                .contains("{ a | data 1 | grad 294 }")
                .contains("{ data 2 | grad 1343 }")   // the exponent, a leaf: d/dn 21^n = 441·ln 21
                .contains("{ data 441 | grad 1 | ^ }");
        // a, b, c, d and the exponent 2; two additions, one product, one power (2 operands each)
        assertThat(run.err()).startsWith("grad eval: wrote " + dot + ": 9 nodes, 8 edges (leaf 5, add 2, mul 1, pow 1)" + NL);
        assumeTrue(new DotRenderer().available(), "dot (Graphviz) is not installed");
        assertThat(run.err()).contains("wrote " + dir.resolve("expr.svg") + ", " + dir.resolve("expr.png"));
        assertThat(Files.readString(dir.resolve("expr.svg"))).contains("<svg").contains("294");
    }

    @Test
    void anUnwritableGraphFileIsOneLine() throws IOException {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        Cli run = eval("--graphviz", blocker.resolve("g.dot").toString(), "a", "a=1");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("grad eval: cannot write ").doesNotContain("\tat ");
        assertThat(run.err().lines()).hasSize(1);
    }
}
