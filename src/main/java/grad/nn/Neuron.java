package grad.nn;

import grad.engine.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A view of one neuron of an {@link MLP} (micrograd's {@code Neuron}): {@code activation(Σᵢ wᵢ·xᵢ + b)},
 * row {@code index} of its layer's {@link Linear}. Its weights are consecutive store slots from
 * {@link #offset()}; its bias is slot {@link #biasOffset()}.
 */
public final class Neuron {
    private final int layer;
    private final int index;
    private final int offset;
    private final int biasOffset;
    private final List<Value> weights;
    private final Value bias;

    Neuron(int layer, int index, Linear linear, int offset, int biasOffset) {
        this.layer = layer;
        this.index = index;
        this.offset = offset;
        this.biasOffset = biasOffset;
        List<Value> w = new ArrayList<>(linear.inputs());
        for (int i = 0; i < linear.inputs(); i++) {
            w.add(linear.weight(index, i));
        }
        this.weights = List.copyOf(w);
        this.bias = linear.bias(index);
    }

    /** Its weights, then its bias. */
    public List<Value> parameters() {
        List<Value> p = new ArrayList<>(weights);
        p.add(bias);
        return p;
    }

    public List<Value> weights() { return weights; }
    public Value bias() { return bias; }
    /** The index of its layer (0 = the first hidden layer). */
    public int layer() { return layer; }
    /** Its index within the layer. */
    public int index() { return index; }
    /** The number of inputs (weights). */
    public int inputs() { return weights.size(); }
    /** The store slot of its first weight (the others follow). */
    public int offset() { return offset; }
    /** The store slot of its bias. */
    public int biasOffset() { return biasOffset; }
}
