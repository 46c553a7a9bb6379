package grad.nn;

import grad.engine.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One neuron: {@code activation(Σᵢ wᵢ·xᵢ + b)}, its weights and bias {@link Value} leaves (micrograd's
 * {@code Neuron}). Its parameters are also numbered in the network's flat order: weights
 * {@code offset .. offset+inputs-1}, then the bias.
 */
public final class Neuron {
    private final int layer;
    private final int index;
    private final int offset;
    private final List<Value> weights;
    private final Value bias;
    private final Activation activation;

    Neuron(int layer, int index, int offset, int inputs, Activation activation) {
        this.layer = layer;
        this.index = index;
        this.offset = offset;
        List<Value> w = new ArrayList<>(inputs);
        for (int i = 0; i < inputs; i++) {
            w.add(Value.of(0, "w[" + layer + "][" + index + "][" + i + "]"));
        }
        this.weights = Collections.unmodifiableList(w);
        this.bias = Value.of(0, "b[" + layer + "][" + index + "]");
        this.activation = activation;
    }

    /** {@code activation(w₀·x₀ + w₁·x₁ + … + b)}, the products added in order and the bias last. */
    public Value call(List<Value> x) {
        Value sum = weights.get(0).mul(x.get(0));
        for (int i = 1; i < weights.size(); i++) {
            sum = sum.add(weights.get(i).mul(x.get(i)));
        }
        return activation.apply(sum.add(bias));
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
    /** The index of its first weight in the network's flat parameter order. */
    public int offset() { return offset; }
    /** The index of its bias in the network's flat parameter order. */
    public int biasOffset() { return offset + weights.size(); }
}
