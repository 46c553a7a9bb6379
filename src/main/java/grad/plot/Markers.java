package grad.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.knowm.xchart.style.markers.Marker;

/**
 * The point markers: XChart paints them with the series colour already set on the graphics.
 *
 * <p>A chart has a thousand points and is painted every frame, and anti-aliased circles are slow to
 * rasterize, so each marker is drawn once per colour and size into a small image (a sprite) that is
 * then copied to each point, centred on the pixel the point falls in.
 */
final class Markers {

    private Markers() {
    }

    /** A marker painted from a cached sprite; several threads may paint with it at once. */
    abstract static class Sprite extends Marker {
        private final Map<Long, BufferedImage> sprites = new ConcurrentHashMap<>();

        /** Draws the marker centred at ({@code c}, {@code c}) in a sprite of side {@code 2c}. */
        abstract void draw(Graphics2D g, double c, int size);

        /** How far the marker reaches beyond {@code size / 2}. */
        abstract int overhang();

        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            Paint paint = g.getPaint();
            Color colour = paint instanceof Color c ? c : Color.BLACK;
            int half = size / 2 + overhang() + 2;
            BufferedImage sprite = sprites.computeIfAbsent(((long) colour.getRGB() << 16) | size,
                    key -> render(colour, size, half));
            g.drawImage(sprite, (int) Math.floor(x) - half, (int) Math.floor(y) - half, null);
        }

        private BufferedImage render(Color colour, int size, int half) {
            BufferedImage sprite = new BufferedImage(2 * half + 1, 2 * half + 1, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = sprite.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
                g.setColor(colour);
                draw(g, half + 0.5, size);
            } finally {
                g.dispose();
            }
            return sprite;
        }
    }

    /** A filled disc with a thin white rim, so points stay distinct where they overlap. */
    static final class Dot extends Sprite {
        private final Stroke rim;
        private final Color rimColour;

        /** The scatter's dot: a 0.9-pixel rim, slightly transparent. */
        Dot() {
            this(0.9f, new Color(255, 255, 255, 200));
        }

        Dot(float rimWidth, Color rimColour) {
            this.rim = new BasicStroke(rimWidth);
            this.rimColour = rimColour;
        }

        @Override
        void draw(Graphics2D g, double c, int size) {
            double r = size / 2.0;
            Shape disc = new Ellipse2D.Double(c - r, c - r, size, size);
            g.fill(disc);
            g.setPaint(rimColour);
            g.setStroke(rim);
            g.draw(disc);
        }

        @Override
        int overhang() {
            return 1;
        }
    }

    /** An open ring larger than a {@link Dot}, drawn around a point to flag it. */
    static final class Ring extends Sprite {
        private static final Stroke RING = new BasicStroke(1.8f);

        @Override
        void draw(Graphics2D g, double c, int size) {
            double r = size / 2.0 + 3;
            g.setStroke(RING);
            g.draw(new Ellipse2D.Double(c - r, c - r, 2 * r, 2 * r));
        }

        @Override
        int overhang() {
            return 5;
        }
    }
}
