package grad.train;

import grad.io.Text;
import grad.GradException;
import grad.data.Dataset;
import grad.data.FeatureEncoding;
import grad.nn.Loss;
import grad.nn.MLP;
import grad.optim.SGD;
import grad.model.SavedModel;
import grad.model.TrainingSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * A run's model as a {@link SavedModel}, and a saved model against the data it continues on. (How the
 * settings of a continued run are resolved is the command line's job: {@code grad.cli.Resume}.)
 */
public final class SavedModels {
    private SavedModels() {
    }

    /**
     * Checks that {@code data} has the model's task and classes, and {@code columns} (its feature columns, before
     * any encoding) the model's features, by name and in order.
     *
     * @throws GradException (exit code 1) saying what differs
     */
    public static void checkData(SavedModel model, Dataset data, List<String> columns, Path file) {
        String prefix = file + ": the model ";
        if (model.isRegression() != data.isRegression()) {
            throw new GradException(prefix + (model.isRegression() ? "does regression" : "classifies")
                    + " but the data " + data.name() + (data.isRegression() ? " is regression" : " has classes")
                    + "; use --task to read the labels as the model does");
        }
        if (!model.features().equals(columns)) {
            throw new GradException(prefix + "reads features " + Text.list(model.features()) + " but the data "
                    + data.name() + " has " + Text.list(columns));
        }
        if (!model.classes().equals(data.classNames())) {
            throw new GradException(prefix + "has classes " + Text.list(model.classes()) + " but the data "
                    + data.name() + " has " + Text.list(data.classNames()));
        }
    }

    /**
     * The model of a run after {@code epochsDone} epochs: its encoding (a generated dataset's features as they
     * are), input features, standardization and target scale, the network and the optimizer's velocities.
     */
    static SavedModel capture(TrainingPlan plan, PreparedData p, Loss loss, MLP network, SGD optimizer, int epochsDone) {
        DataPlan d = plan.data();
        OptimizerPlan o = plan.optimizer();
        TrainingSettings training = new TrainingSettings(epochsDone, plan.seed(),
                new TrainingSettings.Data(d.dataset(), d.classSize(), d.csv() == null ? ',' : d.csv().delimiter(), p.testFraction(),
                        d.noise()),
                new TrainingSettings.Sgd(o.lr(), o.momentum(), o.weightDecay(), o.l1(), o.nesterov()),
                plan.batchSize(), plan.model().init());
        FeatureEncoding encoding = p.source().encoding() != null ? p.source().encoding()
                : FeatureEncoding.plain(p.data().featureNames());
        return new SavedModel(encoding, p.inputs(), p.labelName(), p.data().classNames(), network, loss, p.standardizer(),
                p.scale(), training, optimizer.state().get("velocity"));
    }
}
