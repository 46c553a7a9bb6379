package grad.plot;

import java.util.List;
import java.util.Objects;

/**
 * A network drawn as TensorFlow Playground draws it: the inputs on the left, one column per layer, a
 * line for every weight (blue positive, orange negative, as thick as its size against the largest in
 * its layer), every neuron labelled {@code neuron[l][j]} as in the graphviz drawing. One layout, two
 * renderers:
 *
 * <p>{@link #overPlane} ({@link NetworkHeatMaps}) is for 2-D data: each input and neuron is a small heat
 * map of its value over the input plane, and the output's decision regions with the data fill a panel on
 * the right. {@link #withoutPlane} ({@link NetworkBoxes}) is for data with more features: each neuron is a
 * box coloured by its mean activation over the data.
 *
 * <p>Layers of more than {@link #MAX_DRAWN} neurons show their first {@code MAX_DRAWN}.
 */
public final class NetworkPlot {

    /** Default picture width in pixels; the default height grows with the widest layer. */
    public static final int DEFAULT_WIDTH = 960;
    /** The most neurons drawn per column. */
    public static final int MAX_DRAWN = 32;

    private NetworkPlot() {
    }

    /**
     * A picture of a network on 2-D data: each neuron as a heat map over the plane around {@code data},
     * and the output's decision regions with {@code data} on the right.
     *
     * @param inputNames the network's inputs, e.g. {@code [x, y, x^2]}
     * @param sizes      neurons per layer, the last being the outputs
     * @param data       the points shown on the output panel; their range is the plane drawn
     */
    public static NetworkHeatMaps overPlane(List<String> inputNames, int[] sizes, PlotData data) {
        return overPlane(inputNames, sizes, data, DEFAULT_WIDTH, defaultHeight(inputNames.size(), sizes));
    }

    /** As {@link #overPlane(List, int[], PlotData)}, {@code width}×{@code height} pixels. */
    public static NetworkHeatMaps overPlane(List<String> inputNames, int[] sizes, PlotData data, int width, int height) {
        return new NetworkHeatMaps(inputNames, sizes, Objects.requireNonNull(data, "data"), width, height);
    }

    /** A picture of a network on data of any number of features, without heat maps. */
    public static NetworkBoxes withoutPlane(List<String> inputNames, int[] sizes) {
        return withoutPlane(inputNames, sizes, DEFAULT_WIDTH, defaultHeight(inputNames.size(), sizes));
    }

    /** As {@link #withoutPlane(List, int[])}, {@code width}×{@code height} pixels. */
    public static NetworkBoxes withoutPlane(List<String> inputNames, int[] sizes, int width, int height) {
        return new NetworkBoxes(inputNames, sizes, width, height);
    }

    /** The default height for the widest column: 480 to 1000 pixels, some 42 per neuron. */
    public static int defaultHeight(int inputs, int[] sizes) {
        return NetworkLayout.defaultHeight(inputs, sizes);
    }
}
