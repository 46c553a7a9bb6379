package grad.gpt2;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttentionReportTest {

    @Test
    void labelsShowSpacesAndPiecesOfCharacters() {
        assertThat(AttentionReport.label(" I\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("\u00b7I\\n");
        assertThat(AttentionReport.label(new byte[] {0x20, (byte) 0xf0, (byte) 0x9f})).isEqualTo("<20 f0 9f>");
    }

    @Test
    void eachCellIsShadedByItsWeightAndTheFutureIsGrey() {
        double[][] weights = {{1.0}, {0.5, 0.5}};
        BufferedImage image = AttentionReport.picture(List.of("a", "b"), weights, "t");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        assertThat(colours).contains(AttentionReport.shade(1.0).getRGB() & 0xffffff,
                AttentionReport.shade(0.5).getRGB() & 0xffffff, 0xeeeeee);
        assertThat(colours).doesNotContain(AttentionReport.shade(0.25).getRGB() & 0xffffff);
        assertThat(AttentionReport.shade(0).getRGB() & 0xffffff).isEqualTo(0xffffff);
    }
}
