/**
 * The command line: {@code grad} trains (flat options, as grad-rs), {@code grad eval} differentiates an
 * expression, {@code grad export} writes a generated dataset as CSV, {@code grad predict} applies a saved
 * model. Usage errors exit with 2, data and file errors with 1, a diverged run with 3.
 */
package grad.cli;
