package grad.plot;

import com.madgag.gif.fmsware.AnimatedGifEncoder;
import com.madgag.gif.fmsware.NeuQuant;
import grad.io.AtomicFiles;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An animated GIF that loops forever, built frame by frame.
 *
 * <p>Frames are encoded as they are added (only the latest is held back, to give the last frame its
 * longer delay), so a long run does not keep every picture in memory. Encoding is deterministic: the
 * same frames give the same bytes. Not thread-safe.
 */
public final class GifAnimation {
    /**
     * The colour quantizer looks at every n-th pixel of the first frame to build the palette (1 = all,
     * the library's default is 10). Our frames are flat colour regions, so a sparse sample loses nothing
     * visible and is several times faster.
     */
    private static final int QUANTIZER_SAMPLING = 30;

    private final int frameDelayMillis;
    private final int lastFrameDelayMillis;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
    private final AnimatedGifEncoder encoder = new OnePaletteEncoder();
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

    /**
     * A copy of {@code image} scaled by {@code scale}, bilinear: a frame smaller than the picture it is
     * made of, whose colours the encoder quantizes faster.
     */
    public static BufferedImage scaled(BufferedImage image, double scale) {
        int w = (int) Math.round(image.getWidth() * scale);
        int h = (int) Math.round(image.getHeight() * scale);
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

    /**
     * Quantizes colours once: the first frame's palette is learned (NeuQuant, as the library does for
     * every frame) and every later frame is mapped to it. The frames are one chart whose shading moves,
     * drawn in the same few colour ramps, so one palette serves them all; learning one a frame was most
     * of the animation's time. Each colour's nearest palette entry is looked up once and cached.
     */
    static final class OnePaletteEncoder extends AnimatedGifEncoder {
        /** Open addressing; cleared when half full (it is only a cache). */
        private static final int SLOTS = 1 << 15;
        private final int[] keys = new int[SLOTS];
        private final byte[] values = new byte[SLOTS];
        private int cached;
        private NeuQuant quantizer;
        private byte[] palette;

        @Override
        protected void analyzePixels() {
            if (quantizer == null) {
                learnPalette();
            }
            byte[] bgr = pixels;
            int n = bgr.length / 3;
            byte[] indexed = new byte[n];
            Arrays.fill(usedEntry, false);
            for (int i = 0, k = 0; i < n; i++, k += 3) {
                int b = bgr[k] & 0xff;
                int g = bgr[k + 1] & 0xff;
                int r = bgr[k + 2] & 0xff;
                int rgb = r << 16 | g << 8 | b;
                int slot = (rgb * 0x9E3779B1) >>> 17;
                while (keys[slot] != -1 && keys[slot] != rgb) {
                    slot = (slot + 1) & (SLOTS - 1);
                }
                if (keys[slot] == -1) {
                    if (cached == SLOTS / 2) {
                        Arrays.fill(keys, -1);
                        cached = 0;
                        slot = (rgb * 0x9E3779B1) >>> 17;
                    }
                    keys[slot] = rgb;
                    values[slot] = (byte) quantizer.map(b, g, r);
                    cached++;
                }
                int index = values[slot] & 0xff;
                usedEntry[index] = true;
                indexed[i] = (byte) index;
            }
            indexedPixels = indexed;
            colorTab = palette.clone();
            pixels = null;
            colorDepth = 8;
            palSize = 7;
        }

        /** The palette, learnt once from the first frame's pixels. */
        private void learnPalette() {
            quantizer = new NeuQuant(pixels, pixels.length, sample);
            palette = quantizer.process();
            for (int i = 0; i < palette.length; i += 3) { // BGR to RGB
                byte b = palette[i];
                palette[i] = palette[i + 2];
                palette[i + 2] = b;
            }
            Arrays.fill(keys, -1);
        }
    }
}
