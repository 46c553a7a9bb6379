package grad.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import grad.GradException;
import grad.engine.Graph;
import grad.engine.Value;
import grad.eval.Assignments;
import grad.eval.Evaluation;
import grad.eval.ExpressionException;
import grad.eval.ExpressionParser;
import grad.graphviz.DotRenderer;
import grad.graphviz.DotWriter;
import grad.graphviz.GraphReducer;
import grad.graphviz.GraphSummary;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code grad eval EXPRESSION [NAME=VALUE...]}: the value of a formula and its derivative with respect
 * to every variable, computed by the engine's backward pass.
 *
 * <p>Numbers are printed in full (shortest round-trip form). NaN and infinities are printed as
 * {@code NaN}, {@code Infinity} and {@code -Infinity}, with a note on standard error; in {@code --json}
 * output, which JSON numbers cannot express, they are the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"}. Exit status: 0, or 2 for a mistake in the expression or the assignments, 1 when
 * a file cannot be written or {@code dot} fails.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Evaluate a formula and its derivative with respect to each variable (one backward pass).",
            "",
            "Operators: + - * / ^ (or **), unary minus, parentheses; functions: relu exp log tanh sigmoid.",
            "Precedence as in mathematics: -a^2 = -(a^2), 2^3^2 = 2^9, a-b-c = (a-b)-c.",
            "Statements name intermediate results: \"c = a + b; c * c\" (the last one is the result).",
            "Start the formula with -- when it begins with a minus sign: eval -- \"-x^2\" x=3"
        },
        footer = {"", "Example:", "  grad eval \"((a + b) * (c + d))^2\" a=1 b=2 c=3 d=4"})
public final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPRESSION", description = "The formula, quoted.")
    String expression;

    @Parameters(index = "1..*", paramLabel = "NAME=VALUE", arity = "0..*",
            description = "A value for each variable: x=1.5, y=-2, z=1e-3 (or nan, inf, -inf).")
    List<String> assignments = new ArrayList<>();

    @Option(names = "--json", description = "Print {\"value\": …, \"gradients\": {…}} as JSON.")
    boolean json;

    @Option(names = "--graphviz", paramLabel = "FILE",
            description = "Also write the computation graph as a Graphviz DOT file (and an SVG and PNG beside it when dot is installed).")
    Path graphviz;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Map<String, Double> variables = Assignments.parse(assignments);
            Evaluation evaluation = ExpressionParser.evaluate(expression, variables);
            for (String name : evaluation.unused()) {
                err.println("grad eval: warning: " + name + " is given but not used in the expression");
            }
            Value output = evaluation.output();
            output.backward();
            Map<String, Value> used = new LinkedHashMap<>(evaluation.inputs());
            evaluation.unused().forEach(used::remove);
            if (json) {
                out.println(json(output, used));
            } else {
                printTable(out, output, used);
            }
            out.flush();
            noteNonFinite(err, output, used);
            if (graphviz != null) {
                writeGraph(err, output, variables);
            }
            return 0;
        } catch (ExpressionException e) {
            err.println("grad eval: " + e.getMessage());
            err.println(e.pointer());
            return e.exitCode();
        } catch (GradException e) {
            err.println("grad eval: " + Main.oneLine(e.getMessage()));
            if (e.exitCode() == 2) {
                err.println("Try 'grad eval --help' for more information.");
            }
            return e.exitCode();
        } finally {
            out.flush();
            err.flush();
        }
    }

    private void printTable(PrintWriter out, Value output, Map<String, Value> used) {
        out.println(oneLine(expression) + " = " + format(output.data()));
        if (used.isEmpty()) {
            return;
        }
        int nameWidth = 0;
        int valueWidth = 0;
        for (Map.Entry<String, Value> e : used.entrySet()) {
            nameWidth = Math.max(nameWidth, e.getKey().length());
            valueWidth = Math.max(valueWidth, format(e.getValue().data()).length());
        }
        out.println();
        for (Map.Entry<String, Value> e : used.entrySet()) {
            String name = e.getKey();
            out.println("  " + pad(name, nameWidth) + " = " + pad(format(e.getValue().data()), valueWidth)
                    + "   d/d" + pad(name, nameWidth) + " = " + format(e.getValue().grad()));
        }
    }

    private static String json(Value output, Map<String, Value> used) {
        JsonObject gradients = new JsonObject();
        used.forEach((name, leaf) -> gradients.add(name, number(leaf.grad())));
        JsonObject root = new JsonObject();
        root.add("value", number(output.data()));
        root.add("gradients", gradients);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    /** A JSON number, or for NaN and the infinities (not JSON numbers) a string. */
    private static JsonPrimitive number(double x) {
        if (!Double.isFinite(x)) {
            return new JsonPrimitive(format(x));
        }
        return new JsonPrimitive(new BigDecimal(format(x)));
    }

    private static void noteNonFinite(PrintWriter err, Value output, Map<String, Value> used) {
        List<String> odd = new ArrayList<>();
        if (!Double.isFinite(output.data())) {
            odd.add("the value is " + format(output.data()));
        }
        used.forEach((name, leaf) -> {
            if (!Double.isFinite(leaf.grad())) {
                odd.add("d/d" + name + " is " + format(leaf.grad()));
            }
        });
        if (!odd.isEmpty()) {
            err.println("grad eval: note: " + String.join(", ", odd)
                    + " (log of 0 or of a negative number, division by 0, overflow, or a NaN/inf input?)");
        }
    }

    private void writeGraph(PrintWriter err, Value output, Map<String, Double> variables) {
        Graph graph = Graph.of(output);
        GraphReducer.Reduction reduction = GraphReducer.reduce(graph, GraphReducer.DEFAULT_MAX_NODES);
        StringBuilder title = new StringBuilder(oneLine(expression));
        if (!variables.isEmpty()) {
            List<String> values = new ArrayList<>();
            variables.forEach((name, value) -> values.add(name + "=" + format(value)));
            title.append("  with ").append(String.join(", ", values));
        }
        DotWriter.write(graphviz, reduction.graph(), reduction.title(title.toString()));
        err.println("grad eval: wrote " + graphviz + ": " + GraphSummary.of(reduction.graph()));
        DotRenderer.Rendering rendering = new DotRenderer().render(graphviz, reduction.graph().nodes().size());
        err.println("grad eval: " + rendering.describe());
    }

    /**
     * {@code x} in full: the shortest decimal that reads back as {@code x}, without a trailing
     * {@code .0} ({@code 441}, {@code 24.70408163265306}, {@code 1.0E-20}); {@code NaN},
     * {@code Infinity}, {@code -Infinity}; -0 is printed as 0.
     */
    static String format(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        if (x == 0) {
            return "0";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
