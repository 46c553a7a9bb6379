package grad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grad.GradException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesTheWholeFileAndNothingElse() throws IOException {
        Path target = dir.resolve("metrics.json");
        AtomicFiles.writeString(target, "{\"status\": \"completed\"}\n");

        assertThat(target).hasContent("{\"status\": \"completed\"}");
        assertThat(names()).containsExactly("metrics.json");
    }

    @Test
    void aWriterThatFailsMidwayLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("curves.png");
        AtomicFiles.writeString(target, "the previous picture");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half a pic".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(GradException.class).hasMessage("cannot write " + target + ": disk full");

        assertThat(target).hasContent("the previous picture");
        assertThat(names()).containsExactly("curves.png");
    }

    @Test
    void aRuntimeFailureMidwayIsReportedInOneLineToo() throws IOException {
        Path target = dir.resolve("new.gif");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(new byte[10_000]);
            throw new IllegalStateException("the GIF encoder refused a frame\nand more detail");
        })).isInstanceOf(GradException.class)
                .hasMessage("cannot write " + target + ": the GIF encoder refused a frame");

        assertThat(target).doesNotExist();
        assertThat(names()).isEmpty();
    }

    @Test
    void filesGetTheDirectorysUsualPermissionsNotPrivateTemporaryOnes() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.writeString(atomic, "x");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(atomic)))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)));
    }

    @Test
    void aDirectoryInTheWayIsNamed() throws IOException {
        Path target = Files.createDirectory(dir.resolve("out.csv"));

        assertThatThrownBy(() -> AtomicFiles.writeString(target, "x"))
                .hasMessage("cannot write " + target + ": it is a directory");
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("output"), "x");

        assertThatThrownBy(() -> AtomicFiles.writeString(file.resolve("metrics.json"), "x"))
                .hasMessage("cannot write " + file.resolve("metrics.json") + ": " + file
                        + " is in the way: it is not a directory");
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
