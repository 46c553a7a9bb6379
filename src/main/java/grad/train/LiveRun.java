package grad.train;

import grad.GradException;
import grad.data.Dataset;
import grad.data.InputFeatures;
import grad.engine.Graph;
import grad.model.ModelFile;
import grad.nn.Loss;
import grad.nn.MLP;
import grad.nn.Predictor;
import grad.optim.Optimizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A training run driven one epoch at a time from outside ({@code grad playground}): the same data, network,
 * optimizer, epochs and health checks as {@link TrainingRun} makes from the plan, so that after {@code n}
 * epochs its weights are those of {@code java -jar grad.jar … --epochs n}. The one place outside this package's
 * own run that touches the network, the optimizer and the trainer. Not thread-safe: one caller at a time.
 */
public final class LiveRun implements AutoCloseable {
    private TrainingPlan plan;
    private final PreparedData p;
    private final Loss loss;
    private final MLP model;
    private final Optimizer optimizer;
    private Trainer trainer;
    private HealthChecks health;
    private final List<String> warnings = new ArrayList<>();
    private int epochsDone;

    /**
     * Prepares the plan's data and a new network, as {@link TrainingRun#run()} would.
     *
     * @throws GradException for bad data, or (exit code 2) data without 2 features and classes
     */
    public LiveRun(TrainingPlan plan) {
        if (!(plan.model() instanceof ModelPlan.New)) {
            throw new GradException("a live run starts a new network", 2, null);
        }
        TrainingRun run = new TrainingRun(plan, null, null, false);
        this.plan = plan;
        this.p = run.prepare(null);
        if (!p.isPlottable()) {
            throw new GradException("the playground draws the plane, so it needs " + p.whatBoundariesNeed(), 2, null);
        }
        this.loss = plan.model().loss();
        this.model = run.newNetwork(p.data(), p.inputs());
        this.optimizer = run.optimizer(model, null);
        startTrainer();
    }

    private void startTrainer() {
        if (trainer != null) {
            trainer.close();
        }
        trainer = new Trainer(model, loss, optimizer, p.train(), plan.batchSize(), plan.seed(),
                Math.min(plan.threads(), 2), plan.engine());
        health = new HealthChecks(plan, model, p.train(), w -> warnings.add(w.message()));
    }

    /**
     * Trains the next epoch and evaluates the test rows (when there are some).
     *
     * @throws DivergedException when the loss or a parameter stops being finite
     */
    public EpochMetrics step() {
        int epoch = epochsDone + 1;
        EpochMetrics m = trainer.epoch(epoch);
        m = m.evaluated(p.hasTest() ? Scores.of(model, loss, p.test(), p.scale()) : null, null);
        epochsDone = epoch;
        health.epochEnded(m);
        return m;
    }

    /** Epochs trained so far. */
    public int epochsDone() {
        return epochsDone;
    }

    /** The health warnings raised since the last call (each kind once per place, as the command line prints them). */
    public List<String> takeWarnings() {
        List<String> taken = List.copyOf(warnings);
        warnings.clear();
        return taken;
    }

    /** Goes on training at learning rate {@code lr} (messages from then on name it). */
    public void setLr(double lr) {
        OptimizerPlan o = plan.optimizer();
        plan = new TrainingPlan(plan.data(), plan.model(), new OptimizerPlan(o.kind(), lr, o.momentum(), o.weightDecay(),
                o.l1(), o.nesterov(), o.beta1(), o.beta2(), o.eps(), false), plan.outputs(), plan.epochs(),
                plan.batchSize(), plan.threads(), plan.earlyStopping(), plan.engine());
        optimizer.setLr(lr);
        startTrainer();
    }

    /** The training rows, in the data's units (before input features and standardization). */
    public Dataset trainRows() {
        return p.split().train();
    }

    /** The test rows, in the data's units. */
    public Dataset testRows() {
        return p.split().test();
    }

    /** The names of the network's inputs: the input features, labelled with the data's column names. */
    public List<String> inputNames() {
        InputFeatures inputs = p.inputs();
        List<String> columns = p.data().featureNames();
        return inputs.features().stream().map(f -> f.label(columns.get(0), columns.get(1))).toList();
    }

    /** The size of each layer, hidden then output. */
    public int[] sizes() {
        return model.sizes();
    }

    /** {@code weights[l][j][i]}: the weight from input {@code i} of layer {@code l} to its neuron {@code j}, now. */
    public double[][][] weights() {
        return ModelPictures.weights(model, model.parameterData());
    }

    /** A snapshot of the network now, to run on points of the plane. */
    public Probe probe() {
        return new Probe(new Predictor(model), p.inputs(), p.standardizer() == null ? null : p.standardizer()::transform,
                model.outputs());
    }

    /** One sample's loss graph at the start of the next epoch, after backward (what {@code --graphviz} draws). */
    public Graph sampleGraph() {
        return trainer.sampleGraph(epochsDone + 1);
    }

    /** Writes the model as {@code --save-model} would after the epochs done. */
    public void save(Path file) {
        ModelFile.write(file, SavedModels.capture(plan, p, loss, model, optimizer, epochsDone));
    }

    @Override
    public void close() {
        trainer.close();
    }

    /** The network run on points of the plane, in the data's units: its neurons' outputs and class probabilities. */
    public static final class Probe {
        private final Predictor predictor;
        private final InputFeatures inputs;
        private final Scaling scaling;
        private final double[] raw;
        private final double[] x;
        private final double[] probabilities;

        interface Scaling {
            void transform(double[] row, double[] out);
        }

        Probe(Predictor predictor, InputFeatures inputs, Scaling scaling, int outputs) {
            this.predictor = predictor;
            this.inputs = inputs;
            this.scaling = scaling;
            this.raw = new double[inputs.size()];
            this.x = new double[inputs.size()];
            this.probabilities = new double[outputs];
        }

        /** Runs the network on the point {@code (px, py)}. */
        public void at(double px, double py) {
            inputs.apply(px, py, raw);
            if (scaling == null) {
                System.arraycopy(raw, 0, x, 0, raw.length);
            } else {
                scaling.transform(raw, x);
            }
            predictor.probabilities(x, probabilities);
        }

        /** Input {@code i} as the network read it at the last point. */
        public double input(int i) {
            return x[i];
        }

        /** The output of neuron {@code j} of layer {@code layer} at the last point. */
        public double neuron(int layer, int j) {
            return predictor.neuronOutput(layer, j);
        }

        /** The probability of class {@code c} at the last point. */
        public double probability(int c) {
            return probabilities[c];
        }
    }
}
