package grad.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import grad.data.SyntheticDataset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A picture that is never finished is given up with one warning, and the run does not wait for it. */
class PictureSchedulerTest {

    @TempDir
    Path dir;

    /** Never finishes, until the drawing threads are stopped when the pictures are closed. */
    private static Callable<byte[]> stuck(CountDownLatch never) {
        return () -> {
            never.await();
            return "never".getBytes(StandardCharsets.UTF_8);
        };
    }

    @Test
    void aPictureNotDrawnInTimeIsGivenUpWithOneWarning() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        CountDownLatch never = new CountDownLatch(1);
        PictureScheduler pictures = new PictureScheduler(dir, SyntheticDataset.XOR.generate(10, 1), null, false, warnings::add,
                Duration.ofMillis(300));

        pictures.draw(dir.resolve("before.png"), () -> "before".getBytes(StandardCharsets.UTF_8));
        pictures.draw(dir.resolve("stuck.png"), stuck(never));
        pictures.draw(dir.resolve("stuck too.png"), stuck(never));
        assertTimeoutPreemptively(Duration.ofSeconds(60), pictures::close);

        assertThat(warnings).containsExactly("gave up drawing " + dir.resolve("stuck.png")
                + ": not finished after 0.3 s; no more pictures are drawn in this run");
        assertThat(dir.resolve("before.png")).hasContent("before");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("before.png");
        }
        assertThat(PictureScheduler.DRAWING_TIMEOUT).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(30));
    }

    @Test
    void afterGivingUpNothingMoreIsDrawn() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        CountDownLatch never = new CountDownLatch(1);
        PictureScheduler pictures = new PictureScheduler(dir, SyntheticDataset.XOR.generate(10, 1), null, false, warnings::add,
                Duration.ofMillis(300));
        pictures.draw(dir.resolve("stuck.png"), stuck(never));
        CountDownLatch writerPassedIt = new CountDownLatch(1);
        pictures.then("a task after the stuck picture", writerPassedIt::countDown);
        assertThat(writerPassedIt.await(60, TimeUnit.SECONDS)).isTrue();
        pictures.draw(dir.resolve("later.png"), () -> {
            throw new AssertionError("drawn after giving up");
        });
        assertTimeoutPreemptively(Duration.ofSeconds(60), pictures::close);

        assertThat(warnings).hasSize(1);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
