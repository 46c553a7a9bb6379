package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code dot} on the PATH that fails (a broken Graphviz, a graph too big for it) costs only the graph's
 * own pictures: one warning line for each, and every other output of the run is there.
 */
class FailingDotTest {
    @TempDir
    Path scratch;

    @Test
    void aFailingDotCostsOnlyItsOwnPictures() throws IOException, InterruptedException {
        Path bin = Files.createDirectories(scratch.resolve("bin"));
        Path dot = bin.resolve("dot");
        Files.writeString(dot, "#!/bin/sh\necho 'Error: trouble in init_rank' >&2\nexit 1\n");
        Files.setPosixFilePermissions(dot, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dir = scratch.resolve("out");
        ForkedGrad run = ForkedGrad.start(scratch, "grad",
                Map.of("PATH", bin + java.io.File.pathSeparator + System.getenv().getOrDefault("PATH", "")),
                List.of("--dataset", "xor", "--epochs", "6", "--graphviz", "-o", dir.toString()));

        assertThat(run.waitFor()).as(run.err()).isZero();
        List<String> warnings = run.err().lines().filter(l -> l.startsWith("grad: warning: dot could not render")).toList();
        assertThat(warnings).hasSize(2); // epochs 1 and 6
        assertThat(warnings.get(0)).contains("weights_epoch_1_xor.dot").contains("trouble in init_rank")
                .endsWith("the run goes on without this graph's picture");
        assertThat(Files.readString(dir.resolve("metrics_xor.json"))).contains("\"status\": \"completed\"");
        for (String file : List.of("weights_epoch_1_xor.dot", "weights_epoch_6_xor.dot", "curves_xor.png",
                "decision_boundary_epoch_6_xor.png", "decision_boundary_xor.gif", "network_xor.png", "report.html")) {
            assertThat(dir.resolve(file)).as(file).isNotEmptyFile();
        }
        assertThat(dir.resolve("weights_epoch_1_xor.svg")).doesNotExist();
    }
}
