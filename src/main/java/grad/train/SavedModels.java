package grad.train;

import grad.io.Text;
import grad.GradException;
import grad.data.Dataset;
import grad.data.InputFeatures;
import grad.data.Standardizer;
import grad.data.TargetScale;
import grad.nn.Loss;
import grad.nn.MLP;
import grad.optim.SGD;
import grad.model.SavedModel;
import grad.model.TrainingSettings;
import java.nio.file.Path;

/**
 * A run's model as a {@link SavedModel}, and a saved model against the data it continues on. (How the
 * settings of a continued run are resolved is the command line's job: {@code grad.cli.Resume}.)
 */
public final class SavedModels {
    private SavedModels() {
    }

    /**
     * Checks that {@code data} has the model's task, features and classes, by name and in order.
     *
     * @throws GradException (exit code 1) saying what differs
     */
    public static void checkData(SavedModel model, Dataset data, Path file) {
        String prefix = file + ": the model ";
        if (model.isRegression() != data.isRegression()) {
            throw new GradException(prefix + (model.isRegression() ? "does regression" : "classifies")
                    + " but the data " + data.name() + (data.isRegression() ? " is regression" : " has classes")
                    + "; use --task to read the labels as the model does");
        }
        if (!model.features().equals(data.featureNames())) {
            throw new GradException(prefix + "reads features " + Text.list(model.features()) + " but the data "
                    + data.name() + " has " + Text.list(data.featureNames()));
        }
        if (!model.classes().equals(data.classNames())) {
            throw new GradException(prefix + "has classes " + Text.list(model.classes()) + " but the data "
                    + data.name() + " has " + Text.list(data.classNames()));
        }
    }

    /**
     * The model of a run after {@code epochsDone} epochs.
     *
     * @param testSplit    the fraction of rows the run held out
     * @param standardizer the run's standardization, or null
     * @param target       the run's regression target scale
     */
    public static SavedModel capture(TrainingPlan plan, Dataset data, Loss loss, MLP network, SGD optimizer,
                                     Standardizer standardizer, TargetScale target, int epochsDone,
                                     double testSplit, String label) {
        return capture(plan, data, null, loss, network, optimizer, standardizer, target, epochsDone, testSplit, label);
    }

    /**
     * As above, for a network that computes {@code inputs} from the data's 2 features ({@code null}: the
     * features as they are).
     */
    public static SavedModel capture(TrainingPlan plan, Dataset data, InputFeatures inputs, Loss loss, MLP network,
                                     SGD optimizer, Standardizer standardizer, TargetScale target, int epochsDone,
                                     double testSplit, String label) {
        DataPlan d = plan.data();
        OptimizerPlan o = plan.optimizer();
        TrainingSettings training = new TrainingSettings(epochsDone, plan.seed(),
                new TrainingSettings.Data(d.dataset(), d.classSize(), d.csv() == null ? ',' : d.csv().delimiter(), testSplit,
                        d.noise()),
                new TrainingSettings.Sgd(o.lr(), o.momentum(), o.weightDecay(), o.l1(), o.nesterov()),
                plan.batchSize(), plan.model().init());
        return new SavedModel(data.featureNames(), inputs, label, data.classNames(), network, loss, standardizer, target, training,
                optimizer.velocity());
    }
}
