package grad.plot;

import grad.io.AtomicFiles;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * PNG encoding in memory: 8-bit RGB, no timestamps, so the same image always gives the same bytes.
 *
 * <p>Written here rather than with ImageIO because a run's pictures are drawn in a JVM that has just
 * started: ImageIO's writer copies every row twice through generic raster code and filters it in one
 * large method that HotSpot compiles late and at great cost, which made PNG encoding a sixth of a
 * default run's CPU. This encoder hands each row, unfiltered, straight to zlib ({@link Deflater}, native
 * code) — unfiltered rows are also what ImageIO chose for our flat-coloured charts, and the files are as
 * small — at about a third of the CPU.
 */
public final class Png {

    private Png() {
    }

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** zlib's level 3: as small as ImageIO's files were, and faster than the default level 6. */
    private static final int DEFLATE_LEVEL = 3;
    private static final int BIT_DEPTH = 8;
    private static final int COLOUR_TYPE_RGB = 2;
    private static final byte FILTER_NONE = 0;

    /** The PNG bytes of {@code image}. */
    public static byte[] encode(RenderedImage image) {
        BufferedImage rgb = asIntRgb(image);
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
        png.writeBytes(SIGNATURE);
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) BIT_DEPTH).put((byte) COLOUR_TYPE_RGB).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", header.array(), 13);
        ByteArrayOutputStream pixels = deflatedRows(rgb, width, height);
        chunk(png, "IDAT", pixels.toByteArray(), pixels.size());
        chunk(png, "IEND", new byte[0], 0);
        return png.toByteArray();
    }

    /** Each row as a filter byte (none) and its red, green, blue bytes, deflated as one zlib stream. */
    private static ByteArrayOutputStream deflatedRows(BufferedImage rgb, int width, int height) {
        int[] pixels = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
        Deflater deflater = new Deflater(DEFLATE_LEVEL);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        byte[] row = new byte[1 + 3 * width];
        byte[] buffer = new byte[32 * 1024];
        try {
            for (int y = 0; y < height; y++) {
                rgbRow(pixels, y * width, width, row);
                deflater.setInput(row);
                while (!deflater.needsInput()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        } finally {
            deflater.end();
        }
        return out;
    }

    /** Row bytes: the filter byte (none), then red, green and blue of {@code width} pixels from {@code from}. */
    private static void rgbRow(int[] pixels, int from, int width, byte[] row) {
        row[0] = FILTER_NONE;
        for (int x = 0, k = 1; x < width; x++, k += 3) {
            int p = pixels[from + x];
            row[k] = (byte) (p >> 16);
            row[k + 1] = (byte) (p >> 8);
            row[k + 2] = (byte) p;
        }
    }

    /** A chunk: its length, type, data and the CRC-32 of type and data. */
    private static void chunk(ByteArrayOutputStream png, String type, byte[] data, int length) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, 0, length);
        png.writeBytes(ByteBuffer.allocate(4).putInt(length).array());
        png.writeBytes(name);
        png.write(data, 0, length);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** {@code image} itself when it is a {@code TYPE_INT_RGB} image (as every chart here is), else a copy. */
    private static BufferedImage asIntRgb(RenderedImage image) {
        // not a sub-image, whose pixels would be a window on a larger array
        if (image instanceof BufferedImage b && b.getType() == BufferedImage.TYPE_INT_RGB
                && b.getRaster().getParent() == null) {
            return b;
        }
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        try {
            if (image instanceof BufferedImage b) {
                g.drawImage(b, 0, 0, null);
            } else {
                g.drawRenderedImage(image, new AffineTransform());
            }
        } finally {
            g.dispose();
        }
        return copy;
    }

    /** Writes {@code image} as a PNG to {@code target}, atomically. */
    public static void write(Path target, RenderedImage image) {
        byte[] bytes = encode(image);
        AtomicFiles.write(target, out -> out.write(bytes));
    }
}
