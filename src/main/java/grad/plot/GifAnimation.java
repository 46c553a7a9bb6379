package grad.plot;

import com.madgag.gif.fmsware.AnimatedGifEncoder;
import grad.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

/**
 * An animated GIF that loops forever, built frame by frame.
 *
 * <p>Frames are encoded as they are added (only the latest is held back, to give the last frame its
 * longer delay), so a long run does not keep every picture in memory. Encoding is deterministic: the
 * same frames give the same bytes. Not thread-safe.
 */
public final class GifAnimation {
    /**
     * The colour quantizer looks at every n-th pixel to build each frame's palette (1 = all, the
     * library's default is 10). Our frames are flat colour regions, so a sparse sample loses nothing
     * visible and makes encoding several times faster.
     */
    private static final int QUANTIZER_SAMPLING = 30;

    private final int frameDelayMillis;
    private final int lastFrameDelayMillis;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
    private final AnimatedGifEncoder encoder = new AnimatedGifEncoder();
    private BufferedImage pending;
    private int width;
    private int height;
    private int frames;
    private byte[] finished;

    /**
     * @param frameDelayMillis how long each frame shows, e.g. 500
     * @param lastFrameDelayMillis how long the last frame shows before the loop restarts, e.g. 2000
     */
    public GifAnimation(int frameDelayMillis, int lastFrameDelayMillis) {
        if (frameDelayMillis < 10 || lastFrameDelayMillis < 10) {
            throw new IllegalArgumentException("a GIF frame shows for at least 10 ms");
        }
        this.frameDelayMillis = frameDelayMillis;
        this.lastFrameDelayMillis = lastFrameDelayMillis;
    }

    /**
     * Appends a frame; every frame must have the size of the first.
     *
     * @throws IllegalStateException after {@link #finish()}
     */
    public void add(BufferedImage frame) {
        if (finished != null) {
            throw new IllegalStateException("the animation is finished");
        }
        if (frames == 0) {
            width = frame.getWidth();
            height = frame.getHeight();
            encoder.setRepeat(0);
            encoder.setQuality(QUANTIZER_SAMPLING);
            encoder.start(bytes);
        } else if (frame.getWidth() != width || frame.getHeight() != height) {
            throw new IllegalArgumentException("frame is " + frame.getWidth() + "x" + frame.getHeight()
                    + ", the animation " + width + "x" + height);
        }
        if (pending != null) {
            encode(pending, frameDelayMillis);
        }
        pending = frame;
        frames++;
    }

    /** The number of frames added so far. */
    public int frameCount() {
        return frames;
    }

    /**
     * Ends the animation and returns the GIF's bytes; later calls return the same bytes.
     *
     * @throws IllegalStateException when no frame was added
     */
    public byte[] finish() {
        if (finished == null) {
            if (frames == 0) {
                throw new IllegalStateException("an animation needs at least one frame");
            }
            encode(pending, lastFrameDelayMillis);
            pending = null;
            if (!encoder.finish()) {
                throw new IllegalStateException("the GIF encoder failed to finish");
            }
            finished = bytes.toByteArray();
        }
        return finished.clone();
    }

    /** {@link #finish() Finishes} the animation and writes it to {@code target}, atomically. */
    public void write(Path target) {
        byte[] gif = finish();
        AtomicFiles.write(target, out -> out.write(gif));
    }

    private void encode(BufferedImage frame, int delayMillis) {
        encoder.setDelay(delayMillis);
        if (!encoder.addFrame(frame)) {
            throw new IllegalStateException("the GIF encoder refused a frame");
        }
    }
}
