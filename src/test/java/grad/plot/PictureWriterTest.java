package grad.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grad.GradException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PictureWriterTest {

    @TempDir
    Path dir;

    private static PictureWriter writer(boolean background) {
        return background ? PictureWriter.inBackground() : PictureWriter.inCallerThread();
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void writesEveryPictureInSubmissionOrder(boolean background) throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        try (PictureWriter writer = writer(background)) {
            for (int i = 0; i < 20; i++) {
                int n = i;
                writer.submit(dir.resolve("frame_" + n + ".txt"), () -> {
                    order.add(n);
                    return text("frame " + n);
                });
            }
            writer.awaitAll();
            for (int i = 0; i < 20; i++) {
                assertThat(Files.readString(dir.resolve("frame_" + i + ".txt"))).isEqualTo("frame " + i);
            }
        }
        assertThat(order).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
    }

    @Test
    void drawingHappensOffTheSubmittingThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (PictureWriter writer = PictureWriter.inBackground()) {
            writer.submit(dir.resolve("slow.txt"), () -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return text("slow");
            });
            // submit returned while the picture is still being drawn
            assertThat(dir.resolve("slow.txt")).doesNotExist();
            release.countDown();
            writer.awaitAll();
            assertThat(dir.resolve("slow.txt")).hasContent("slow");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aFailingPictureIsReportedOnceAndLeavesThePreviousFileIntact(boolean background) throws Exception {
        Path picture = dir.resolve("boundary.png");
        Path later = dir.resolve("later.png");
        PictureWriter writer = writer(background);
        writer.submit(picture, () -> text("good"));
        writer.submit(picture, () -> {
            throw new IllegalStateException("the model exploded\nwith details on a second line");
        });
        writer.submit(later, () -> text("never"));

        assertThatThrownBy(writer::awaitAll)
                .isInstanceOf(GradException.class)
                .hasMessage("cannot draw " + picture + ": the model exploded");
        assertThat(picture).hasContent("good");
        assertThat(later).doesNotExist(); // tasks after a failure are skipped
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("boundary.png");
        }
        assertThatCode(writer::close).doesNotThrowAnyException(); // reported once
        assertThatThrownBy(() -> writer.submit(later, () -> text("x"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnwritableTargetNamesTheFile() throws Exception {
        Files.writeString(dir.resolve("not-a-dir"), "file");
        Path target = dir.resolve("not-a-dir").resolve("boundary.png");
        PictureWriter writer = PictureWriter.inBackground();
        writer.submit(target, () -> text("png"));
        assertThatThrownBy(writer::close)
                .isInstanceOf(GradException.class)
                .hasMessageStartingWith("cannot write " + target)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void tasksWithoutAFileShareTheQueue() {
        List<String> seen = new CopyOnWriteArrayList<>();
        PictureWriter writer = PictureWriter.inBackground();
        writer.submit(dir.resolve("a.txt"), () -> {
            seen.add("a");
            return text("a");
        });
        writer.submit("add a frame to the animation", () -> seen.add("frame"));
        writer.submit("add another frame", () -> {
            throw new IllegalArgumentException("frame is 10x10, the animation 640x480");
        });
        assertThatThrownBy(writer::close)
                .isInstanceOf(GradException.class)
                .hasMessage("add another frame: frame is 10x10, the animation 640x480");
        assertThat(seen).containsExactly("a", "frame");
    }
}
