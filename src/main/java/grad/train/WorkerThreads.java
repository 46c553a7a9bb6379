package grad.train;

import grad.GradException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Helper threads that run one task at a time together with the calling thread: {@link #run} gives
 * {@code task(0)} to the caller and {@code task(1)}, {@code task(2)}, … to the helpers, and returns
 * when all are done.
 *
 * <p>Why not an {@code ExecutorService}: a minibatch is a few hundred microseconds of work, and waking a
 * pool thread that has gone to sleep on its queue can take as long. Here a thread that waits (a helper
 * between tasks, the caller for the helpers) spins for a moment first, and sleeps only if nothing
 * comes; during training the next task nearly always comes within the spin. (With more threads than
 * processors spinning would only take time from the threads with work, so then waiting threads sleep
 * at once.)
 */
final class WorkerThreads implements AutoCloseable {
    /** How long a waiting thread spins before it sleeps, when every thread has a processor. */
    private static final long SPIN_NANOS = 200_000;

    private final long spinNanos;

    private final Thread[] helpers;
    private final AtomicInteger running = new AtomicInteger();
    /** Incremented by {@link #run} to start a task; a helper runs one task per increment. */
    private volatile int round;
    private volatile IntConsumer task;
    private volatile Thread caller;
    private volatile Throwable failure;
    private volatile boolean closed;

    WorkerThreads(int helperCount) {
        helpers = new Thread[helperCount];
        spinNanos = helperCount < Runtime.getRuntime().availableProcessors() ? SPIN_NANOS : 0;
        for (int i = 0; i < helperCount; i++) {
            int id = i + 1;
            helpers[i] = new Thread(() -> work(id), "grad-worker-" + id);
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
    }

    /** Runs {@code task(t)} for {@code t = 0 .. helpers}, {@code task(0)} on this thread; rethrows a failure. */
    void run(IntConsumer task) {
        caller = Thread.currentThread();
        failure = null;
        this.task = task;
        running.set(helpers.length);
        round++;   // a volatile write: the helpers that see it see the task too
        for (Thread h : helpers) {
            LockSupport.unpark(h);
        }
        Throwable mine = null;
        try {
            task.accept(0);
        } catch (RuntimeException | Error e) {
            mine = e;
        }
        awaitHelpers();
        Throwable first = mine != null ? mine : failure;
        if (first instanceof RuntimeException re) {
            throw re;
        }
        if (first instanceof Error e) {
            throw e;
        }
        if (first != null) {
            throw new GradException("worker failed", first);
        }
    }

    /** Waits, ignoring interrupts (the helpers finish their share anyway), until no helper is running. */
    private void awaitHelpers() {
        boolean interrupted = false;
        long start = System.nanoTime();
        while (running.get() > 0) {
            if (System.nanoTime() - start < spinNanos) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void work(int id) {
        int seen = 0;
        while (true) {
            long start = System.nanoTime();
            while (round == seen && !closed) {
                if (System.nanoTime() - start < spinNanos) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = round;
            try {
                task.accept(id);
            } catch (Throwable e) {
                failure = e;
            }
            if (running.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    /** Stops the helpers (they are daemons, so a forgotten close does not keep the JVM alive). */
    @Override
    public void close() {
        closed = true;
        for (Thread h : helpers) {
            LockSupport.unpark(h);
        }
    }
}
