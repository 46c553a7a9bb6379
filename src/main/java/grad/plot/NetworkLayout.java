package grad.plot;

import java.util.List;

/**
 * Where a network picture puts things: one column per layer (the inputs first), each column's neurons
 * spread evenly over the height and centred, at most {@link NetworkPlot#MAX_DRAWN} of them; nodes as big
 * as the room between rows allows; and what each neuron is called. The two renderers ({@link
 * NetworkHeatMaps}, {@link NetworkBoxes}) draw on it; {@link NetworkSketch} draws what they share.
 */
final class NetworkLayout {
    static final int TOP = 58;
    static final int BOTTOM = 34;
    private static final int LEFT = 78;
    private static final int LABEL_BAND = 12;
    private static final int MAX_NODE = 48;

    private final List<String> inputNames;
    private final int[] sizes;
    private final int width;
    private final int height;
    /** Column c's centre x; column 0 is the inputs, column l + 1 layer l. */
    private final double[] columnX;
    private final int node;
    private final int nodeWidth;
    private final double slot;
    private final int columnsRight;
    private final int widestNode;
    /** The output neurons' names (the classes), or null: they are labelled {@code neuron[l][j]} as the others. */
    private final List<String> outputNames;

    /**
     * @param columnsRight where the columns end, in pixels from the left
     * @param widestNode   how wide a node may grow past its height (up to 55% of the room between two
     *                     columns); 0 keeps every node square
     */
    NetworkLayout(List<String> inputNames, int[] sizes, int width, int height, int columnsRight, int widestNode) {
        this(inputNames, sizes, width, height, columnsRight, widestNode, null);
    }

    private NetworkLayout(List<String> inputNames, int[] sizes, int width, int height, int columnsRight,
                          int widestNode, List<String> outputNames) {
        check(inputNames, sizes, width, height);
        this.inputNames = List.copyOf(inputNames);
        this.sizes = sizes.clone();
        this.width = width;
        this.height = height;
        this.outputNames = outputNames;
        this.columnsRight = columnsRight;
        this.widestNode = widestNode;
        this.slot = (height - TOP - BOTTOM) / (double) Math.min(NetworkPlot.MAX_DRAWN, maxColumn());
        this.node = (int) Math.max(6, Math.min(MAX_NODE, slot - LABEL_BAND));
        int columns = sizes.length + 1;
        double spacing = (columnsRight - LEFT) / (double) columns;
        this.nodeWidth = (int) Math.max(node, Math.min(widestNode, spacing * 0.55));
        this.columnX = new double[columns];
        for (int c = 0; c < columns; c++) {
            columnX[c] = LEFT + spacing * (c + 0.5);
        }
    }

    static void check(List<String> inputNames, int[] sizes, int width, int height) {
        if (inputNames.isEmpty() || sizes.length == 0) {
            throw new IllegalArgumentException("a network needs inputs and at least one layer");
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("a layer has " + s + " neurons");
            }
        }
        if (width < 320 || height < 240) {
            throw new IllegalArgumentException("picture too small: " + width + "x" + height);
        }
    }

    /**
     * This layout with the output neurons labelled by {@code names} (the classes, one per output neuron)
     * rather than {@code neuron[l][j]}; as it is unless there is one name per output neuron.
     */
    NetworkLayout withOutputNames(List<String> names) {
        List<String> named = names != null && names.size() == sizes[sizes.length - 1] ? List.copyOf(names) : null;
        return new NetworkLayout(inputNames, sizes, width, height, columnsRight, widestNode, named);
    }

    /** The default height for the widest column: 480 to 1000 pixels, some 42 per neuron. */
    static int defaultHeight(int inputs, int[] sizes) {
        int rows = inputs;
        for (int s : sizes) {
            rows = Math.max(rows, s);
        }
        return Math.max(480, Math.min(1000, TOP + BOTTOM + 42 * Math.min(NetworkPlot.MAX_DRAWN, rows)));
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The columns: the inputs, then each layer. */
    int columns() {
        return columnX.length;
    }

    /** Layer {@code l}'s neurons. */
    int size(int l) {
        return sizes[l];
    }

    int layers() {
        return sizes.length;
    }

    int inputs() {
        return inputNames.size();
    }

    String inputName(int i) {
        return inputNames.get(i);
    }

    double columnX(int column) {
        return columnX[column];
    }

    /** The inputs or neurons of a column. */
    int count(int column) {
        return column == 0 ? inputNames.size() : sizes[column - 1];
    }

    /** Those of them drawn. */
    int drawn(int column) {
        return Math.min(NetworkPlot.MAX_DRAWN, count(column));
    }

    int nodeLeft(int column) {
        return (int) Math.round(columnX[column] - nodeWidth / 2.0);
    }

    int nodeTop(int column, int j) {
        double band = height - TOP - BOTTOM;
        double used = drawn(column) * slot;
        double first = TOP + (band - used) / 2;
        return (int) Math.round(first + j * slot + (slot - LABEL_BAND - node) / 2);
    }

    /** A node's height (and a square node's width). */
    int nodeSize() {
        return node;
    }

    int nodeWidth() {
        return nodeWidth;
    }

    /** The room between two columns' centres, in pixels. */
    double slotWidth() {
        return columnX.length > 1 ? columnX[1] - columnX[0] : width;
    }

    /** The label under neuron {@code j} of column {@code c} (1: the first layer). */
    String neuronLabel(int c, int j) {
        return c == columnX.length - 1 && outputNames != null ? "class " + outputNames.get(j)
                : "neuron[" + (c - 1) + "][" + j + "]";
    }

    /** Room for every neuron's value, one array per layer, as a {@link NeuronField} fills it. */
    double[][] neuronValues() {
        double[][] values = new double[sizes.length][];
        for (int l = 0; l < sizes.length; l++) {
            values[l] = new double[sizes[l]];
        }
        return values;
    }

    private int maxColumn() {
        int max = inputNames.size();
        for (int s : sizes) {
            max = Math.max(max, s);
        }
        return max;
    }

    /**
     * Checks {@code weights[l][j][i]}, the weight from input {@code i} of layer {@code l} (an input of the
     * network, or neuron {@code i} of layer {@code l − 1}) to its neuron {@code j}, against the layers.
     */
    void checkWeights(double[][][] weights) {
        if (weights.length != sizes.length) {
            throw new IllegalArgumentException(weights.length + " layers of weights for " + sizes.length + " layers");
        }
        int fanIn = inputNames.size();
        for (int l = 0; l < sizes.length; l++) {
            if (weights[l].length != sizes[l]) {
                throw new IllegalArgumentException("layer " + l + " has " + weights[l].length + " rows of weights, expected "
                        + sizes[l]);
            }
            for (double[] row : weights[l]) {
                if (row.length != fanIn) {
                    throw new IllegalArgumentException("a neuron of layer " + l + " has " + row.length
                            + " weights, expected " + fanIn);
                }
            }
            fanIn = sizes[l];
        }
    }
}
