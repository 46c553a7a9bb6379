package grad.train;

/**
 * Everything a training run needs, resolved once by the command line (with a saved model's settings when
 * continuing one): the data, the model, the optimizer, the outputs, and the schedule.
 *
 * @param data      the data and how it is split and scaled
 * @param model     a new network, or a saved one to continue
 * @param optimizer the optimizer's settings
 * @param outputs   what to write, and where
 * @param epochs    epochs to train (in total, counting those of a loaded model)
 * @param batchSize minibatch size
 * @param threads   threads for a minibatch's samples
 * @param earlyStopping early stopping's settings, or null to train every epoch
 * @param engine    how each sample's forward and backward pass runs
 */
public record TrainingPlan(DataPlan data, ModelPlan model, OptimizerPlan optimizer, OutputPlan outputs,
                           int epochs, int batchSize, int threads, EarlyStopping earlyStopping, Engine engine) {

    /** A plan on the compiled engine. */
    public TrainingPlan(DataPlan data, ModelPlan model, OptimizerPlan optimizer, OutputPlan outputs,
                        int epochs, int batchSize, int threads, EarlyStopping earlyStopping) {
        this(data, model, optimizer, outputs, epochs, batchSize, threads, earlyStopping, Engine.COMPILED);
    }

    /** A plan without early stopping. */
    public TrainingPlan(DataPlan data, ModelPlan model, OptimizerPlan optimizer, OutputPlan outputs,
                        int epochs, int batchSize, int threads) {
        this(data, model, optimizer, outputs, epochs, batchSize, threads, null);
    }

    /** Every random choice comes from it: the split, the initial weights, each epoch's shuffle. */
    public long seed() {
        return data.seed();
    }

    /** Whether {@code epoch} is one to log and draw: 1, 1+p, 1+2p, … and the last. */
    public boolean isPrintEpoch(int epoch) {
        return (epoch - 1) % outputs.printEvery() == 0 || epoch == epochs;
    }

    /** Whether {@code epoch} gets an animation frame: every {@code gifEvery} epochs and the last, or at print epochs. */
    public boolean isFrameEpoch(int epoch) {
        return outputs.gifEvery() > 0 ? (epoch - 1) % outputs.gifEvery() == 0 || epoch == epochs : isPrintEpoch(epoch);
    }

    /** The same plan continuing {@code model}, with the data and optimizer settings it resolved to. */
    public TrainingPlan resuming(ModelPlan.Loaded model, DataPlan data, OptimizerPlan optimizer, int batchSize) {
        return new TrainingPlan(data, model, optimizer, outputs, epochs, batchSize, threads, earlyStopping, engine);
    }
}
