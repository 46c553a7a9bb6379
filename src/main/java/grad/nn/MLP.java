package grad.nn;

import grad.engine.Compiler;
import grad.engine.ParameterStore;
import grad.engine.Program;
import grad.engine.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A multi-layer perceptron, micrograd's {@code MLP}: {@code inputs → layer 0 → … → last layer}, each
 * layer fully connected. Hidden layers share one activation; the last layer has its own (usually
 * {@link Activation#LINEAR}, its outputs being logits for a softmax).
 *
 * <p>{@link #call} is the one definition of the model, on {@link Value}s. For speed the same definition
 * is compiled ({@link #trainingProgram}, {@link #predictionProgram}): traced once, then replayed per
 * sample. The parameters are numbered in one flat order, layer by layer and neuron by neuron, each
 * neuron's weights followed by its bias: {@link #parameters()}, {@link #parameterData()}.
 */
public final class MLP {
    private final int inputs;
    private final List<Layer> layers;
    private final List<Value> parameters;
    private final ParameterStore store;
    private final Map<Loss, Program> training = new EnumMap<>(Loss.class);
    private Program prediction;

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
        List<Value> params = new ArrayList<>();
        int fanIn = inputs;
        for (int l = 0; l < sizes.length; l++) {
            if (sizes[l] < 1) {
                throw new IllegalArgumentException("layer " + l + " has " + sizes[l] + " neurons");
            }
            Layer layer = new Layer(l, fanIn, sizes[l], l == sizes.length - 1 ? output : hidden, params.size());
            list.add(layer);
            for (Neuron n : layer.neurons()) {
                params.addAll(n.parameters());
            }
            fanIn = sizes[l];
        }
        this.layers = Collections.unmodifiableList(list);
        this.parameters = Collections.unmodifiableList(params);
        this.store = ParameterStore.of(Map.of("parameters", new ParameterStore.Shaped(new int[] {params.size()}, params)));
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
                for (Value w : n.weights()) {
                    w.setData(init.draw(false, layer.inputs(), layer.outputs(), rng));
                }
                n.bias().setData(init.draw(true, layer.inputs(), layer.outputs(), rng));
            }
        }
    }

    /** The network's outputs for inputs {@code x}, layer after layer. */
    public List<Value> call(List<Value> x) {
        List<Value> out = x;
        for (Layer layer : layers) {
            out = layer.call(out);
        }
        return out;
    }

    public int inputs() { return inputs; }
    public int outputs() { return layers.get(layers.size() - 1).outputs(); }
    public List<Layer> layers() { return layers; }
    public int parameterCount() { return parameters.size(); }

    /** The one store of the parameters' values and gradients, in the flat order. */
    public ParameterStore store() { return store; }

    /** Every weight and bias, in the flat order. */
    public List<Value> parameters() { return parameters; }

    /** A copy of the parameters' values, in the flat order. */
    public double[] parameterData() {
        double[] p = new double[parameters.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = parameters.get(i).data();
        }
        return p;
    }

    /** Sets the parameters' values, given in the flat order. */
    public void setParameterData(double[] values) {
        if (values.length != parameters.size()) {
            throw new IllegalArgumentException("expected " + parameters.size() + " parameters, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            parameters.get(i).setData(values[i]);
        }
    }

    /** The layer sizes, last = outputs. */
    public int[] sizes() {
        return layers.stream().mapToInt(Layer::outputs).toArray();
    }

    /** A parameter's name for drawings: {@code w[layer][neuron][input]} or {@code b[layer][neuron]}. */
    public String parameterName(int index) {
        return parameters.get(index).label();
    }

    /**
     * The compiled graph of one sample's loss: {@code loss.of(call(x), y)}. Its outputs are the loss,
     * then the network's outputs; its backward pass gives the gradient of every parameter.
     */
    public synchronized Program trainingProgram(Loss loss) {
        return training.computeIfAbsent(loss, l -> {
            List<Value> x = placeholders("x", inputs);
            List<Value> y = placeholders("y", outputs());
            List<Value> out = call(x);
            List<Value> roots = new ArrayList<>();
            roots.add(l.of(out, y));
            roots.addAll(out);
            return Compiler.compile(roots, parameters, x, y);
        });
    }

    /**
     * The compiled forward pass of one sample, for prediction: its outputs are every layer's outputs in
     * order (the last layer's being the network's), then, with two or more outputs, their softmax.
     */
    public synchronized Program predictionProgram() {
        if (prediction == null) {
            List<Value> x = placeholders("x", inputs);
            List<Value> roots = new ArrayList<>();
            List<Value> out = x;
            for (Layer layer : layers) {
                out = layer.call(out);
                roots.addAll(out);
            }
            if (out.size() > 1) {
                roots.addAll(Softmax.softmax(out));
            }
            prediction = Compiler.compile(roots, parameters, x, List.of());
        }
        return prediction;
    }

    /** Leaves named {@code name0, name1, …}: the slots of a sample's inputs or targets in a trace. */
    static List<Value> placeholders(String name, int n) {
        List<Value> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(Value.of(0, name + i));
        }
        return values;
    }

    /** The hidden layers' activation ({@link Activation#RELU} when there are none). */
    public Activation hiddenActivation() {
        return layers.size() > 1 ? layers.get(0).activation() : Activation.RELU;
    }

    /** An independent network with the same architecture and parameters. */
    public MLP copy() {
        Layer last = layers.get(layers.size() - 1);
        MLP copy = new MLP(inputs, sizes(), hiddenActivation(), last.activation());
        copy.setParameterData(parameterData());
        return copy;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("MLP(").append(inputs);
        for (Layer layer : layers) {
            s.append('-').append(layer.outputs());
        }
        return s.append(", ").append(parameters.size()).append(" parameters)").toString();
    }
}
