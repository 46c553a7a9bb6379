package grad.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/** The look every chart shares: fonts, ink, plot border and grid, legend on the right. */
final class ChartStyle {
    /** The title of every picture, drawn by XChart or by hand. */
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);

    private ChartStyle() {
    }

    /** {@code text}, cut short with an ellipsis to fit {@code width} pixels. */
    static String fit(FontMetrics fm, String text, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String s = text;
        while (s.length() > 1 && fm.stringWidth(s + "…") > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }

    static void apply(XYStyler s) {
        s.setPlotBorderColor(new Color(120, 120, 120));
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartFontColor(Palette.INK);
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setAxisTickLabelsColor(Palette.INK);
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(new Color(200, 200, 200));
        s.setChartPadding(10);
    }
}
