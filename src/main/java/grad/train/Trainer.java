package grad.train;

import grad.data.DataLoader;
import grad.data.Dataset;
import grad.engine.Graph;
import grad.nn.Layer;
import grad.nn.Loss;
import grad.nn.MLP;
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
        for (DataLoader.Batch batch : loader.epoch(epoch)) {
            optimizer.zeroGrad();
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
        }
        double accuracy = data.isRegression() ? Double.NaN : (double) correct / data.size();
        return new EpochMetrics(epoch, totalLoss / data.size(), accuracy, null);
    }

    /**
     * The computation graph of the first sample of {@code epoch}'s shuffle, after its backward pass and
     * before any optimizer step: what {@code --graphviz} draws.
     */
    public Graph sampleGraph(int epoch) {
        int row = loader.order(epoch)[0];
        SampleWorker worker = new SampleWorker(model, loss, data);
        worker.loadParameters();
        return worker.graph(row);
    }

    private String firstNonFiniteLayer() {
        double[] p = model.parameters();
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        if (Double.isFinite(sum)) {
            return null;
        }
        for (Layer layer : model.layers()) {
            for (int i = layer.offset(); i < layer.offset() + layer.parameterCount(); i++) {
                if (!Double.isFinite(p[i])) {
                    return "layer " + layer.index() + "'s parameter " + model.parameterName(i) + " became " + p[i];
                }
            }
        }
        return "a parameter overflowed";
    }

    /**
     * Why a loss is not finite although the parameters are: the first layer whose outputs overflow on
     * one of {@code rows}, or null (then the loss itself overflowed). Only run once training diverged.
     */
    private String firstOverflowingLayer(int[] rows) {
        double[] p = model.parameters();
        for (int row : rows) {
            double[] x = data.row(row);
            for (Layer layer : model.layers()) {
                int n = layer.inputs();
                double[] y = new double[layer.outputs()];
                for (int j = 0; j < y.length; j++) {
                    int w = layer.offset() + j * (n + 1);
                    double sum = p[w + n];
                    for (int i = 0; i < n; i++) {
                        sum += p[w + i] * x[i];
                    }
                    y[j] = switch (layer.activation()) {
                        case RELU -> sum > 0 || Double.isNaN(sum) ? sum : 0;
                        case TANH -> Math.tanh(sum);
                        case SIGMOID -> 1 / (1 + Math.exp(-sum));
                        case LINEAR -> sum;
                    };
                    if (!Double.isFinite(y[j])) {
                        return "the output of layer " + layer.index() + "'s neuron " + j + " was " + y[j] + " on row " + row;
                    }
                }
                x = y;
            }
        }
        return null;
    }

    private DivergedException diverged(int epoch, int batch, String what) {
        return new DivergedException("training diverged in epoch " + epoch + ", minibatch " + batch + ": " + what
                + "; try a lower --lr (now " + (lr == Math.rint(lr) && lr < 1e15 ? Long.toString((long) lr) : Double.toString(lr))
                + ") or check --init", epoch);
    }

    @Override
    public void close() {
        gradients.close();
    }
}
