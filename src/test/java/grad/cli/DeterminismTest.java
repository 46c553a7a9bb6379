package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same arguments give the same files, byte for byte, whatever the run and the thread count. */
class DeterminismTest {
    @TempDir
    Path first;

    @TempDir
    Path second;

    @Test
    void twoRunsWriteIdenticalFiles() throws IOException {
        List<String> args = List.of("--class-size", "200", "--epochs", "10", "--print-epochs", "9", "--graphviz",
                "--graphviz-max-nodes", "60");

        assertThat(run(args, first).exitCode()).isZero();
        assertThat(run(args, second).exitCode()).isZero();

        TreeMap<String, byte[]> a = files(first);
        assertThat(a.keySet()).contains("metrics_xor.json", "dataset_xor.png", "curves_xor.png",
                "decision_boundary_epoch_1_xor.png", "decision_boundary_epoch_10_xor.png", "decision_boundary_xor.gif",
                "report.html",
                "weights_epoch_1_xor.dot", "weights_epoch_10_xor.dot");
        assertSameFiles(a, files(second));
    }

    @Test
    void threadCountsWriteIdenticalFiles() throws IOException {
        // 64,64 has 4,482 parameters: a 50-row minibatch is well above BatchGradients' threshold for threads
        List<String> args = List.of("--class-size", "200", "--epochs", "3", "--print-epochs", "2",
                "--hidden-units", "64,64", "--no-plots", "--graphviz", "--graphviz-max-nodes", "60");

        Cli one = run(concat(args, "--threads", "1"), first);
        Cli two = run(concat(args, "--threads", "2"), second);

        assertThat(one.exitCode()).isZero();
        assertThat(two.exitCode()).isZero();
        assertThat(one.out().replace(first.toString(), "DIR")).isEqualTo(two.out().replace(second.toString(), "DIR"));
        TreeMap<String, byte[]> a = files(first);
        assertThat(a.keySet()).contains("metrics_xor.json", "weights_epoch_1_xor.dot", "weights_epoch_3_xor.dot",
                "report.html");
        assertSameFiles(a, files(second));
    }

    @Test
    void gradTrainWritesWhatGradWithoutACommandWrites() throws IOException {
        List<String> args = List.of("--class-size", "100", "--epochs", "4", "--print-epochs", "2", "--lr", "0.01");

        Cli root = run(args, first);
        List<String> train = new ArrayList<>(List.of("train"));
        train.addAll(args);
        Cli sub = run(train, second);

        assertThat(root.exitCode()).isZero();
        assertThat(sub.exitCode()).as(sub.err()).isZero();
        assertThat(sub.out().replace(second.toString(), "DIR")).isEqualTo(root.out().replace(first.toString(), "DIR"));
        TreeMap<String, byte[]> a = files(first);
        assertThat(a.keySet()).contains("metrics_xor.json", "decision_boundary_epoch_4_xor.png", "report.html");
        assertSameFiles(a, files(second));
    }

    private static Cli run(List<String> args, Path dir) {
        return Cli.run(concat(args, "-o", dir.toString()));
    }

    private static List<String> concat(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all;
    }

    private static void assertSameFiles(TreeMap<String, byte[]> a, TreeMap<String, byte[]> b) {
        assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
        a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
    }

    private static TreeMap<String, byte[]> files(Path dir) throws IOException {
        TreeMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
