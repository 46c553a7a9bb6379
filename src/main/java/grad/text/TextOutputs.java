package grad.text;

import grad.GradException;
import grad.io.AtomicFiles;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Where a run's files go.
 *
 * @param dir       the output directory (created if missing)
 * @param plots     whether to draw the pictures
 * @param saveModel where to save the model, or null
 * @param terminal  whether the output is a terminal (for the progress line)
 */
public record TextOutputs(Path dir, boolean plots, Path saveModel, boolean terminal) {
    /** Checks, before training, that the metrics file and the model file can be written. */
    void checkWritable(String name) {
        AtomicFiles.checkWritable(dir.resolve("metrics_" + name + ".json"));
        if (saveModel != null) {
            AtomicFiles.checkWritable(saveModel);
        }
    }

    /** Counts the outputs that could not be written, saying why on one line each; the others go on. */
    static final class Failures {
        private final PrintWriter err;
        private int count;

        Failures(PrintWriter err) {
            this.err = err;
        }

        void attempt(Runnable output) {
            try {
                output.run();
            } catch (GradException e) {
                count++;
                err.println("grad text: " + e.getMessage());
            } catch (RuntimeException e) {
                count++;
                err.println("grad text: an output failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }

        int count() {
            return count;
        }
    }
}
