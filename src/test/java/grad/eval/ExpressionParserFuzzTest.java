package grad.eval;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whatever the input, the parser either evaluates it or throws an {@link ExpressionException}: never
 * another exception, never a StackOverflowError. Plain {@code mvn test} replays the committed inputs in
 * {@code src/test/resources/grad/eval/ExpressionParserFuzzTestInputs/parse/} (regression mode);
 * {@code mvn -Pfuzz test} lets Jazzer look for new ones.
 */
class ExpressionParserFuzzTest {
    private static final Map<String, Double> VARIABLES = new LinkedHashMap<>();

    static {
        VARIABLES.put("a", -4.0);
        VARIABLES.put("b", 2.0);
        VARIABLES.put("x", 0.0);
        VARIABLES.put("y", Double.NaN);
    }

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        String source = new String(input, StandardCharsets.UTF_8);
        try {
            ExpressionParser.evaluate(source, VARIABLES).output().backward();
        } catch (ExpressionException expected) {
            if (expected.reason().isEmpty() || expected.column() < 1 || expected.column() > source.length() + 1) {
                throw new AssertionError("bad error for input " + source, expected);
            }
            expected.pointer();
        }
    }
}
