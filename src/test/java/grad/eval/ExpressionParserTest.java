package grad.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import grad.engine.Op;
import grad.engine.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParserTest {

    private static Map<String, Double> vars(Object... nameValue) {
        Map<String, Double> vars = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            vars.put((String) nameValue[i], ((Number) nameValue[i + 1]).doubleValue());
        }
        return vars;
    }

    private static Evaluation run(String source, Object... nameValue) {
        Evaluation e = ExpressionParser.evaluate(source, vars(nameValue));
        e.output().backward();
        return e;
    }

    private static double grad(Evaluation e, String name) {
        return e.inputs().get(name).grad();
    }

    @Test
    void rustygradExample() {
        Evaluation e = run("((a + b) * (c + d))^2", "a", 1, "b", 2, "c", 3, "d", 4);
        assertThat(e.output().data()).isEqualTo(441);
        assertThat(grad(e, "a")).isEqualTo(294);
        assertThat(grad(e, "b")).isEqualTo(294);
        assertThat(grad(e, "c")).isEqualTo(126);
        assertThat(grad(e, "d")).isEqualTo(126);
        assertThat(e.output().op()).isEqualTo(Op.POW);
        assertThat(e.output().operands().get(1).data()).isEqualTo(2);
    }

    /** micrograd's test_sanity_check, with z, q and h written inline. */
    @Test
    void microgradSanityCheckAsOneExpression() {
        String z = "(2*x + 2 + x)";
        String q = "(relu(" + z + ") + " + z + "*x)";
        String h = "relu(" + z + "*" + z + ")";
        Evaluation e = run(h + " + " + q + " + " + q + "*x", "x", -4);
        assertThat(e.output().data()).isEqualTo(-20);
        assertThat(grad(e, "x")).isEqualTo(46);
    }

    @Test
    void microgradSanityCheckAsStatements() {
        Evaluation e = run("z = 2*x + 2 + x; q = relu(z) + z*x; h = relu(z*z); y = h + q + q*x", "x", -4);
        assertThat(e.output().data()).isEqualTo(-20);
        assertThat(grad(e, "x")).isEqualTo(46);
        assertThat(e.output().label()).isEqualTo("y");
    }

    /** micrograd's test_more_ops; Python's {@code c += x} is {@code c = c + x}. */
    @Test
    void microgradMoreOps() {
        String program = """
                c = a + b;
                d = a * b + b**3;
                c = c + (c + 1);
                c = c + (1 + c + (-a));
                d = d + (d * 2 + relu(b + a));
                d = d + (3 * d + relu(b - a));
                e = c - d;
                f = e^2;
                g = f / 2.0;
                g = g + 10.0 / f
                """;
        Evaluation e = run(program, "a", -4, "b", 2);
        assertThat(e.output().data()).isCloseTo(24.70408163265306, within(1e-12));
        assertThat(grad(e, "a")).isCloseTo(138.83381924198252, within(1e-10));
        assertThat(grad(e, "b")).isCloseTo(645.5772594752186, within(1e-10));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "2^3^2| 512",
        "2**3**2| 512",
        "-2^2| -4",
        "(-2)^2| 4",
        "2*3+4| 10",
        "2+3*4| 14",
        "8/4/2| 1",
        "10-4-3| 3",
        "2^-1| 0.5",
        "2^-2^2| 0.0625",
        "-(-3)| 3",
        "--3| 3",
        ".5 + 2. + 1e-3 + 1E+1| 12.501",
        "2*-3| -6",
        "relu(-3) + relu(3)| 3",
        "exp(0) + log(1)| 1",
        "tanh(0) + sigmoid(0)| 0.5",
        "x = 3; x * x| 9",
    })
    void precedenceAndAssociativity(String source, double expected) {
        assertThat(run(source).output().data()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void subtractionIsLeftAssociative() {
        Evaluation e = run("a-b-c", "a", 10, "b", 4, "c", 3);
        assertThat(e.output().data()).isEqualTo(3);
        assertThat(grad(e, "a")).isEqualTo(1);
        assertThat(grad(e, "b")).isEqualTo(-1);
        assertThat(grad(e, "c")).isEqualTo(-1);
    }

    @Test
    void aVariableUsedTwiceIsOneNodeWhoseGradientAccumulates() {
        Evaluation e = run("x*x + x", "x", 3);
        assertThat(e.output().data()).isEqualTo(12);
        assertThat(grad(e, "x")).isEqualTo(7);
        Value x = e.inputs().get("x");
        assertThat(e.output().topologicalOrder().stream().filter(v -> v == x)).hasSize(1);
        assertThat(x.label()).isEqualTo("x");
    }

    @Test
    void literalExponentsAreConstantLeavesOfPowNodes() {
        Value square = run("x^2", "x", 3).output();
        assertThat(square.op()).isEqualTo(Op.POW);
        assertThat(square.operands().get(1).op()).isEqualTo(Op.LEAF);
        assertThat(square.data()).isEqualTo(9);
        Value inverse = run("x^-1", "x", 2).output().operands().get(1);
        assertThat(inverse.op()).isEqualTo(Op.LEAF);
        assertThat(inverse.data()).isEqualTo(-1);
        assertThat(run("x^(2)", "x", 3).output().op()).isEqualTo(Op.POW);
        assertThat(run("x^(1+1)", "x", 3).output().operands().get(1).op()).isEqualTo(Op.ADD);
        Evaluation e = run("x^y", "x", 2, "y", 3);
        assertThat(e.output().op()).isEqualTo(Op.POW);
        assertThat(grad(e, "x")).isEqualTo(12);
        assertThat(grad(e, "y")).isCloseTo(8 * Math.log(2), within(1e-12));
    }

    @Test
    void unusedVariablesAreReportedNotRejected() {
        Evaluation e = run("a + 1", "a", 1, "b", 2);
        assertThat(e.unused()).containsExactly("b");
        assertThat(e.inputs()).containsOnlyKeys("a", "b");
    }

    @Test
    void nonFiniteResultsAreKept() {
        assertThat(run("log(x)", "x", 0).output().data()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(run("log(x)", "x", -1).output().data()).isNaN();
        assertThat(run("1/x", "x", 0).output().data()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @ParameterizedTest(name = "[{0}] -> column {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``|1|the expression is empty",
        "`   `|4|the expression is empty",
        "a +|4|expected a number, a variable or '(', found the end of the expression",
        "(a + b|7|expected ')' to close the '(' at column 1, found the end of the expression",
        "((a) + b))|10|unexpected ')' after a complete expression (no '(' to close)",
        "2 a|3|unexpected 'a' after a complete expression; is an operator missing?",
        "a # b|3|unexpected character '#'",
        "a * * b|5|expected a number, a variable or '(', found '*'",
        "1e+|4|malformed number '1e+': the exponent needs digits",
        "a + .|5|a number needs a digit: '.' alone is not a number",
        "foo(a)|1|unknown function 'foo'; the functions are relu, exp, log, tanh, sigmoid",
        "2 * relu + 1|5|'relu' is a function: write relu(...)",
        "a + e|5|undefined variable 'e'; give it a value, like e=1.5",
        "q + a + z + q|1|undefined variables q, z; give each a value, like q=1.5",
        "a = 2; a|1|cannot assign to 'a': it is a given variable; choose another name",
        "exp = 2|1|cannot assign to 'exp': it is a function",
        "a +|4|expected a number, a variable or '(', found the end of the expression",
    })
    void errorsPointAtTheColumn(String source, int column, String reason) {
        assertThatThrownBy(() -> ExpressionParser.evaluate(source, vars("a", 1)))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.getMessage()).isEqualTo("column " + column + ": " + reason);
                    assertThat(e.exitCode()).isEqualTo(2);
                });
    }

    @Test
    void pointerPutsTheCaretUnderTheColumn() {
        ExpressionException e = catchError("(a + b", vars("a", 1, "b", 2));
        assertThat(e.pointer()).isEqualTo("  (a + b" + System.lineSeparator() + "        ^");
        ExpressionException tab = catchError("a\t+ #", vars("a", 1));
        assertThat(tab.pointer()).isEqualTo("  a\t+ #" + System.lineSeparator() + "   \t  ^");
    }

    @Test
    void deepNestingFailsClearly() {
        String deep = "(".repeat(100_000) + "1" + ")".repeat(100_000);
        ExpressionException e = catchError(deep, Map.of());
        assertThat(e.reason()).isEqualTo("nested too deeply: more than " + ExpressionParser.MAX_DEPTH + " levels");
        assertThat(e.column()).isEqualTo(ExpressionParser.MAX_DEPTH + 1);
        assertThat(e.pointer().lines().findFirst().orElseThrow()).hasSizeLessThan(100);
        assertThat(catchError("-".repeat(100_000) + "1", Map.of()).reason()).startsWith("nested too deeply");
        assertThat(catchError("2^".repeat(100_000) + "1", Map.of()).reason()).startsWith("nested too deeply");
        String fine = "(".repeat(ExpressionParser.MAX_DEPTH - 1) + "1" + ")".repeat(ExpressionParser.MAX_DEPTH - 1);
        assertThat(run(fine).output().data()).isEqualTo(1);
    }

    @Test
    void longFlatChainsNeedNoDeepStack() {
        String sum = "x" + " + x".repeat(99_999);
        Evaluation e = run(sum, "x", 1);
        assertThat(e.output().data()).isEqualTo(100_000);
        assertThat(grad(e, "x")).isEqualTo(100_000);
    }

    private static ExpressionException catchError(String source, Map<String, Double> vars) {
        try {
            ExpressionParser.evaluate(source, vars);
        } catch (ExpressionException e) {
            return e;
        }
        throw new AssertionError("no error for " + source);
    }
}
