package grad.nn;

import grad.engine.Compiler;
import grad.engine.ParameterStore;
import grad.engine.Program;
import grad.engine.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * What the trainer needs of a model: a {@link Module} with a forward pass on one sample, its number of
 * inputs and outputs, and its parameters gathered once into one {@link ParameterStore}. Training builds
 * one sample's loss as {@code loss.of(call(x), y)}: through {@link Value#backward()} itself
 * ({@code --engine value}) or compiled once into a {@link Program} and replayed per sample.
 */
public interface Model extends Module {
    /** The number of inputs of one sample. */
    int inputs();

    /** The number of outputs (one per class, or one value). */
    int outputs();

    /** The outputs for inputs {@code x}. */
    List<Value> call(List<Value> x);

    /** The store every parameter of this model is a view of (made once, with the model). */
    ParameterStore store();

    /**
     * The compiled graph of one sample's loss, {@code loss.of(call(x), y)}: its outputs are the loss, then
     * the model's outputs; its backward pass gives every parameter's gradient. It takes the parameters in
     * the store's order, so a replay reads {@code store().data()} itself ({@link grad.engine.Replay#useParameters}).
     */
    default Program trainingProgram(Loss loss) {
        return compileTraining(this, loss);
    }

    /** Store slot {@code slot} in words, for messages: by default its group's name and its index in it. */
    default String describeParameter(int slot) {
        ParameterStore.Group g = store().groupOf(slot);
        return "parameter " + g.name() + "[" + (slot - g.offset()) + "]";
    }

    /**
     * Where the model's values overflow (are not finite) on input {@code x} although its parameters are
     * finite, in words, or null when nothing does or the model cannot tell: a diagnosis of a divergence.
     */
    default String overflow(double[] x) {
        return null;
    }

    /** An independent model with the same architecture and parameter values (and a store of its own). */
    Model copy();

    /** Compiles {@code model}'s training program for {@code loss} (see {@link #trainingProgram}). */
    static Program compileTraining(Model model, Loss loss) {
        List<Value> x = placeholders("x", model.inputs());
        List<Value> y = placeholders("y", model.outputs());
        List<Value> out = model.call(x);
        List<Value> roots = new ArrayList<>();
        roots.add(loss.of(out, y));
        roots.addAll(out);
        return Compiler.compile(roots, model.store().values(), x, y);
    }

    /** Leaves named {@code name0, name1, …}: the slots of a sample's inputs or targets in a trace. */
    static List<Value> placeholders(String name, int n) {
        List<Value> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(Value.of(0, name + i));
        }
        return values;
    }
}
