package grad.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drawing mechanism: what is drawn is written in the order asked for; a picture that is never finished
 * is given up with one warning, and the run does not wait for it; one that fails costs only itself.
 */
class PictureJobsTest {

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
        PictureJobs pictures = new PictureJobs(warnings::add, Duration.ofMillis(300));

        pictures.file(dir.resolve("before.png"), () -> "before".getBytes(StandardCharsets.UTF_8));
        pictures.file(dir.resolve("stuck.png"), stuck(never));
        pictures.file(dir.resolve("stuck too.png"), stuck(never));
        assertTimeoutPreemptively(Duration.ofSeconds(60), pictures::close);

        assertThat(warnings).containsExactly("gave up drawing " + dir.resolve("stuck.png")
                + ": not finished after 0.3 s; no more pictures are drawn in this run");
        assertThat(dir.resolve("before.png")).hasContent("before");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("before.png");
        }
        assertThat(PictureJobs.DRAWING_TIMEOUT).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(30));
    }

    @Test
    void afterGivingUpNothingMoreIsDrawn() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        CountDownLatch never = new CountDownLatch(1);
        PictureJobs pictures = new PictureJobs(warnings::add, Duration.ofMillis(300));
        pictures.file(dir.resolve("stuck.png"), stuck(never));
        CountDownLatch writerPassedIt = new CountDownLatch(1);
        pictures.then("a task after the stuck picture", writerPassedIt::countDown);
        assertThat(writerPassedIt.await(60, TimeUnit.SECONDS)).isTrue();
        pictures.file(dir.resolve("later.png"), () -> {
            throw new AssertionError("drawn after giving up");
        });
        assertTimeoutPreemptively(Duration.ofSeconds(60), pictures::close);

        assertThat(warnings).hasSize(1);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    /** The second frame is drawn first (the first waits for it), and still written second. */
    @Test
    void framesAreWrittenInTheOrderAskedForWhicheverIsDrawnFirst() {
        List<String> written = new ArrayList<>();   // by the one writer thread only
        CountDownLatch secondDrawn = new CountDownLatch(1);
        PictureJobs pictures = new PictureJobs(w -> {
            throw new AssertionError(w);
        }, Duration.ofSeconds(60));
        pictures.frame("frame 1", "the first frame", () -> {
            secondDrawn.await();
            return "first";
        }, written::add);
        pictures.frame("frame 2", "the second frame", () -> {
            secondDrawn.countDown();
            return "second";
        }, written::add);
        pictures.then("a task after the frames", () -> written.add("then"));
        assertTimeoutPreemptively(Duration.ofSeconds(60), pictures::close);

        assertThat(written).containsExactly("first", "second", "then");
    }

    /**
     * A picture whose drawing fails costs only itself: it leaves no file and one warning names it, and the
     * pictures before and after it are written.
     */
    @Test
    void aPictureThatFailsCostsOnlyItself() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        PictureJobs pictures = new PictureJobs(warnings::add, Duration.ofSeconds(60));
        pictures.file(dir.resolve("before.png"), () -> "before".getBytes(StandardCharsets.UTF_8));
        pictures.file(dir.resolve("broken.png"), () -> {
            throw new IllegalStateException("no such colour");
        });
        pictures.file(dir.resolve("after.png"), () -> "after".getBytes(StandardCharsets.UTF_8));
        assertTimeoutPreemptively(Duration.ofSeconds(60), pictures::close);

        assertThat(warnings).containsExactly("could not draw " + dir.resolve("broken.png")
                + ": no such colour; the other pictures are drawn");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("before.png", "after.png");
        }
        assertThat(Files.readString(dir.resolve("after.png"))).isEqualTo("after");
    }
}
