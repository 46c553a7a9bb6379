package grad.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every parameter of a model in two flat arrays, its values and its gradients, side by side: the one
 * place that the optimizer, the compiled programs, the pictures and the model files read and write.
 * A parameter's {@link Value} is a view of its slot, so a model written with {@code Value}s and
 * {@link Value#backward()} trains the same numbers that a replay or an optimizer sees, and nothing is
 * copied per minibatch.
 *
 * <p>Lifecycle: make the model's parameters as ordinary leaves ({@code Value.of}), then
 * {@link #of(Map)} gathers them, in order, into a store (each leaf becomes a view of its slot; a leaf
 * can be in one store only). Named groups keep the names and shapes a state dict and a model file need.
 */
public final class ParameterStore {
    /**
     * A named group of consecutive slots: one weight matrix or bias vector.
     *
     * @param name   a name such as {@code layers.0.weight}
     * @param offset the index of its first slot
     * @param shape  its shape (row-major), e.g. {@code [out, in]} for a weight
     */
    public record Group(String name, int offset, int[] shape) {
        public Group {
            shape = shape.clone();
        }

        /** The number of slots. */
        public int size() {
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }
    }

    private final double[] data;
    private final double[] grad;
    private final List<Value> values;
    private final List<Group> groups;
    private final Map<String, Group> byName;

    private ParameterStore(int size, List<Group> groups) {
        this.data = new double[size];
        this.grad = new double[size];
        this.values = new ArrayList<>(size);
        this.groups = List.copyOf(groups);
        this.byName = new LinkedHashMap<>();
        for (Group g : groups) {
            byName.put(g.name(), g);
        }
    }

    /**
     * Gathers named parameters into a new store, group after group in the map's order; each leaf becomes a
     * view of its slot, keeping its value and gradient.
     *
     * @param named each group's name → its shape and its leaves (row-major)
     * @throws IllegalArgumentException when a group's leaf count does not match its shape, or a leaf repeats
     */
    public static ParameterStore of(Map<String, Shaped> named) {
        List<Group> groups = new ArrayList<>();
        int size = 0;
        for (Map.Entry<String, Shaped> e : named.entrySet()) {
            Group g = new Group(e.getKey(), size, e.getValue().shape());
            if (g.size() != e.getValue().values().size()) {
                throw new IllegalArgumentException("parameter " + e.getKey() + " has shape "
                        + Arrays.toString(g.shape) + " but " + e.getValue().values().size() + " values");
            }
            groups.add(g);
            size += g.size();
        }
        ParameterStore store = new ParameterStore(size, groups);
        for (Shaped s : named.values()) {
            for (Value v : s.values()) {
                v.bind(store, store.values.size());
                store.values.add(v);
            }
        }
        return store;
    }

    /**
     * Gathers unnamed parameters, as micrograd's {@code parameters()} lists them, into a new store of one
     * group called {@code parameters}; each leaf becomes a view of its slot.
     */
    public static ParameterStore of(List<Value> parameters) {
        Map<String, Shaped> one = new LinkedHashMap<>();
        one.put("parameters", new Shaped(new int[] {parameters.size()}, parameters));
        return of(one);
    }

    /**
     * A group's shape and leaves, row-major.
     *
     * @param shape  the group's shape
     * @param values its leaves
     */
    public record Shaped(int[] shape, List<Value> values) {
        public Shaped {
            shape = shape.clone();
            values = List.copyOf(values);
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }
    }

    /** The number of parameters. */
    public int size() {
        return data.length;
    }

    /** The parameters' values: the live array, written by optimizers and read by replays. */
    public double[] data() {
        return data;
    }

    /** The parameters' gradients: the live array, accumulated by backward passes, read by optimizers. */
    public double[] grad() {
        return grad;
    }

    /** Every parameter's {@code Value} (a view of its slot), in slot order. */
    public List<Value> values() {
        return Collections.unmodifiableList(values);
    }

    /** The named groups, in slot order. */
    public List<Group> groups() {
        return groups;
    }

    /** The group called {@code name}, or null. */
    public Group group(String name) {
        return byName.get(name);
    }

    /** The group that holds slot {@code index}. */
    public Group groupOf(int index) {
        for (Group g : groups) {
            if (index < g.offset() + g.size()) {
                return g;
            }
        }
        throw new IndexOutOfBoundsException(index);
    }

    /**
     * The slot of each of {@code parameters} (each one of this store's values, in any order): how a
     * listing in another order (a model file's neuron by neuron) reads and writes the store.
     *
     * @throws IllegalArgumentException when one is not in this store
     */
    public int[] slotsOf(List<Value> parameters) {
        int[] slots = new int[parameters.size()];
        for (int k = 0; k < slots.length; k++) {
            Value p = parameters.get(k);
            if (!p.isIn(this)) {
                throw new IllegalArgumentException("parameter " + k + " (" + p.label() + ") is not in this store");
            }
            slots[k] = p.slot();
        }
        return slots;
    }

    /** Sets every gradient to 0. */
    public void zeroGrad() {
        Arrays.fill(grad, 0.0);
    }

    /** A copy of every group's values, by name: PyTorch's {@code state_dict()}. */
    public Map<String, double[]> stateDict() {
        Map<String, double[]> state = new LinkedHashMap<>();
        for (Group g : groups) {
            state.put(g.name(), Arrays.copyOfRange(data, g.offset(), g.offset() + g.size()));
        }
        return state;
    }

    /**
     * Loads every group's values from {@code state}: PyTorch's {@code load_state_dict()}.
     *
     * @throws IllegalArgumentException naming the first group that is missing or has the wrong size
     */
    public void loadStateDict(Map<String, double[]> state) {
        for (Group g : groups) {
            double[] values = state.get(g.name());
            if (values == null) {
                throw new IllegalArgumentException("no values for parameter " + g.name());
            }
            if (values.length != g.size()) {
                throw new IllegalArgumentException("parameter " + g.name() + " needs " + g.size()
                        + " values, got " + values.length);
            }
            System.arraycopy(values, 0, data, g.offset(), values.length);
        }
    }
}
