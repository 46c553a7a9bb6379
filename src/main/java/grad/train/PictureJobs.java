package grad.train;

import grad.GradException;
import grad.io.AtomicFiles;
import grad.plot.PictureWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs a run's drawing jobs off the training thread, knowing nothing of what they draw: frames (a series
 * drawn often, such as the decision boundary of each epoch) on two drawing threads, other pictures on a
 * third, so that those asked for when training ends are drawn while the last frames are. What they make is
 * written, in the order it was asked for, by one writer thread, so the files do not depend on the timing.
 *
 * <p>The writer waits at most the timeout ({@link #DRAWING_TIMEOUT} in a run) for a drawing. One that takes
 * longer is given up with a single warning, and nothing is drawn after it: the drawing threads are
 * daemons, so one that never finishes holds up neither training nor the end of the run, and nothing of it
 * is written. A drawing that fails costs only its own picture: one warning names it, and the pictures
 * before and after it are written.
 */
final class PictureJobs implements AutoCloseable {
    private static final int FRAME_THREADS = 2;
    /**
     * Frames asked for but not yet written, at most: if they fall this far behind (a long run that draws
     * every epoch), the caller waits for them rather than filling the memory with frames. A default run's
     * eleven never wait.
     */
    private static final int FRAMES_IN_FLIGHT = 16;
    /** Far longer than any picture takes (a frame takes milliseconds, the first chart half a second). */
    static final Duration DRAWING_TIMEOUT = Duration.ofSeconds(30);

    private final PictureWriter writer = PictureWriter.inBackground();
    private final ExecutorService frames = Executors.newFixedThreadPool(FRAME_THREADS, PictureJobs::drawingThread);
    private final ExecutorService others = Executors.newSingleThreadExecutor(PictureJobs::drawingThread);
    private final Semaphore inFlight = new Semaphore(FRAMES_IN_FLIGHT);
    private final Consumer<String> warnings;
    private final Duration timeout;
    /** Set once a drawing has taken too long: no more are drawn, and those waiting are written only if done. */
    private final AtomicBoolean gaveUp = new AtomicBoolean();

    /** @param warnings takes the one-line warning when a drawing is given up or fails */
    PictureJobs(Consumer<String> warnings, Duration timeout) {
        this.warnings = warnings;
        this.timeout = timeout;
    }

    private static Thread drawingThread(Runnable task) {
        Thread t = new Thread(task, "grad-drawing");
        t.setDaemon(true);
        return t;
    }

    /** Draws {@code picture} on the other pictures' thread, and has the writer write it ({@code null}: nothing). */
    void file(Path target, Callable<byte[]> picture) {
        if (gaveUp.get()) {
            return;
        }
        Future<byte[]> drawn = others.submit(() -> gaveUp.get() ? null : picture.call());
        writer.submit("drawing " + target, () -> {
            byte[] png = result(drawn, target.toString());
            if (png != null) {
                AtomicFiles.write(target, out -> out.write(png));
            }
        });
    }

    /**
     * Draws a frame on a frame thread, then has the writer {@code write} it. Waits first while
     * {@link #FRAMES_IN_FLIGHT} frames are waiting to be written.
     *
     * @param description names the frame in a failure's message
     * @param picture     names it in the warning if it is given up
     */
    <T> void frame(String description, String picture, Callable<T> draw, Consumer<T> write) {
        if (gaveUp.get()) {
            return;
        }
        waitForRoom();
        Future<T> drawn = frames.submit(() -> gaveUp.get() ? null : draw.call());
        writer.submit(description, () -> {
            try {
                T made = result(drawn, picture);
                if (made != null) {
                    write.accept(made);
                }
            } finally {
                inFlight.release();
            }
        });
    }

    /** Starts {@code task} on a frame thread now, with nothing to write: work that frames will wait for. */
    void prepare(Runnable task) {
        frames.submit(() -> {
            if (!gaveUp.get()) {
                task.run();
            }
        });
    }

    /** Runs a task after the pictures already asked for, on the writer thread. */
    void then(String description, Runnable task) {
        writer.submit(description, task);
    }

    /** Blocks while {@link #FRAMES_IN_FLIGHT} frames wait to be written (not once writing has failed). */
    private void waitForRoom() {
        try {
            while (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (writer.failed()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradException("interrupted while drawing", e);
        }
    }

    /**
     * What a drawing made, once it is done; {@code null} if it failed (named in a warning) or is given up:
     * not done within the timeout (the first such picture is named in a warning) or, after that, not done
     * already.
     */
    private <T> T result(Future<T> future, String picture) {
        try {
            return future.get(gaveUp.get() ? 0 : timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            if (gaveUp.compareAndSet(false, true)) {
                String seconds = BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString();
                warnings.accept("gave up drawing " + picture + ": not finished after " + seconds
                        + " s; no more pictures are drawn in this run");
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradException("interrupted while drawing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            warnings.accept("could not draw " + picture + ": " + why.lines().findFirst().orElse(why)
                    + "; the other pictures are drawn");
            return null;
        }
    }

    /** Waits for every picture; rethrows the first failure. */
    @Override
    public void close() {
        try {
            writer.close();
        } finally {
            frames.shutdownNow();
            others.shutdownNow();
        }
    }
}
