package grad.plot;

import java.awt.Color;

/**
 * The colours shared by every chart: one hue per class (red, blue, green, then a fixed cycle), a
 * pale tint of it for the decision regions, a darker shade for the points drawn over them, and the
 * train, test and validation colours of the curves.
 */
public final class Palette {

    private static final Color[] BASE = {
        new Color(214, 39, 40), // red
        new Color(31, 119, 180), // blue
        new Color(44, 160, 44), // green
        new Color(255, 127, 14), // orange
        new Color(148, 103, 189), // purple
        new Color(140, 86, 75), // brown
        new Color(227, 119, 194), // pink
        new Color(127, 127, 127), // grey
        new Color(188, 189, 34), // olive
        new Color(23, 190, 207), // cyan
    };

    /** Colour of the training curves. */
    public static final Color TRAIN = new Color(31, 119, 180);
    /** Colour of the test curves. */
    public static final Color TEST = new Color(255, 127, 14);
    /** Colour of the validation curves (early stopping). */
    public static final Color VALIDATION = new Color(44, 160, 44);
    /** Ring drawn around misclassified points. */
    public static final Color MISCLASSIFIED = new Color(10, 10, 10);
    /** The line where the predicted class changes. */
    static final Color BOUNDARY_LINE = new Color(35, 35, 35);
    /** Tick labels, titles and the plot border. */
    public static final Color INK = new Color(40, 40, 40);

    private Palette() {
    }

    /** The hue of class {@code index}; the palette repeats after ten classes. */
    public static Color classColor(int index) {
        return BASE[Math.floorMod(index, BASE.length)];
    }

    /** The full tint of a decision region of class {@code index}, where the model is certain. */
    public static Color tint(int index) {
        return mix(classColor(index), Color.WHITE, 0.5);
    }

    /** The colour of the data points of class {@code index}: darker, to stand out on the tint. */
    public static Color pointColor(int index) {
        return mix(classColor(index), Color.BLACK, 0.3);
    }

    /** {@code a} moved a fraction {@code t} of the way to {@code b}, per channel. */
    static Color mix(Color a, Color b, double t) {
        return new Color(
                mixChannel(a.getRed(), b.getRed(), t),
                mixChannel(a.getGreen(), b.getGreen(), t),
                mixChannel(a.getBlue(), b.getBlue(), t));
    }

    private static int mixChannel(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }
}
