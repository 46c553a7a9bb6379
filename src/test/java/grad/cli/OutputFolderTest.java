package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@code --output-dir}, one run at a time: a second run into a folder another run holds stops at once
 * (exit 1, naming the holder), and the files an earlier run left are moved aside rather than mixed with this
 * run's.
 */
class OutputFolderTest {
    @TempDir
    Path scratch;

    @Test
    void aSecondRunIntoAFolderInUseNamesTheRunThatHoldsItAndExits1() throws Exception {
        Path dir = scratch.resolve("out");
        ForkedGrad first = ForkedGrad.start(scratch, "first", Map.of(),
                List.of("--dataset", "xor", "--epochs", "100000", "--no-plots", "-o", dir.toString()));
        try {
            String holder = "process " + first.pid() + ", training on xor for 100000 epochs";
            Path lock = dir.resolve(".grad.lock");
            while (!(Files.isRegularFile(lock) && Files.readString(lock, StandardCharsets.UTF_8).strip().equals(holder))) {
                assertThat(first.isAlive()).as("the first run ended early: %s", first.err()).isTrue();
                Thread.sleep(50);
            }
            // stopped, the first run holds the folder for as long as this test needs, however slow the machine
            assertThat(new ProcessBuilder("kill", "-STOP", String.valueOf(first.pid())).start().waitFor()).isZero();

            Cli second = Cli.run("--dataset", "circles", "--epochs", "1", "-o", dir.toString());

            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.errLines()).containsExactly("grad: output directory " + dir + " is in use by another run ("
                    + holder + "); wait for it to end or choose another --output-dir");
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly(".grad.lock");
            }
        } finally {
            first.destroy();
        }
    }

    @Test
    void theFilesOfAnEarlierRunAreMovedAsideSaidInOneLine() throws IOException {
        Path dir = scratch.resolve("out");
        Cli.ok(List.of("--dataset", "xor", "--epochs", "20", "--graphviz", "-o", dir.toString()));
        assertThat(dir.resolve("decision_boundary_epoch_16_xor.png")).exists();
        Path model = Files.writeString(dir.resolve("notes.txt"), "mine");

        Cli second = Cli.ok(List.of("--dataset", "xor", "--epochs", "10", "-o", dir.toString()));

        // 5 frames (epochs 1, 6, 11, 16, 20), the dataset, curves, network, confusion, gif, metrics, report;
        // the 5 graphs of the same epochs as .dot (+ .svg, .png when dot is installed)
        int graphFiles = DotRendererAvailable.dot() ? 15 : 5;
        int moved = 12 + graphFiles;
        assertThat(second.out()).contains("moved " + moved + " files of an earlier run aside to " + dir.resolve("earlier-run")
                + " (this run writes its own)" + System.lineSeparator());
        assertThat(dir.resolve("decision_boundary_epoch_16_xor.png")).doesNotExist();
        assertThat(dir.resolve("weights_epoch_1_xor.dot")).doesNotExist();
        assertThat(dir.resolve("earlier-run/decision_boundary_epoch_16_xor.png")).isNotEmptyFile();
        assertThat(dir.resolve("earlier-run/weights_epoch_16_xor.dot")).isNotEmptyFile();
        assertThat(dir.resolve("decision_boundary_epoch_10_xor.png")).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve("metrics_xor.json"))).contains("\"epochs\": 10,");
        assertThat(model).hasContent("mine");

        // a third run replaces what the first left aside with what the second wrote
        Cli.ok(List.of("--dataset", "xor", "--epochs", "1", "--no-plots", "-o", dir.toString()));
        assertThat(dir.resolve("earlier-run/decision_boundary_epoch_16_xor.png")).doesNotExist();
        assertThat(dir.resolve("earlier-run/decision_boundary_epoch_10_xor.png")).isNotEmptyFile();
    }
}
