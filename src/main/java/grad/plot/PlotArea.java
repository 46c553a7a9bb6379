package grad.plot;

import java.awt.Rectangle;

/**
 * Where the data rectangle lies in the picture, in pixels (fractional, as XChart lays it out):
 * {@code left}/{@code right} are the screen x of the x range's ends, {@code top}/{@code bottom} the
 * screen y of the y range's max and min.
 */
record PlotArea(double left, double top, double right, double bottom) {

    double width() {
        return right - left;
    }

    double height() {
        return bottom - top;
    }

    /** The smallest whole-pixel rectangle containing the area, so a fill of it leaves no gap. */
    Rectangle pixels() {
        int x0 = (int) Math.floor(left);
        int y0 = (int) Math.floor(top);
        int x1 = (int) Math.ceil(right);
        int y1 = (int) Math.ceil(bottom);
        return new Rectangle(x0, y0, x1 - x0, y1 - y0);
    }

    boolean sameAs(PlotArea other, double tolerance) {
        return Math.abs(left - other.left) <= tolerance
                && Math.abs(top - other.top) <= tolerance
                && Math.abs(right - other.right) <= tolerance
                && Math.abs(bottom - other.bottom) <= tolerance;
    }
}
