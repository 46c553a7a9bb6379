package grad.train;

import grad.data.DataLoader;
import grad.data.Dataset;
import grad.engine.Graph;
import grad.nn.Layer;
import grad.nn.Loss;
import grad.nn.MLP;
import grad.nn.Predictor;
import grad.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import grad.optim.SGD;

/**
 * Minibatch training as grad-rs does it: for each minibatch, every sample's forward and backward pass,
 * gradients summed over the minibatch, one optimizer step, gradients zeroed.
 *
 * <p>Lifecycle: make one per run, call {@link #epoch(int)} for epochs 1, 2, … (or from where a saved
 * model left off: the shuffle of an epoch depends only on the seed and the epoch), then {@link #close()}.
 */
public final class Trainer implements AutoCloseable {
    private final MLP model;
    private final Loss loss;
    private final SGD optimizer;
    private final Dataset data;
    private final DataLoader loader;
    private final BatchGradients gradients;
    private final double lr;
    /** Told the rows of the epoch done after each minibatch (a progress line); by default no one. */
    private IntConsumer rowsDone = rows -> { };

    /**
     * @param threads how many threads may share a minibatch's samples (the result does not depend on it)
     */
    public Trainer(MLP model, Loss loss, SGD optimizer, double lr, Dataset data, int batchSize, long seed, int threads) {
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
        this.lr = lr;
        this.data = data;
        this.loader = new DataLoader(data.size(), batchSize, seed);
        this.gradients = new BatchGradients(model, loss, data, threads, Math.min(batchSize, data.size()));
    }

    /** Has {@code rowsDone} told, after each minibatch, how many of the epoch's rows are done. */
    void onRowsDone(IntConsumer rowsDone) {
        this.rowsDone = rowsDone;
    }

    /** The threads actually used (1 when the network is too small for threads to pay). */
    public int threads() {
        return gradients.threads();
    }

    /**
     * Trains one epoch.
     *
     * @throws DivergedException when a loss or a parameter becomes NaN or infinite
     */
    public EpochMetrics epoch(int epoch) {
        double totalLoss = 0;
        int correct = 0;
        int rows = 0;
        for (DataLoader.Batch batch : loader.epoch(epoch)) {
            double batchLoss = gradients.accumulate(batch.rows());
            if (!Double.isFinite(batchLoss)) {
                String overflow = firstOverflowingLayer(batch.rows());
                throw diverged(epoch, batch.index() + 1, "the loss became " + batchLoss
                        + (overflow == null ? "" : " because " + overflow));
            }
            optimizer.step();
            String bad = firstNonFiniteLayer();
            if (bad != null) {
                throw diverged(epoch, batch.index() + 1, bad);
            }
            totalLoss += batchLoss;
            correct += gradients.correct();
            rows += batch.size();
            rowsDone.accept(rows);
        }
        double accuracy = data.isRegression() ? Double.NaN : (double) correct / data.size();
        return new EpochMetrics(epoch, totalLoss / data.size(), accuracy);
    }

    /**
     * The computation graph of the first sample of {@code epoch}'s shuffle, after its backward pass and
     * before any optimizer step: what {@code --graphviz} draws. It is built with {@link grad.engine.Value}s
     * on a copy of the network, so the network's own gradients stay as they are.
     */
    public Graph sampleGraph(int epoch) {
        int row = loader.order(epoch)[0];
        MLP copy = model.copy();
        List<Value> x = new ArrayList<>();
        for (int i = 0; i < data.featureCount(); i++) {
            x.add(Value.of(data.feature(row, i), "x" + i));
        }
        double[] target = new double[model.outputs()];
        if (data.isRegression()) {
            target[0] = data.target(row);
        } else {
            data.oneHot(row, target);
        }
        List<Value> y = new ArrayList<>();
        for (int i = 0; i < target.length; i++) {
            y.add(Value.of(target[i], "y" + i));
        }
        Value sampleLoss = loss.of(copy.call(x), y);
        sampleLoss.backward();
        return Graph.of(sampleLoss);
    }

    private String firstNonFiniteLayer() {
        List<Value> p = model.parameters();
        for (int i = 0; i < p.size(); i++) {   // indexed: an iterator per minibatch would be garbage
            if (!Double.isFinite(p.get(i).data())) {
                return "layer " + layerOf(i).index() + "'s parameter " + p.get(i).label() + " became " + p.get(i).data();
            }
        }
        return null;
    }

    private Layer layerOf(int parameter) {
        for (Layer layer : model.layers()) {
            if (parameter < layer.offset() + layer.parameterCount()) {
                return layer;
            }
        }
        throw new IndexOutOfBoundsException(parameter);
    }

    /**
     * Why a loss is not finite although the parameters are: the first layer whose outputs overflow on
     * one of {@code rows}, or null (then the loss itself overflowed). Only run once training diverged.
     */
    private String firstOverflowingLayer(int[] rows) {
        Predictor predictor = new Predictor(model);
        double[] x = new double[model.inputs()];
        for (int row : rows) {
            data.copyRow(row, x);
            predictor.run(x);
            for (Layer layer : model.layers()) {
                for (int j = 0; j < layer.outputs(); j++) {
                    double y = predictor.neuronOutput(layer.index(), j);
                    if (!Double.isFinite(y)) {
                        return "the output of layer " + layer.index() + "'s neuron " + j + " was " + y + " on row " + row;
                    }
                }
            }
        }
        return null;
    }

    private DivergedException diverged(int epoch, int batch, String what) {
        double decay = Math.max(optimizer.weightDecay(), optimizer.l1());
        if (lr * decay >= 1) {
            String option = optimizer.weightDecay() >= optimizer.l1() ? "--weight-decay" : "--l1";
            return new DivergedException("training diverged in epoch " + epoch + ", minibatch " + batch + ": " + what
                    + "; try a lower " + option + " (now " + number(decay) + "; times --lr " + number(lr)
                    + " it should stay well below 1)", epoch);
        }
        return new DivergedException("training diverged in epoch " + epoch + ", minibatch " + batch + ": " + what
                + "; try a lower --lr (now " + number(lr) + ") or check --init", epoch);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public void close() {
        gradients.close();
    }
}
