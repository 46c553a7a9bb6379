package grad.train;

import grad.model.ModelFile;
import grad.nn.Loss;
import grad.nn.MLP;
import grad.optim.Optimizer;
import java.io.PrintWriter;

/** {@code --save-model}: writes the model file when every epoch has trained. */
final class ModelSaver implements EpochListener {
    private final TrainingPlan plan;
    private final PreparedData p;
    private final Loss loss;
    private final MLP model;
    private final Optimizer optimizer;
    private final PrintWriter out;

    ModelSaver(TrainingPlan plan, PreparedData p, Loss loss, MLP model, Optimizer optimizer, PrintWriter out) {
        this.plan = plan;
        this.p = p;
        this.loss = loss;
        this.model = model;
        this.optimizer = optimizer;
        this.out = out;
    }

    @Override
    public void runEnded(RunEnd end) {
        if (!(end instanceof RunEnd.Completed done)) {
            return;
        }
        int epochs = done.early() != null ? done.early().bestEpoch()
                : done.interrupted() > 0 ? done.interrupted() : plan.epochs();
        ModelFile.write(plan.outputs().saveModel(), SavedModels.capture(plan, p, loss, model, optimizer, epochs));
        out.println("saved the model to " + plan.outputs().saveModel());
    }
}
