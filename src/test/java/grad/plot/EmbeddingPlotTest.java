package grad.plot;

import static grad.plot.Fixtures.colour;
import static grad.plot.Fixtures.decode;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingPlotTest {
    /**
     * The points' range fills the 460-pixel plot area (50-pixel margins) less 12 pixels a side: (0, 0) is
     * drawn at pixel (62, 498) and (1, 1) at (498, 62), each a dot of 6 pixels in the training colour.
     */
    @Test
    void pointsAreDotsWhereTheirRangeSpansThePlotArea() {
        BufferedImage image = decode(EmbeddingPlot.png("t", "pc 1", "pc 2", new double[][] {{0, 0}, {1, 1}},
                List.of("a", "b")));
        assertThat(image.getWidth()).isEqualTo(560);
        assertThat(colour(image, 62, 498)).isEqualTo(Palette.TRAIN);
        assertThat(colour(image, 498, 62)).isEqualTo(Palette.TRAIN);
        // the plot area's light grey where nothing is drawn, white outside it
        assertThat(colour(image, 280, 280)).isEqualTo(new Color(250, 250, 250));
        assertThat(colour(image, 20, 280 + 100)).isEqualTo(Color.WHITE);
    }
}
