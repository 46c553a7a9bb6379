package grad.train;

import grad.model.ModelFile;
import grad.nn.Loss;
import grad.nn.MLP;
import grad.optim.SGD;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code --save-model}: writes the model file when every epoch has trained. */
final class ModelSaver implements EpochListener {
    private final TrainingConfig config;
    private final PreparedData p;
    private final Loss loss;
    private final MLP model;
    private final SGD optimizer;
    private final PrintWriter out;

    ModelSaver(TrainingConfig config, PreparedData p, Loss loss, MLP model, SGD optimizer, PrintWriter out) {
        this.config = config;
        this.p = p;
        this.loss = loss;
        this.model = model;
        this.optimizer = optimizer;
        this.out = out;
    }

    @Override
    public void runEnded(RunEnd end) {
        if (!(end instanceof RunEnd.Completed)) {
            return;
        }
        Path csv = TrainingRun.isCsv(config.dataset()) ? Path.of(config.dataset()) : null;
        ModelFile.write(config.saveModel(), Checkpoints.capture(config, p.data(), loss, model, optimizer,
                p.standardizer(), p.scale(), config.epochs(), p.testFraction(),
                Checkpoints.labelName(csv, config.csv())));
        out.println("saved the model to " + config.saveModel());
    }
}
