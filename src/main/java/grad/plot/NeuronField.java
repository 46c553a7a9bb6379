package grad.plot;

/**
 * Every neuron of a network at any point of the input plane, for {@link NetworkPlot}: a snapshot of
 * the model, called from the picture thread. It must not change while a picture is drawn.
 */
@FunctionalInterface
public interface NeuronField {

    /**
     * Runs the network at the plane point {@code (x, y)}: writes the network's inputs there (after any
     * feature map and standardization) into {@code inputs}, and the output of neuron {@code j} of layer
     * {@code l} ({@code l = 0} the first hidden layer, the last the output layer, as in the graphviz
     * drawing's {@code neuron[l][j]}) into {@code outputs[l][j]}.
     */
    void evaluate(double x, double y, double[] inputs, double[][] outputs);
}
