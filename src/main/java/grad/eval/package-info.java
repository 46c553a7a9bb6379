/**
 * Evaluating and differentiating a formula typed on the command line: {@code grad eval "((a+b)*(c+d))^2" a=1 b=2 c=3 d=4}.
 *
 * <p>A hand-written recursive-descent parser ({@link grad.eval.ExpressionParser}) reads the formula and
 * builds {@link grad.engine.Value}s as it goes, through the engine's public API, so the numbers printed
 * are the engine's own. Variables become named leaves; a variable used twice is one node, and its
 * gradient collects both contributions. Errors are {@link grad.eval.ExpressionException}s that point at
 * the offending column.
 */
package grad.eval;
