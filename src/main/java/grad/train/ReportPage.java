package grad.train;

import grad.io.AtomicFiles;
import grad.nn.MLP;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code report.html}: one page showing the run, written when it ends (completed or diverged) after the
 * metrics file and after every picture and graph asked for, so that it links only files that exist.
 */
final class ReportPage implements EpochListener {
    static final String FILE = "report.html";

    private final TrainingPlan plan;
    private final Path dir;
    private final PreparedData p;
    private final MLP model;
    private final MetricsLog metrics;
    /** Where the page is queued behind the pictures, or null (no pictures: written at once). */
    private final PictureJobs pictures;
    private final List<Integer> boundaryEpochs = new ArrayList<>();
    private final List<Integer> graphEpochs = new ArrayList<>();

    ReportPage(TrainingPlan plan, Path dir, PreparedData p, MLP model, MetricsLog metrics, PictureJobs pictures) {
        this.plan = plan;
        this.dir = dir;
        this.p = p;
        this.model = model;
        this.metrics = metrics;
        this.pictures = pictures;
    }

    @Override
    public void epochStarting(int epoch) {
        if (plan.outputs().graphviz() && plan.isPrintEpoch(epoch)) {
            graphEpochs.add(epoch);
        }
    }

    @Override
    public void epochEnded(EpochMetrics m) {
        if (plan.isPrintEpoch(m.epoch())) {
            boundaryEpochs.add(m.epoch());
        }
    }

    @Override
    public void runEnded(RunEnd end) {
        MetricsJson shown = metrics.written();
        String title = ConsoleLog.architecture(model) + " MLP, " + model.parameterCount() + " parameters";
        List<Integer> boundaries = List.copyOf(boundaryEpochs);
        List<Integer> graphs = List.copyOf(graphEpochs);
        Path target = dir.resolve(FILE);
        List<String> health = metrics.warningMessages();
        Runnable write = () -> AtomicFiles.writeString(target,
                ReportHtml.render(shown, title, files(boundaries, graphs), health));
        if (pictures != null) {
            pictures.then("writing " + target, write);
        } else {
            write.run();
        }
    }

    /** The files of this run the page links: those it asked for that were written (a picture may be given up). */
    private ReportHtml.Links files(List<Integer> boundaries, List<Integer> graphs) {
        String name = p.data().name();
        boolean plots = plan.outputs().plots();
        boolean drawsBoundaries = plots && p.isPlottable();
        List<ReportHtml.Shot> frames = new ArrayList<>();
        if (drawsBoundaries) {
            for (int epoch : boundaries) {
                addIfWritten(frames, epoch, "decision_boundary_epoch_" + epoch + "_" + name + ".png");
            }
        }
        List<ReportHtml.Shot> graphFiles = new ArrayList<>();
        for (int epoch : graphs) {
            String base = "weights_epoch_" + epoch + "_" + name;
            if (!addIfWritten(graphFiles, epoch, base + ".svg")) {
                addIfWritten(graphFiles, epoch, base + ".dot");
            }
        }
        String note = !plots ? "No pictures: --no-plots."
                : !p.isPlottable() ? "No decision boundary: it needs " + p.whatBoundariesNeed() + "."
                : null;
        return new ReportHtml.Links(written("metrics_" + name + ".json"),
                drawsBoundaries ? written("dataset_" + name + ".png") : null,
                plots ? written("curves_" + name + ".png") : null,
                drawsBoundaries ? written("decision_boundary_" + name + ".gif") : null,
                plots ? written("network_" + name + ".png") : null,
                plots ? written((p.data().isRegression() ? "predictions_" : "confusion_") + name + ".png") : null,
                frames, graphFiles, note);
    }

    private boolean addIfWritten(List<ReportHtml.Shot> shots, int epoch, String file) {
        String f = written(file);
        if (f != null) {
            shots.add(new ReportHtml.Shot(epoch, f));
        }
        return f != null;
    }

    private String written(String file) {
        return Files.isRegularFile(dir.resolve(file)) ? file : null;
    }
}
