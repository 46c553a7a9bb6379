package grad.train;

import grad.engine.Graph;
import grad.graphviz.DotRenderer;
import grad.graphviz.DotWriter;
import grad.graphviz.GraphReducer;
import grad.graphviz.GraphSummary;
import grad.GradException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code --graphviz}: at the start of each print epoch, one sample's computation graph as a {@code .dot}
 * file, rendered to SVG when {@code dot} is on the PATH (after the pictures already asked for). A rendering
 * that fails (a broken Graphviz, a graph too big for it) costs only its own pictures: one warning line.
 */
final class GraphDumps implements EpochListener {
    private final TrainingPlan plan;
    private final PrintWriter out;
    private final Path dir;
    private final String name;
    private final Trainer trainer;
    /** Where renders are queued behind the pictures, or null (no pictures: render at once). */
    private final PictureJobs pictures;
    private final Consumer<String> warnings;
    private final DotRenderer dot = new DotRenderer();

    GraphDumps(TrainingPlan plan, PrintWriter out, Path dir, String name, Trainer trainer, PictureJobs pictures,
               Consumer<String> warnings) {
        this.plan = plan;
        this.warnings = warnings;
        this.out = out;
        this.dir = dir;
        this.name = name;
        this.trainer = trainer;
        this.pictures = pictures;
    }

    @Override
    public void epochStarting(int epoch) {
        if (plan.isPrintEpoch(epoch)) {
            write(trainer.sampleGraph(epoch), epoch);
        }
    }

    private void write(Graph sample, int epoch) {
        Graph graph = lossLabelled(sample);
        GraphReducer.Reduction reduction = GraphReducer.reduce(graph, plan.outputs().graphvizMaxNodes());
        Path file = dir.resolve("weights_epoch_" + epoch + "_" + name + ".dot");
        String title = reduction.title("one " + name + " sample's loss at the start of epoch " + epoch
                + ", after backward, before the optimizer step");
        DotWriter.write(file, reduction.graph(), title, false);
        out.println("  graph " + file + ": " + GraphSummary.of(graph)
                + (reduction.reduced() ? " — drawn reduced: " + String.join("; ", reduction.notes()) : ""));
        int nodes = reduction.graph().nodes().size();
        if (!dot.available()) {
            out.println("  (no `dot` on the PATH: render it with  dot -Tsvg " + file + " -o "
                    + file.toString().replaceFirst("\\.dot$", ".svg") + ")");
        } else if (pictures != null) {
            pictures.then("rendering " + file, () -> render(file, nodes));
        } else {
            render(file, nodes);
        }
    }

    /** The sample's graph with its root, the loss, labelled {@code loss}. */
    static Graph lossLabelled(Graph graph) {
        List<Graph.Node> nodes = new ArrayList<>(graph.nodes());
        Graph.Node root = graph.root();
        nodes.set(root.id(), new Graph.Node(root.id(), root.op(), "loss", root.data(), root.grad(), root.operands()));
        return new Graph(nodes);
    }

    private void render(Path file, int nodes) {
        try {
            dot.render(file, nodes);
        } catch (GradException e) {
            warnings.accept(e.getMessage() + "; the run goes on without this graph's picture");
        }
    }
}
