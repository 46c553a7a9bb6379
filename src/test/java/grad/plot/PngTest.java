package grad.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PngTest {

    /** An image of random colours, with flat runs so that zlib has something to match. */
    private static BufferedImage noise(int type, int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BufferedImage image = new BufferedImage(width, height, type);
        int colour = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (random.nextInt(4) == 0) {
                    colour = random.nextInt(1 << 24);
                }
                image.setRGB(x, y, 0xFF000000 | colour);
            }
        }
        return image;
    }

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_3BYTE_BGR})
    void imageIoReadsBackEveryPixel(int type) throws IOException {
        BufferedImage image = noise(type, 123, 45, 7);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(Png.encode(image)));
        assertThat(read.getWidth()).isEqualTo(123);
        assertThat(read.getHeight()).isEqualTo(45);
        for (int y = 0; y < 45; y++) {
            for (int x = 0; x < 123; x++) {
                assertThat(read.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(image.getRGB(x, y));
            }
        }
    }

    @Test
    void aSubImageIsEncodedAsItsOwnPixels() throws IOException {
        BufferedImage image = noise(BufferedImage.TYPE_INT_RGB, 60, 50, 3);
        BufferedImage window = image.getSubimage(10, 20, 30, 15);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(Png.encode(window)));
        assertThat(read.getWidth()).isEqualTo(30);
        assertThat(read.getRGB(0, 0)).isEqualTo(image.getRGB(10, 20));
        assertThat(read.getRGB(29, 14)).isEqualTo(image.getRGB(39, 34));
    }

    @Test
    void chunksAreWellFormedWithCorrectChecksums() {
        byte[] png = Png.encode(noise(BufferedImage.TYPE_INT_RGB, 64, 64, 11));
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        ByteBuffer in = ByteBuffer.wrap(png, 8, png.length - 8);
        List<String> types = new ArrayList<>();
        while (in.hasRemaining()) {
            int length = in.getInt();
            byte[] typeAndData = new byte[4 + length];
            in.get(typeAndData);
            CRC32 crc = new CRC32();
            crc.update(typeAndData);
            String type = new String(typeAndData, 0, 4, StandardCharsets.US_ASCII);
            assertThat(in.getInt()).as("CRC of %s", type).isEqualTo((int) crc.getValue());
            types.add(type);
        }
        assertThat(types).containsExactly("IHDR", "IDAT", "IEND");
        // IHDR: 64 x 64, bit depth 8, colour type 2 (RGB), deflate, no filter method variant, no interlace
        assertThat(ByteBuffer.wrap(png, 16, 8).getInt()).isEqualTo(64);
        assertThat(new byte[] {png[24], png[25], png[26], png[27], png[28]}).containsExactly(8, 2, 0, 0, 0);
    }

    @Test
    void theSameImageGivesTheSameBytes() {
        BufferedImage image = noise(BufferedImage.TYPE_INT_RGB, 80, 30, 5);
        assertThat(Png.encode(image)).isEqualTo(Png.encode(noise(BufferedImage.TYPE_INT_RGB, 80, 30, 5)));
    }
}
