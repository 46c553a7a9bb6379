package grad.nn;

import grad.engine.Tape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A multi-layer perceptron: {@code inputs → layer 0 → … → last layer}, each layer fully connected.
 * Hidden layers share one activation; the last layer has its own (usually {@link Activation#LINEAR},
 * its outputs being logits for a softmax).
 *
 * <p>All parameters live in one array, {@link #parameters()}, layer by layer and neuron by neuron, each
 * neuron's weights followed by its bias; {@link #gradients()} is the matching array of gradients.
 */
public final class MLP {
    private final int inputs;
    private final List<Layer> layers;
    private final double[] parameters;
    private final double[] gradients;

    /**
     * A network with all parameters 0; see {@link #initialize}.
     *
     * @param inputs the number of inputs
     * @param sizes  the number of neurons in each layer, the last being the number of outputs
     * @param hidden the activation of every layer but the last
     * @param output the activation of the last layer
     */
    public MLP(int inputs, int[] sizes, Activation hidden, Activation output) {
        if (inputs < 1 || sizes.length == 0) {
            throw new IllegalArgumentException("an MLP needs at least one input and one layer");
        }
        this.inputs = inputs;
        List<Layer> list = new ArrayList<>();
        int fanIn = inputs;
        int offset = 0;
        for (int l = 0; l < sizes.length; l++) {
            if (sizes[l] < 1) {
                throw new IllegalArgumentException("layer " + l + " has " + sizes[l] + " neurons");
            }
            Layer layer = new Layer(l, fanIn, sizes[l], l == sizes.length - 1 ? output : hidden, offset);
            list.add(layer);
            offset += layer.parameterCount();
            fanIn = sizes[l];
        }
        this.layers = Collections.unmodifiableList(list);
        this.parameters = new double[offset];
        this.gradients = new double[offset];
    }

    /** A network initialized by {@code init} with draws from {@code rng}. */
    public static MLP create(int inputs, int[] sizes, Activation hidden, Activation output,
                             Initializer init, RandomGenerator rng) {
        MLP mlp = new MLP(inputs, sizes, hidden, output);
        mlp.initialize(init, rng);
        return mlp;
    }

    /** Draws every parameter from {@code init}: neuron by neuron, weights then bias. */
    public void initialize(Initializer init, RandomGenerator rng) {
        for (Layer layer : layers) {
            for (Neuron n : layer.neurons()) {
                for (int i = 0; i < n.inputs(); i++) {
                    parameters[n.offset() + i] = init.draw(false, layer.inputs(), layer.outputs(), rng);
                }
                parameters[n.biasOffset()] = init.draw(true, layer.inputs(), layer.outputs(), rng);
            }
        }
    }

    public int inputs() { return inputs; }
    public int outputs() { return layers.get(layers.size() - 1).outputs(); }
    public List<Layer> layers() { return layers; }
    public int parameterCount() { return parameters.length; }

    /** The parameters, live: an optimizer updates this array in place. */
    public double[] parameters() { return parameters; }

    /** The gradients of the parameters, live. */
    public double[] gradients() { return gradients; }

    /** Sets every gradient to 0. */
    public void zeroGrad() {
        Arrays.fill(gradients, 0.0);
    }

    /** The layer sizes, last = outputs. */
    public int[] sizes() {
        return layers.stream().mapToInt(Layer::outputs).toArray();
    }

    /** A parameter's name for drawings: {@code w[layer][neuron][input]} or {@code b[layer][neuron]}. */
    public String parameterName(int index) {
        for (Layer layer : layers) {
            int local = index - layer.offset();
            if (local >= 0 && local < layer.parameterCount()) {
                int neuron = local / (layer.inputs() + 1);
                int input = local % (layer.inputs() + 1);
                return input == layer.inputs()
                        ? "b[" + layer.index() + "][" + neuron + "]"
                        : "w[" + layer.index() + "][" + neuron + "][" + input + "]";
            }
        }
        throw new IndexOutOfBoundsException("no parameter " + index + " in " + parameters.length);
    }

    /** Records the parameters as consecutive leaves on the tape; returns the first one's node. */
    public int load(Tape tape) {
        return tape.leaves(parameters);
    }

    /**
     * Records one forward pass on the tape.
     *
     * @param tape       the tape to record on
     * @param parameters the node of the first parameter (see {@link #load})
     * @param input      the node of the first of {@link #inputs()} consecutive input nodes
     * @return the node of the first of {@link #outputs()} consecutive output nodes
     */
    public int forward(Tape tape, int parameters, int input) {
        int x = input;
        for (int l = 0; l < layers.size(); l++) {   // not for-each: an iterator per sample is garbage
            Layer layer = layers.get(l);
            int n = layer.inputs();
            int sums = tape.size();
            for (int j = 0; j < layer.outputs(); j++) {
                tape.linear(parameters + layer.offset() + j * (n + 1), x, n);
            }
            x = layer.activation().apply(tape, sums, layer.outputs());
        }
        return x;
    }

    /** An independent network with the same architecture and parameters. */
    public MLP copy() {
        Layer last = layers.get(layers.size() - 1);
        Activation hidden = layers.size() > 1 ? layers.get(0).activation() : Activation.RELU;
        MLP copy = new MLP(inputs, sizes(), hidden, last.activation());
        System.arraycopy(parameters, 0, copy.parameters, 0, parameters.length);
        return copy;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("MLP(").append(inputs);
        for (Layer layer : layers) {
            s.append('-').append(layer.outputs());
        }
        return s.append(", ").append(parameters.length).append(" parameters)").toString();
    }
}
