package grad.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grad.GradException;
import grad.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PictureWriterTest {
    @TempDir
    Path dir;

    @Test
    void aFailingPictureKeepsTheEarlierFileSkipsLaterTasksAndIsReportedOnce() throws IOException {
        Path curves = dir.resolve("curves_xor.png");
        AtomicFiles.writeString(curves, "epoch 1's curves");
        AtomicInteger later = new AtomicInteger();
        PictureWriter writer = PictureWriter.inBackground();

        writer.submit(curves, () -> {
            throw new IllegalStateException("no font\nsecond line");
        });
        writer.submit("a later frame", later::incrementAndGet);

        assertThatThrownBy(writer::awaitAll).isInstanceOf(GradException.class)
                .hasMessage("cannot draw " + curves + ": no font");
        writer.close();
        assertThat(later).hasValue(0);
        assertThat(curves).hasContent("epoch 1's curves");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(curves);
        }
    }

    @Test
    void writesInOrderAndTheLastWins() {
        Path target = dir.resolve("curves_xor.png");
        try (PictureWriter writer = PictureWriter.inBackground()) {
            for (int i = 1; i <= 20; i++) {
                byte[] bytes = ("epoch " + i).getBytes(StandardCharsets.UTF_8);
                writer.submit(target, () -> bytes);
            }
        }
        assertThat(target).hasContent("epoch 20");
    }
}
