package grad.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GifAnimationTest {

    @TempDir
    Path dir;

    private static GifAnimation animation(int frames) {
        DecisionBoundaryPlot plot = new DecisionBoundaryPlot(Fixtures.xor(), 320, 240);
        GifAnimation gif = new GifAnimation(500, 2000);
        for (int i = 0; i < frames; i++) {
            gif.add(plot.render(Fixtures.xorField(0.5 + i), i, 0.5 + 0.1 * i));
        }
        return gif;
    }

    @Test
    void writesALoopingGifWithEveryFrameAndALongerLastFrame() throws Exception {
        Path file = dir.resolve("boundary.gif");
        GifAnimation gif = animation(4);
        assertThat(gif.frameCount()).isEqualTo(4);
        gif.write(file);

        try (ImageInputStream in = ImageIO.createImageInputStream(Files.newInputStream(file))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(4);
            assertThat(reader.getWidth(0)).isEqualTo(320);
            assertThat(reader.getHeight(0)).isEqualTo(240);
            List<Integer> delays = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                delays.add(Integer.parseInt(control.getAttribute("delayTime"))); // hundredths of a second
            }
            assertThat(delays).containsExactly(50, 50, 50, 200);
        }
        assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)).contains("NETSCAPE2.0");
    }

    @Test
    void sameFramesGiveIdenticalBytes() {
        assertThat(Fixtures.digest(animation(3).finish())).isEqualTo(Fixtures.digest(animation(3).finish()));
    }

    @Test
    void aSingleFrameIsAValidGif() throws Exception {
        byte[] gif = animation(1).finish();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(gif));
        assertThat(image.getWidth()).isEqualTo(320);
    }

    @Test
    void refusesMisuse() {
        GifAnimation gif = new GifAnimation(500, 1000);
        assertThatThrownBy(gif::finish).isInstanceOf(IllegalStateException.class);
        gif.add(new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB));
        assertThatThrownBy(() -> gif.add(new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB)))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] first = gif.finish();
        assertThat(gif.finish()).isEqualTo(first);
        assertThatThrownBy(() -> gif.add(new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB)))
                .isInstanceOf(IllegalStateException.class);
    }
}
