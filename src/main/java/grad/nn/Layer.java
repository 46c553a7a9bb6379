package grad.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A view of one of an {@link MLP}'s layers in micrograd's words: {@code outputs} neurons, each seeing all
 * {@code inputs}, with one activation. Its parameters live in the network's store: the weight matrix
 * ({@code layers.l.weight}) then the bias ({@code layers.l.bias}).
 */
public final class Layer {
    private final int index;
    private final int inputs;
    private final Activation activation;
    private final int offset;
    private final List<Neuron> neurons;

    Layer(int index, Linear linear, Activation activation, int weightOffset, int biasOffset) {
        this.index = index;
        this.inputs = linear.inputs();
        this.activation = activation;
        this.offset = weightOffset;
        List<Neuron> list = new ArrayList<>(linear.outputs());
        for (int j = 0; j < linear.outputs(); j++) {
            list.add(new Neuron(index, j, linear, weightOffset + j * inputs, biasOffset + j));
        }
        this.neurons = Collections.unmodifiableList(list);
    }

    public int index() { return index; }
    public int inputs() { return inputs; }
    public int outputs() { return neurons.size(); }
    public Activation activation() { return activation; }
    public List<Neuron> neurons() { return neurons; }

    /** The store slot of this layer's first parameter; its parameters are the next {@link #parameterCount()} slots. */
    public int offset() { return offset; }

    /** The number of parameters: a weight per input and a bias, per neuron. */
    public int parameterCount() {
        return neurons.size() * (inputs + 1);
    }
}
