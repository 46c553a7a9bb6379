package grad.train;

import grad.data.Dataset;
import grad.engine.ParameterStore;
import grad.engine.Value;
import grad.nn.Loss;
import grad.nn.Model;
import grad.nn.Softmax;
import java.util.ArrayList;
import java.util.List;

/**
 * A minibatch's gradient the way micrograd computes it ({@code --engine value}): for each row, the
 * model's graph built of {@link Value}s and {@link Value#backward()}, whose parameter leaves are views of
 * the store, so the gradients add up in the store itself, in row order. One thread; slow, and the same
 * numbers as a replay's to the last bit.
 */
final class ValueGradients implements Gradients {
    private final Model model;
    private final Loss loss;
    private final Dataset data;
    private final ParameterStore store;
    private final double[] target;
    private final double[] outputs;
    private int correct;

    ValueGradients(Model model, Loss loss, Dataset data) {
        this.model = model;
        this.loss = loss;
        this.data = data;
        this.store = model.store();
        this.target = new double[model.outputs()];
        this.outputs = new double[model.outputs()];
    }

    @Override
    public double accumulate(int[] rows) {
        store.zeroGrad();
        double total = 0;
        correct = 0;
        for (int row : rows) {
            total += sample(row);
        }
        return total;
    }

    /** One row's forward and backward pass; returns its loss. */
    private double sample(int row) {
        List<Value> x = new ArrayList<>(data.featureCount());
        for (int i = 0; i < data.featureCount(); i++) {
            x.add(Value.of(data.feature(row, i)));
        }
        if (data.isRegression()) {
            target[0] = data.target(row);
        } else {
            data.oneHot(row, target);
        }
        List<Value> y = new ArrayList<>(target.length);
        for (double t : target) {
            y.add(Value.of(t));
        }
        List<Value> out = model.call(x);
        Value l = loss.of(out, y);
        l.backward();
        if (!data.isRegression()) {
            for (int i = 0; i < outputs.length; i++) {
                outputs[i] = out.get(i).data();
            }
            correct += Softmax.argmax(outputs) == data.label(row) ? 1 : 0;
        }
        return l.data();
    }

    @Override
    public int correct() {
        return correct;
    }

    @Override
    public int threads() {
        return 1;
    }

    @Override
    public void close() {
    }
}
