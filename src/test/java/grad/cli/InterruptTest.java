package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) to a running {@code grad}: it finishes the epoch in progress, writes the metrics (status
 * {@code interrupted}, the epoch reached) and the report, says so in one line and exits 130.
 */
class InterruptTest {
    @TempDir
    Path scratch;

    @Test
    void ctrlCFinishesTheEpochWritesTheMetricsAndReportAndExits130() throws Exception {
        assumeFalse(sigintIgnored(), "SIGINT is ignored in this process (started in the background by a shell"
                + " without job control, or under nohup), and so in the grad it would start: nothing to test");
        Path dir = scratch.resolve("out");
        ForkedGrad run = ForkedGrad.start(scratch, "grad", Map.of(),
                List.of("--dataset", "xor", "--epochs", "100000", "--print-epochs", "100000", "-o", dir.toString()));
        try {
            while (run.out().lines().noneMatch(l -> l.matches("epoch +1/100000 .*"))) { // epoch 1 is done
                assertThat(run.isAlive()).as("grad ended early: %s", run.err()).isTrue();
                Thread.sleep(50);
            }
            assertThat(new ProcessBuilder("kill", "-INT", String.valueOf(run.pid())).start().waitFor()).isZero();

            assertThat(run.waitFor()).as(run.err()).isEqualTo(130);
        } finally {
            run.destroy();
        }
        JsonObject metrics = JsonParser.parseString(Files.readString(dir.resolve("metrics_xor.json"))).getAsJsonObject();
        assertThat(metrics.get("status").getAsString()).isEqualTo("interrupted");
        JsonArray epochs = metrics.getAsJsonArray("epochs");
        int reached = epochs.get(epochs.size() - 1).getAsJsonObject().get("epoch").getAsInt();
        assertThat(reached).isBetween(1, 99_999).isEqualTo(epochs.size());
        assertThat(metrics.getAsJsonObject("interruption").get("epoch").getAsInt()).isEqualTo(reached);
        assertThat(metrics.getAsJsonObject("final").has("accuracy")).isTrue();
        assertThat(Files.readString(dir.resolve("report.html")))
                .contains("Interrupted after epoch " + reached + " of 100000 (Ctrl-C).");
        assertThat(dir.resolve("curves_xor.png")).isNotEmptyFile();
        assertThat(dir.resolve("decision_boundary_epoch_" + reached + "_xor.png")).isNotEmptyFile();
        assertThat(run.err().lines().toList()).containsExactly("grad: interrupted: stopped after epoch " + reached
                + " of 100000; its metrics (\"status\": \"interrupted\") and report are in " + dir + "/");
        assertThat(run.out()).contains("outputs in " + dir);
    }

    /** Whether this process ignores SIGINT (Linux's /proc tells; elsewhere assume not). */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }
}
