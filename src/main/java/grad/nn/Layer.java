package grad.nn;

import grad.engine.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A fully connected layer: {@code outputs} neurons, each seeing all {@code inputs}, with one activation. */
public final class Layer {
    private final int index;
    private final int inputs;
    private final Activation activation;
    private final int offset;
    private final List<Neuron> neurons;

    Layer(int index, int inputs, int outputs, Activation activation, int offset) {
        this.index = index;
        this.inputs = inputs;
        this.activation = activation;
        this.offset = offset;
        List<Neuron> list = new ArrayList<>(outputs);
        for (int j = 0; j < outputs; j++) {
            list.add(new Neuron(index, j, offset + j * (inputs + 1), inputs, activation));
        }
        this.neurons = Collections.unmodifiableList(list);
    }

    /** Every neuron's output for inputs {@code x}. */
    public List<Value> call(List<Value> x) {
        List<Value> out = new ArrayList<>(neurons.size());
        for (Neuron n : neurons) {
            out.add(n.call(x));
        }
        return out;
    }

    public int index() { return index; }
    public int inputs() { return inputs; }
    public int outputs() { return neurons.size(); }
    public Activation activation() { return activation; }
    public List<Neuron> neurons() { return neurons; }

    /** The index of this layer's first parameter in the network's flat parameter order. */
    public int offset() { return offset; }

    /** The number of parameters: a weight per input and a bias, per neuron. */
    public int parameterCount() {
        return neurons.size() * (inputs + 1);
    }
}
