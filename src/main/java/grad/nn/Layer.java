package grad.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A fully connected layer: {@code outputs} neurons, each seeing all {@code inputs}, with one activation.
 * Its parameters are contiguous in the network's parameter array, starting at {@code offset}.
 */
public final class Layer {
    private final int index;
    private final int inputs;
    private final int outputs;
    private final Activation activation;
    private final int offset;
    private final List<Neuron> neurons;

    Layer(int index, int inputs, int outputs, Activation activation, int offset) {
        this.index = index;
        this.inputs = inputs;
        this.outputs = outputs;
        this.activation = activation;
        this.offset = offset;
        List<Neuron> list = new ArrayList<>(outputs);
        for (int j = 0; j < outputs; j++) {
            list.add(new Neuron(index, j, offset + j * (inputs + 1), inputs));
        }
        this.neurons = Collections.unmodifiableList(list);
    }

    public int index() { return index; }
    public int inputs() { return inputs; }
    public int outputs() { return outputs; }
    public Activation activation() { return activation; }
    public List<Neuron> neurons() { return neurons; }

    /** The index of this layer's first parameter in the network's parameter array. */
    public int offset() { return offset; }

    /** The number of parameters: a weight per input and a bias, per neuron. */
    public int parameterCount() {
        return outputs * (inputs + 1);
    }
}
