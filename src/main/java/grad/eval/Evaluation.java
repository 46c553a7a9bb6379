package grad.eval;

import grad.engine.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link ExpressionParser#evaluate}: the output node and the leaves of the variables.
 *
 * @param output the value of the expression (of its last statement); call {@code output.backward()}
 *               to fill in the variables' gradients
 * @param inputs a leaf per given variable, in the order given, including unused ones
 * @param unused the given variables the expression never mentions, in the order given
 */
public record Evaluation(Value output, Map<String, Value> inputs, List<String> unused) {

    public Evaluation {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        unused = List.copyOf(unused);
    }
}
