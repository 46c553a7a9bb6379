package grad.train;

import grad.GradException;
import grad.data.Dataset;
import grad.data.InputFeatures;
import grad.data.Standardizer;
import grad.io.AtomicFiles;
import grad.nn.MLP;
import grad.plot.CurvesPlot;
import grad.plot.DatasetPlot;
import grad.plot.DecisionBoundaryPlot;
import grad.plot.GifAnimation;
import grad.plot.Png;
import grad.plot.PictureWriter;
import grad.plot.PlotData;
import grad.plot.TrainingCurves;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Schedules the pictures of a run, drawn off the training thread so that training does not wait for
 * them: the dataset, the decision boundary at print epochs (and its animation), the training curves. Each is
 * drawn from a snapshot of the network taken when it is asked for.
 *
 * <p>The boundary chart is laid out once, as soon as the scheduler is made; then frames and their PNG
 * encoding are drawn on two drawing threads at once, and the other pictures on a third. Files are written,
 * and animation frames added, by one writer thread in the order they were asked for, so the files do not
 * depend on the timing.
 *
 * <p>The writer waits at most {@link #DRAWING_TIMEOUT} for a picture to be drawn. One that takes longer
 * is given up with a single warning, and no picture is drawn after it: the drawing threads are daemons,
 * so one that never finishes holds up neither training nor the end of the run, and nothing of it is
 * written.
 */
final class PictureScheduler implements AutoCloseable {
    private static final int DRAWING_THREADS = 2;
    /**
     * Frames asked for but not yet written, at most: if pictures fall this far behind (a long run that
     * draws every epoch), training waits for them rather than filling the memory with frames. A default
     * run's eleven never wait.
     */
    private static final int FRAMES_IN_FLIGHT = 16;
    /** Far longer than any picture takes (a frame takes milliseconds, the first chart half a second). */
    static final Duration DRAWING_TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;
    private final String name;
    private final Standardizer standardizer;
    private final InputFeatures inputs;
    private final PictureWriter writer = PictureWriter.inBackground();
    /** Draws the decision-boundary frames. */
    private final ExecutorService drawing;
    /**
     * Draws the other pictures (the dataset, the curves, the trained network), so that those asked for
     * when training ends are drawn while the last frames are, not after them.
     */
    private final ExecutorService others;
    /** Laid out once, on a frame thread as soon as the scheduler is made; frames wait for it. */
    private final Supplier<DecisionBoundaryPlot> boundary;
    private final GifAnimation animation;
    /** Only the newest curves are drawn when the writer falls behind: each replaces the last. */
    private final AtomicInteger curvesVersion = new AtomicInteger();
    private final Semaphore inFlight = new Semaphore(FRAMES_IN_FLIGHT);
    private final Consumer<String> warnings;
    private final Duration timeout;
    /** Set once a drawing has taken too long: no more are drawn, and those waiting are written only if done. */
    private final AtomicBoolean gaveUp = new AtomicBoolean();

    /**
     * @param data the training rows in their original units
     * @param boundaries whether the data can have a decision boundary drawn (2 features, classes)
     * @param warnings takes the one-line warning when a picture is given up
     */
    PictureScheduler(Path dir, Dataset data, Standardizer standardizer, boolean boundaries, Consumer<String> warnings) {
        this(dir, data, standardizer, boundaries, warnings, DRAWING_TIMEOUT);
    }

    PictureScheduler(Path dir, Dataset data, Standardizer standardizer, boolean boundaries, Consumer<String> warnings,
            Duration timeout) {
        this(dir, data, null, standardizer, boundaries, warnings, timeout);
    }

    /** As above, for a network that reads the input features {@code inputs} of each point (null: the point). */
    PictureScheduler(Path dir, Dataset data, InputFeatures inputs, Standardizer standardizer, boolean boundaries,
            Consumer<String> warnings, Duration timeout) {
        this.dir = dir;
        this.inputs = inputs;
        this.warnings = warnings;
        this.timeout = timeout;
        this.name = data.name();
        this.standardizer = standardizer;
        this.drawing = Executors.newFixedThreadPool(DRAWING_THREADS, PictureScheduler::drawingThread);
        this.others = Executors.newSingleThreadExecutor(PictureScheduler::drawingThread);
        if (boundaries) {
            Dataset shown = sample(data);
            PlotData points = new PlotData(title(data, shown), column(shown, 0), column(shown, 1), shown.labels(),
                    shown.classNames(), data.featureNames().get(0), data.featureNames().get(1));
            boundary = memoized(() -> new DecisionBoundaryPlot(points));
            // laid out now rather than when epoch 1's frame is asked for, since every frame waits for it
            drawing.submit(() -> gaveUp.get() ? null : boundary.get());
            animation = new GifAnimation(400, 1500);
            draw(dir.resolve("dataset_" + name + ".png"), () -> {
                boundary.get();   // drawn after the layout the frames wait for, not competing with it
                return DatasetPlot.png(points);
            });
        } else {
            boundary = null;
            animation = null;
        }
    }

    private static Thread drawingThread(Runnable task) {
        Thread t = new Thread(task, "grad-drawing");
        t.setDaemon(true);
        return t;
    }

    /** The most points a picture draws: a bigger dataset is drawn by an even sample of its rows. */
    static final int MAX_PLOTTED_POINTS = 10_000;

    /** {@code data}, or an evenly spaced sample of {@link #MAX_PLOTTED_POINTS} of its rows when it has more. */
    static Dataset sample(Dataset data) {
        int n = data.size();
        if (n <= MAX_PLOTTED_POINTS) {
            return data;
        }
        int[] rows = new int[MAX_PLOTTED_POINTS];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (int) ((long) i * n / rows.length);
        }
        return data.subset(rows);
    }

    /** The dataset's name in picture titles, saying when only a sample is drawn. */
    static String title(Dataset data, Dataset shown) {
        return shown.size() == data.size() ? data.name()
                : String.format(java.util.Locale.ROOT, "%s (%,d of %,d rows)", data.name(), shown.size(), data.size());
    }

    private static double[] column(Dataset data, int col) {
        double[] values = new double[data.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = data.feature(i, col);
        }
        return values;
    }

    /** A drawn frame's PNG bytes (when it is to be a file) and its smaller copy for the animation. */
    private record Frame(byte[] png, BufferedImage animationFrame) {
    }

    /**
     * Animation frames are drawn at three quarters of the PNGs' size: still readable, and the GIF
     * encoder's colour quantization, the slowest part of a frame, has half the pixels to do.
     */
    private static final double ANIMATION_SCALE = 0.75;

    private static BufferedImage scaled(BufferedImage image) {
        int w = (int) Math.round(image.getWidth() * ANIMATION_SCALE);
        int h = (int) Math.round(image.getHeight() * ANIMATION_SCALE);
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return small;
    }

    /**
     * Draws the network as it is now: a decision-boundary PNG when {@code png}, an animation frame
     * when {@code frame}. The accuracy in the title is measured on the plotted points, so it matches
     * the points marked as misclassified.
     */
    void boundary(MLP model, int epoch, boolean png, boolean frame) {
        if (boundary == null || !(png || frame) || gaveUp.get()) {
            return;
        }
        waitForRoom();
        ModelField field = new ModelField(model, inputs, standardizer);
        Path target = dir.resolve("decision_boundary_epoch_" + epoch + "_" + name + ".png");
        Future<Frame> drawn = drawing.submit(() -> {
            if (gaveUp.get()) {
                return null;
            }
            BufferedImage image = boundary.get().render(field, epoch);
            return new Frame(png ? Png.encode(image) : null, frame ? scaled(image) : null);
        });
        String picture = png ? target.toString() : "the epoch " + epoch + " frame of " + animationFile();
        writer.submit("decision boundary of epoch " + epoch, () -> {
            try {
                Frame f = result(drawn, picture);
                if (f == null) {
                    return;
                }
                if (png) {
                    AtomicFiles.write(target, out -> out.write(f.png()));
                }
                if (frame) {
                    animation.add(f.animationFrame());
                }
            } finally {
                inFlight.release();
            }
        });
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

    /** Redraws the training curves with the epochs so far (skipped if newer curves are already waiting). */
    void curves(TrainingCurves curves) {
        int version = curvesVersion.incrementAndGet();
        draw(dir.resolve("curves_" + name + ".png"), () -> version == curvesVersion.get() ? CurvesPlot.png(curves) : null);
    }

    /** Draws a picture on a drawing thread and has the writer write it ({@code null}: nothing to write). */
    void draw(Path target, Callable<byte[]> picture) {
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

    /** Writes the animation of every frame drawn so far. */
    void finishAnimation() {
        if (animation != null) {
            Path target = animationFile();
            writer.submit("animation", () -> {
                if (animation.frameCount() > 0) {
                    animation.write(target);
                }
            });
        }
    }

    private Path animationFile() {
        return dir.resolve("decision_boundary_" + name + ".gif");
    }

    /** Runs a task after the pictures already asked for, on the writer thread. */
    void then(String description, Runnable task) {
        writer.submit(description, task);
    }

    private static <T> Supplier<T> memoized(Supplier<T> make) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = make.get();
                }
                return value;
            }
        };
    }

    /**
     * What a drawing made, once it is done; {@code null} if it is given up: not done within the timeout
     * (the first such picture is named in a warning) or, after that, not done already.
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
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new GradException("drawing failed: " + cause, cause);
        }
    }

    /** Waits for every picture; rethrows the first failure. */
    @Override
    public void close() {
        try {
            writer.close();
        } finally {
            drawing.shutdownNow();
            others.shutdownNow();
        }
    }
}
