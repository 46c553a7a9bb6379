package grad.train;

import com.google.gson.JsonObject;
import grad.io.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code report.html} of {@code grad lr-find}: the data and the network the test ran on, the finder's settings,
 * its suggestion and its picture, on a page like a training run's.
 */
public final class LrFindReport {
    private final LrFinder.Result result;
    private final MetricsJson.DatasetJson dataset;
    private final String network;
    private final JsonObject settings;

    LrFindReport(LrFinder.Result result, MetricsJson.DatasetJson dataset, String network, JsonObject settings) {
        this.result = result;
        this.dataset = dataset;
        this.network = network;
        this.settings = settings;
    }

    /** What the test measured. */
    public LrFinder.Result result() {
        return result;
    }

    /**
     * Writes {@code report.html} in {@code dir}, atomically, after the picture (so that it links it only if it exists).
     *
     * @param suggested the suggested rate as the console printed it
     * @param picture   the picture's file name in {@code dir}, or null (not drawn)
     * @return the page's path
     */
    public Path write(Path dir, String suggested, String picture) {
        String linked = picture != null && Files.isRegularFile(dir.resolve(picture)) ? picture : null;
        Path target = dir.resolve(ReportPage.FILE);
        AtomicFiles.writeString(target, ReportHtml.renderLrFind(dataset, network, settings, suggested, linked));
        return target;
    }

    /** The finder's own settings, then the training options it used (less the rate and epochs, which it ignores). */
    static JsonObject settings(JsonObject config) {
        JsonObject s = new JsonObject();
        s.addProperty("lr_min", LrFinder.LR_MIN);
        s.addProperty("lr_max", LrFinder.LR_MAX);
        s.addProperty("steps", LrFinder.STEPS);
        s.addProperty("smoothing_beta", LrFinder.BETA);
        s.addProperty("stops_above_best_times", LrFinder.EXPLODED);
        s.addProperty("suggestion_divisor", LrFinder.SAFETY);
        for (var e : config.entrySet()) {
            if (!e.getKey().equals("lr") && !e.getKey().equals("lr_auto") && !e.getKey().equals("epochs")
                    && !e.getKey().equals("print_epochs") && !e.getKey().equals("graphviz")) {
                s.add(e.getKey(), e.getValue());
            }
        }
        return s;
    }
}
