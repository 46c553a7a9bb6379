package grad.train;

import grad.data.DataLoader;
import grad.data.Dataset;
import grad.engine.Graph;
import grad.engine.Value;
import grad.nn.Loss;
import grad.nn.Model;
import grad.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
/**
 * Minibatch training as grad-rs does it: for each minibatch, every sample's forward and backward pass,
 * gradients summed over the minibatch, one optimizer step, gradients zeroed.
 *
 * <p>Lifecycle: make one per run, call {@link #epoch(int)} for epochs 1, 2, … (or from where a saved
 * model left off: the shuffle of an epoch depends only on the seed and the epoch), then {@link #close()}.
 */
public final class Trainer implements AutoCloseable {
    private final Model model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final Dataset data;
    private final DataLoader loader;
    private final Gradients gradients;
    /** Told the rows of the epoch done after each minibatch (a progress line); by default no one. */
    private IntConsumer rowsDone = rows -> { };

    /**
     * @param optimizer an optimizer over {@code model}'s store
     * @param threads   how many threads may share a minibatch's samples (the result does not depend on it)
     * @param engine    how each sample's forward and backward pass runs (the result does not depend on it)
     */
    public Trainer(Model model, Loss loss, Optimizer optimizer, Dataset data, int batchSize, long seed, int threads,
                   Engine engine) {
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
        this.data = data;
        this.loader = new DataLoader(data.size(), batchSize, seed);
        this.gradients = Gradients.of(engine, model, loss, data, threads, Math.min(batchSize, data.size()));
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
        Model copy = model.copy();
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
        double[] p = model.store().data();
        for (int i = 0; i < p.length; i++) {
            if (!Double.isFinite(p[i])) {
                return model.describeParameter(i) + " became " + p[i];
            }
        }
        return null;
    }

    /**
     * Why a loss is not finite although the parameters are: the first place where the model's values
     * overflow on one of {@code rows}, or null (then the loss itself overflowed). Only run once training
     * diverged.
     */
    private String firstOverflowingLayer(int[] rows) {
        double[] x = new double[model.inputs()];
        for (int row : rows) {
            data.copyRow(row, x);
            String overflow = model.overflow(x);
            if (overflow != null) {
                return overflow + " on row " + row;
            }
        }
        return null;
    }

    private DivergedException diverged(int epoch, int batch, String what) {
        double lr = optimizer.lr();
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
