package grad.nn;

/**
 * One neuron: {@code activation(Σᵢ wᵢ·xᵢ + b)}. Its weights are the network's parameters
 * {@code offset .. offset+inputs-1} and its bias is parameter {@code offset+inputs}.
 *
 * @param layer  the index of its layer (0 = first hidden layer)
 * @param index  its index within the layer
 * @param offset the index of its first weight in the network's parameters
 * @param inputs the number of inputs (weights)
 */
public record Neuron(int layer, int index, int offset, int inputs) {

    /** The index of the bias in the network's parameters. */
    public int biasOffset() {
        return offset + inputs;
    }
}
