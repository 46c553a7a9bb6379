package grad.plot;

import grad.io.AtomicFiles;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.WritableRaster;
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
        byte[] pixels = rgbBytes(rgb, width, height);
        Deflater deflater = new Deflater(DEFLATE_LEVEL);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        int stride = 3 * width;
        byte[] row = new byte[1 + stride];
        byte[] buffer = new byte[32 * 1024];
        try {
            for (int y = 0; y < height; y++) {
                row[0] = FILTER_NONE;
                System.arraycopy(pixels, y * stride, row, 1, stride);
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

    /**
     * The pixels of a {@code TYPE_INT_RGB} image as red, green, blue bytes, row after row. Java2D does the
     * work in native code, which a new JVM needs (a Java loop would run interpreted while the JIT is busy
     * with the rest of start-up): the ints are read as blue-green-red, so that copying them to a 3-byte
     * blue-green-red image lays the bytes out red first.
     */
    private static byte[] rgbBytes(BufferedImage rgb, int width, int height) {
        DirectColorModel swapped = new DirectColorModel(24, 0x0000FF, 0x00FF00, 0xFF0000);
        WritableRaster raster = Raster.createPackedRaster(rgb.getRaster().getDataBuffer(), width, height, width,
                swapped.getMasks(), null);
        BufferedImage asBgr = new BufferedImage(swapped, raster, false, null);
        BufferedImage bytes = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bytes.createGraphics();
        try {
            g.drawImage(asBgr, 0, 0, null);
        } finally {
            g.dispose();
        }
        return ((DataBufferByte) bytes.getRaster().getDataBuffer()).getData();
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
