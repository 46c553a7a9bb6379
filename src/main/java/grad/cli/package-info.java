/**
 * The command line: {@code grad} trains (flat options, as grad-rs), {@code grad eval} differentiates an
 * expression, {@code grad export} writes a generated dataset as CSV, {@code grad predict} applies a saved
 * model. One {@code @Command} class per command; {@code grad}'s options become a
 * {@link grad.train.TrainingPlan} here, once ({@code Resume} when continuing a saved model). Usage errors
 * exit with 2, data and file errors with 1, a diverged run with 3 — always one line, never a stack trace.
 */
package grad.cli;
