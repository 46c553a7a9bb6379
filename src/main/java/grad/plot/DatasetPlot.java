package grad.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/** A scatter of a labelled dataset: classes coloured, legend, axes fitted to the data with a margin. */
public final class DatasetPlot {

    private DatasetPlot() {
    }

    /** The plot of {@code data} as a {@code width}×{@code height} RGB image. */
    public static BufferedImage render(PlotData data, int width, int height) {
        ClassScatter chart = new ClassScatter(data, width, height, false);
        chart.setTitle(title(data));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            chart.paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The 640×480 plot of {@code data} as PNG bytes. */
    public static byte[] png(PlotData data) {
        return png(data, DecisionBoundaryPlot.DEFAULT_WIDTH, DecisionBoundaryPlot.DEFAULT_HEIGHT);
    }

    /** The {@code width}×{@code height} plot of {@code data} as PNG bytes. */
    public static byte[] png(PlotData data, int width, int height) {
        return Png.encode(render(data, width, height));
    }

    static String title(PlotData data) {
        return String.format(Locale.ROOT, "%s — %d points, %d classes", data.title(), data.size(), data.classCount());
    }
}
