package grad.nn;

import grad.engine.Compiler;
import grad.engine.ParameterStore;
import grad.engine.Program;
import grad.engine.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A multi-layer perceptron, micrograd's {@code MLP} written as PyTorch's {@code nn.Sequential}: layer
 * {@code l} is a {@link Linear} followed by an {@link Activation}. Hidden layers share one activation; the
 * last layer has its own (usually {@link Activation#LINEAR}, its outputs being logits for a softmax).
 *
 * <p>{@link #call} is the one definition of the model, on {@link Value}s. Its parameters are named as
 * PyTorch names them ({@code layers.0.weight} of shape {@code [out, in]}, {@code layers.0.bias}, …) and live
 * in one {@link ParameterStore}, in that order. {@link #layers()} shows the same parameters as
 * {@link Layer}s of {@link Neuron}s (micrograd's words), for the pictures and the model file.
 *
 * <p>For speed the same definition is compiled ({@link #trainingProgram}, {@link #predictionProgram}):
 * traced once, then replayed per sample. The programs take the parameters in the store's order (each
 * layer's {@code [out][in]} weights, then its biases), so a replay reads and writes the store's arrays
 * themselves; the compiler fuses each layer into one dense step whatever the layout.
 */
public final class MLP implements Model {
    private final int inputs;
    private final List<Linear> linears;
    private final List<Activation> activations;
    private final ParameterStore store;
    private final List<Layer> layers;
    private final List<Value> neuronOrder;
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
        List<Linear> lin = new ArrayList<>();
        List<Activation> act = new ArrayList<>();
        int fanIn = inputs;
        for (int l = 0; l < sizes.length; l++) {
            if (sizes[l] < 1) {
                throw new IllegalArgumentException("layer " + l + " has " + sizes[l] + " neurons");
            }
            lin.add(new Linear(fanIn, sizes[l], true, "w[" + l + "]", "b[" + l + "]"));
            act.add(l == sizes.length - 1 ? output : hidden);
            fanIn = sizes[l];
        }
        this.linears = List.copyOf(lin);
        this.activations = List.copyOf(act);
        this.store = ParameterStore.of(namedParameters());
        List<Layer> views = new ArrayList<>();
        List<Value> order = new ArrayList<>();
        for (int l = 0; l < sizes.length; l++) {
            Layer layer = new Layer(l, linears.get(l), activations.get(l),
                    store.group(name(l, "weight")).offset(), store.group(name(l, "bias")).offset());
            views.add(layer);
            for (Neuron n : layer.neurons()) {
                order.addAll(n.parameters());
            }
        }
        this.layers = Collections.unmodifiableList(views);
        this.neuronOrder = Collections.unmodifiableList(order);
    }

    private static String name(int layer, String group) {
        return "layers." + layer + "." + group;
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
    @Override
    public List<Value> call(List<Value> x) {
        List<Value> out = x;
        for (int l = 0; l < linears.size(); l++) {
            out = activations.get(l).call(linears.get(l).call(out));
        }
        return out;
    }

    /** {@code layers.0.weight}, {@code layers.0.bias}, {@code layers.1.weight}, …: PyTorch's names and shapes. */
    @Override
    public Map<String, ParameterStore.Shaped> namedParameters() {
        Map<String, Module> children = new LinkedHashMap<>();
        for (int l = 0; l < linears.size(); l++) {
            children.put("layers." + l, linears.get(l));
        }
        return Module.named(children);
    }

    @Override
    public ParameterStore store() { return store; }
    @Override
    public int inputs() { return inputs; }
    @Override
    public int outputs() { return linears.get(linears.size() - 1).outputs(); }
    public List<Layer> layers() { return layers; }
    public int parameterCount() { return store.size(); }

    /**
     * The store slot of each parameter neuron by neuron, each neuron's weights then its bias: the order of
     * the model file's per-parameter optimizer buffers.
     */
    public int[] neuronOrderSlots() {
        return store.slotsOf(neuronOrder);
    }

    /** A copy of the parameters' values, in the store's order. */
    public double[] parameterData() {
        return store.data().clone();
    }

    /** Sets the parameters' values, given in the store's order. */
    public void setParameterData(double[] values) {
        if (values.length != store.size()) {
            throw new IllegalArgumentException("expected " + store.size() + " parameters, got " + values.length);
        }
        System.arraycopy(values, 0, store.data(), 0, values.length);
    }

    /** The layer sizes, last = outputs. */
    public int[] sizes() {
        return linears.stream().mapToInt(Linear::outputs).toArray();
    }

    /** A parameter's name for messages: {@code w[layer][neuron][input]} or {@code b[layer][neuron]}, by store slot. */
    public String parameterName(int slot) {
        return store.values().get(slot).label();
    }

    /** {@code layer 0's parameter w[0][1][0]}. */
    @Override
    public String describeParameter(int slot) {
        for (Layer layer : layers) {
            if (slot < layer.offset() + layer.parameterCount()) {
                return "layer " + layer.index() + "'s parameter " + parameterName(slot);
            }
        }
        throw new IndexOutOfBoundsException(slot);
    }

    /** The first neuron whose output is not finite on {@code x}: {@code the output of layer 1's neuron 0 was NaN}. */
    @Override
    public String overflow(double[] x) {
        Predictor predictor = new Predictor(this);
        predictor.run(x);
        for (Layer layer : layers) {
            for (int j = 0; j < layer.outputs(); j++) {
                double y = predictor.neuronOutput(layer.index(), j);
                if (!Double.isFinite(y)) {
                    return "the output of layer " + layer.index() + "'s neuron " + j + " was " + y;
                }
            }
        }
        return null;
    }

    /** The compiled graph of one sample's loss (see {@link Model#trainingProgram}), compiled once per loss. */
    @Override
    public synchronized Program trainingProgram(Loss loss) {
        return training.computeIfAbsent(loss, l -> Model.compileTraining(this, l));
    }

    /**
     * The compiled forward pass of one sample, for prediction: its outputs are every layer's outputs in
     * order (the last layer's being the network's), then, with two or more outputs, their softmax.
     */
    public synchronized Program predictionProgram() {
        if (prediction == null) {
            List<Value> x = Model.placeholders("x", inputs);
            List<Value> roots = new ArrayList<>();
            List<Value> out = x;
            for (int l = 0; l < linears.size(); l++) {
                out = activations.get(l).call(linears.get(l).call(out));
                roots.addAll(out);
            }
            if (out.size() > 1) {
                roots.addAll(Softmax.softmax(out));
            }
            prediction = Compiler.compile(roots, store.values(), x, List.of());
        }
        return prediction;
    }

    /** The hidden layers' activation ({@link Activation#RELU} when there are none). */
    public Activation hiddenActivation() {
        return layers.size() > 1 ? activations.get(0) : Activation.RELU;
    }

    /** The last layer's activation. */
    public Activation outputActivation() {
        return activations.get(activations.size() - 1);
    }

    /** An independent network with the same architecture and parameters. */
    @Override
    public MLP copy() {
        MLP copy = new MLP(inputs, sizes(), hiddenActivation(), outputActivation());
        copy.setParameterData(store.data());
        return copy;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("MLP(").append(inputs);
        for (Linear l : linears) {
            s.append('-').append(l.outputs());
        }
        return s.append(", ").append(store.size()).append(" parameters)").toString();
    }
}
