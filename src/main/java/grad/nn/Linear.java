package grad.nn;

import grad.engine.ParameterStore;
import grad.engine.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fully connected layer without its activation, PyTorch's {@code nn.Linear}: output {@code j} is
 * {@code w[j][0]·x[0] + w[j][1]·x[1] + … + b[j]}. The weight is laid out as PyTorch lays it out,
 * {@code [outputs][inputs]} row-major, and the bias is optional.
 */
public final class Linear implements Module {
    private final int inputs;
    private final int outputs;
    private final List<Value> weight;
    private final List<Value> bias;

    /** A layer with every parameter 0, its leaves labelled {@code weight[j][i]} and {@code bias[j]}. */
    public Linear(int inputs, int outputs, boolean bias) {
        this(inputs, outputs, bias, "weight", "bias");
    }

    /** As above, the leaves labelled {@code w[j][i]} and {@code b[j]} for the labels {@code w} and {@code b}. */
    Linear(int inputs, int outputs, boolean bias, String w, String b) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("a linear layer needs at least one input and one output");
        }
        this.inputs = inputs;
        this.outputs = outputs;
        List<Value> weights = new ArrayList<>(inputs * outputs);
        List<Value> biases = new ArrayList<>(bias ? outputs : 0);
        for (int j = 0; j < outputs; j++) {
            for (int i = 0; i < inputs; i++) {
                weights.add(Value.of(0, w + "[" + j + "][" + i + "]"));
            }
            if (bias) {
                biases.add(Value.of(0, b + "[" + j + "]"));
            }
        }
        this.weight = Collections.unmodifiableList(weights);
        this.bias = Collections.unmodifiableList(biases);
    }

    /** Every output for inputs {@code x}: the products added in order, the bias last. */
    public List<Value> call(List<Value> x) {
        if (x.size() != inputs) {
            throw new IllegalArgumentException("expected " + inputs + " inputs, got " + x.size());
        }
        List<Value> out = new ArrayList<>(outputs);
        for (int j = 0; j < outputs; j++) {
            Value sum = weight(j, 0).mul(x.get(0));
            for (int i = 1; i < inputs; i++) {
                sum = sum.add(weight(j, i).mul(x.get(i)));
            }
            out.add(bias.isEmpty() ? sum : sum.add(bias.get(j)));
        }
        return out;
    }

    /** {@code weight} (shape {@code [outputs, inputs]}) and, if it has one, {@code bias} ({@code [outputs]}). */
    @Override
    public Map<String, ParameterStore.Shaped> namedParameters() {
        Map<String, ParameterStore.Shaped> named = new LinkedHashMap<>();
        named.put("weight", new ParameterStore.Shaped(new int[] {outputs, inputs}, weight));
        if (!bias.isEmpty()) {
            named.put("bias", new ParameterStore.Shaped(new int[] {outputs}, bias));
        }
        return named;
    }

    /** The weight from input {@code i} to output {@code j}. */
    public Value weight(int j, int i) {
        return weight.get(j * inputs + i);
    }

    /** Output {@code j}'s bias, or null without a bias. */
    public Value bias(int j) {
        return bias.isEmpty() ? null : bias.get(j);
    }

    public boolean hasBias() { return !bias.isEmpty(); }
    public int inputs() { return inputs; }
    public int outputs() { return outputs; }

    @Override
    public String toString() {
        return "Linear(" + inputs + ", " + outputs + (bias.isEmpty() ? ", bias=False)" : ")");
    }
}
