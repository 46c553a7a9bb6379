package grad.plot;

import grad.GradException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Draws, encodes and writes pictures on one background thread, in the order they were submitted, so
 * that drawing never stalls training.
 *
 * <p>Each picture is a {@link Supplier} of the file's bytes, run on the picture thread, then written
 * with {@link grad.io.AtomicFiles}: a failure never leaves a half-written file, and a file written
 * earlier stays as it was. After the first failure later tasks are skipped; {@link #awaitAll()}
 * (or {@link #close()}) reports it once, as a one-line {@link GradException} naming the file.
 *
 * <p>A supplier runs later, on another thread: it must capture what it draws (a snapshot of the
 * model, copies of arrays), not state that training goes on changing. Submit from one thread.
 */
public final class PictureWriter implements AutoCloseable {

    private final ExecutorService executor;
    private final List<Future<?>> pending = new ArrayList<>();
    private final AtomicReference<GradException> failure = new AtomicReference<>();
    private boolean reported;
    private boolean closed;

    private PictureWriter(ExecutorService executor) {
        this.executor = executor;
    }

    /** A writer with its own daemon thread. */
    public static PictureWriter inBackground() {
        return new PictureWriter(Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "grad-pictures");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** A writer that does each task at once, in the submitting thread (for tests and simple tools). */
    public static PictureWriter inCallerThread() {
        return new PictureWriter(null);
    }

    /**
     * Queues a picture: {@code picture} makes the bytes of {@code target}, which is then written
     * atomically. Failures are reported by {@link #awaitAll()}, not here.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public void submit(Path target, Supplier<byte[]> picture) {
        submit(() -> {
            byte[] bytes;
            try {
                bytes = picture.get();
            } catch (GradException e) {
                throw e;
            } catch (RuntimeException | Error e) {
                throw new GradException("cannot draw " + target + ": " + reason(e), e);
            }
            grad.io.AtomicFiles.write(target, out -> out.write(bytes));
        }, "cannot write " + target);
    }

    /**
     * Queues a task that writes no file itself, such as adding a frame to a {@link GifAnimation}. Its
     * failure is reported as "{@code description}: reason".
     */
    public void submit(String description, Runnable task) {
        submit(task, description);
    }

    /** Whether a task has failed (later tasks are then skipped). */
    public boolean failed() {
        return failure.get() != null;
    }

    private void submit(Runnable task, String description) {
        if (closed) {
            throw new IllegalStateException("the picture writer is closed");
        }
        Runnable guarded = () -> {
            if (failure.get() != null) {
                return;
            }
            try {
                task.run();
            } catch (GradException e) {
                failure.compareAndSet(null, e);
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, new GradException(description + ": " + reason(e), e));
            }
        };
        if (executor == null) {
            guarded.run();
            return;
        }
        synchronized (pending) {
            pending.removeIf(Future::isDone);
            pending.add(executor.submit(guarded));
        }
    }

    /**
     * Waits until every submitted task is done.
     *
     * @throws GradException the first failure, naming its file (reported once)
     */
    public void awaitAll() {
        List<Future<?>> waiting;
        synchronized (pending) {
            waiting = new ArrayList<>(pending);
            pending.clear();
        }
        for (Future<?> future : waiting) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GradException("interrupted while writing pictures", e);
            } catch (ExecutionException e) {
                // tasks catch their own failures; this is only a safety net
                failure.compareAndSet(null, new GradException("cannot write a picture: " + reason(e.getCause()), e));
            }
        }
        GradException first = failure.get();
        if (first != null && !reported) {
            reported = true;
            throw first;
        }
    }

    /** Waits for every task (see {@link #awaitAll()}) and stops the thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            awaitAll();
        } finally {
            closed = true;
            if (executor != null) {
                executor.shutdown();
            }
        }
    }

    /** The first line of a failure's message, or its type when it has none. */
    static String reason(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
