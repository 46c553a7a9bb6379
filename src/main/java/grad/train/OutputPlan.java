package grad.train;

import java.nio.file.Path;

/**
 * What a run writes, and where.
 *
 * @param dir              where files go
 * @param printEvery       log and draw every this many epochs (and at the last)
 * @param plots            whether to draw pictures
 * @param gifEvery         an animation frame every this many epochs (0: at print epochs)
 * @param graphviz         whether to write the computation graph of one sample at print epochs
 * @param graphvizMaxNodes above this many nodes, graphs are reduced
 * @param saveModel        where to save the trained model, or null
 * @param report           whether to write {@code report.html}, the page that shows the run
 */
public record OutputPlan(Path dir, int printEvery, boolean plots, int gifEvery, boolean graphviz, int graphvizMaxNodes,
                         Path saveModel, boolean report) {
}
