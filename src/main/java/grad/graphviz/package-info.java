/**
 * Drawing computation graphs with Graphviz.
 *
 * <p>{@link grad.graphviz.DotWriter} turns a {@link grad.engine.Graph} snapshot into DOT text: one
 * record per node ({@code label | data | grad | op}), coloured by operation, with edges from operands
 * to results. {@link grad.graphviz.GraphReducer} shrinks a network's graph to a node cap (folding each
 * neuron that the compiler fuses, as {@link grad.engine.NeuronChains} finds them, into one node),
 * {@link grad.graphviz.GraphSummary} counts what was drawn, and {@link grad.graphviz.DotRenderer} runs
 * the {@code dot} program, when installed, to make SVG and PNG pictures.
 */
package grad.graphviz;
