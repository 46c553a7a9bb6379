package grad.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import org.knowm.xchart.style.markers.Marker;

/** The point markers: XChart paints them with the series colour already set on the graphics. */
final class Markers {

    private Markers() {
    }

    /** A filled disc with a thin white rim, so points stay distinct where they overlap. */
    static final class Dot extends Marker {
        private static final Stroke RIM = new BasicStroke(0.9f);
        private static final Color RIM_COLOUR = new Color(255, 255, 255, 200);

        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            double r = size / 2.0;
            Ellipse2D disc = new Ellipse2D.Double(x - r, y - r, size, size);
            g.fill(disc);
            Paint fill = g.getPaint();
            Stroke stroke = g.getStroke();
            g.setPaint(RIM_COLOUR);
            g.setStroke(RIM);
            g.draw(disc);
            g.setPaint(fill);
            g.setStroke(stroke);
        }
    }

    /** An open ring larger than a {@link Dot}, drawn around a point to flag it. */
    static final class Ring extends Marker {
        private static final Stroke RING = new BasicStroke(1.8f);

        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            double r = size / 2.0 + 3;
            Stroke stroke = g.getStroke();
            g.setStroke(RING);
            g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            g.setStroke(stroke);
        }
    }
}
