package grad.cli;

import grad.GradException;
import grad.data.CsvOptions;
import grad.data.Task;
import grad.model.OptimizerState;
import grad.model.SavedModel;
import grad.model.TrainingSettings;
import grad.train.DataPlan;
import grad.train.ModelPlan;
import grad.train.OptimizerPlan;
import grad.train.TrainingPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The plan of a run that continues a saved model ({@code --load-model}).
 *
 * <p>Continuing goes on exactly where the saved run stopped: the weights, the optimizer's velocities, the
 * standardization and the epoch count come from the file, and the shuffle of each epoch depends only on
 * (seed, epoch). So training 50 epochs, saving, and training to 100 from the file gives the very same
 * parameters as 100 epochs in one go.
 *
 * <p>{@code --epochs} is the total: {@code --load-model m.json --epochs 100} on a model of 50 epochs
 * trains epochs 51 to 100; asking for no more epochs than the model has is a usage error. What defines
 * the model and its data split — the seed, {@code --hidden-units}, {@code --activation}, {@code --input-features}, {@code --loss},
 * {@code --init}, {@code --test-split}, {@code --standardize} — comes from the file; giving one of them
 * with another value is a usage error. The other settings — the data ({@code --dataset},
 * {@code --class-size}, the CSV options) and the training ({@code --batch-size}, {@code --lr},
 * {@code --momentum}, {@code --weight-decay}, {@code --l1}, {@code --nesterov}, {@code --optimizer},
 * {@code --beta1}, {@code --beta2}, {@code --eps}) — default to the file's and may be changed on the command
 * line. The optimizer's state (SGD's velocities; Adam's step count and averages) is restored when the
 * optimizer is the model's; another {@code --optimizer} starts from none. The data must have the model's features and classes, by name and in order
 * (checked when the data is loaded).
 */
final class Resume {
    private final TrainingPlan cli;
    private final SavedModel model;
    private final TrainingSettings saved;
    private final String at;
    private final Predicate<String> given;

    /** @param given whether an option (by its long name, e.g. {@code --lr}) was on the command line */
    private Resume(TrainingPlan cli, SavedModel model, Path file, Predicate<String> given) {
        this.cli = cli;
        this.model = model;
        this.saved = model.training();
        this.at = " (" + file + ")";
        this.given = given;
    }

    /**
     * The command line's plan with the model swapped for {@code model}, and every data and training
     * setting the user did not give taken from it.
     *
     * @throws GradException with exit code 2, if a given option contradicts the model or
     *                       {@code --epochs} is not more than the model's epochs
     */
    static TrainingPlan plan(TrainingPlan cli, SavedModel model, Path file, Predicate<String> given) {
        Resume r = new Resume(cli, model, file, given);
        r.checkModelOptions();
        r.checkDataOptions();
        return cli.resuming(new ModelPlan.Loaded(file, model), r.data(), r.optimizer(),
                given.test("--batch-size") ? cli.batchSize() : r.saved.batchSize());
    }

    private void checkModelOptions() {
        ModelPlan asked = cli.model();
        if (given.test("--seed") && cli.seed() != saved.seed()) {
            throw conflict("--seed " + cli.seed() + " differs from the model's seed " + saved.seed() + at);
        }
        if (given.test("--hidden-units") && !asked.hidden().equals(model.hidden())) {
            throw conflict("--hidden-units " + join(asked.hidden()) + " differs from the model's " + join(model.hidden()) + at);
        }
        if (given.test("--activation") && asked.activation() != model.activation()) {
            throw conflict("--activation " + asked.activation().id() + " differs from the model's "
                    + model.activation().id() + at);
        }
        if (given.test("--loss") && !model.isRegression() && asked.loss() != model.loss()) {
            throw conflict("--loss " + asked.loss().id() + " differs from the model's " + model.loss().id() + at);
        }
        if (given.test("--input-features") && !asked.inputFeatures().equals(model.inputFeatures())) {
            throw conflict("--input-features " + asked.inputFeatures() + " differs from the model's "
                    + (model.inputFeatures() == null ? "features as they are" : model.inputFeatures()) + at);
        }
        if (given.test("--init") && !asked.init().id().equals(saved.init().id())) {
            throw conflict("--init " + asked.init().id() + " differs from the model's " + saved.init().id() + at);
        }
    }

    private void checkDataOptions() {
        DataPlan data = cli.data();
        if (data.testSplit() != null && data.testSplit() != saved.testSplit()) {
            throw conflict("--test-split " + data.testSplit() + " differs from the model's " + saved.testSplit() + at);
        }
        boolean standardized = model.standardizer() != null;
        if (data.standardize() != null && data.standardize() != standardized) {
            throw conflict((data.standardize() ? "--standardize" : "--no-standardize") + " differs from the model, which "
                    + (standardized ? "standardizes" : "does not standardize") + " its features" + at);
        }
        if (cli.epochs() <= saved.epochsDone()) {
            throw usage("the model has trained " + saved.epochsDone() + " epochs already" + at
                    + "; --epochs counts them too, so ask for more, e.g. --epochs " + (saved.epochsDone() + cli.epochs()));
        }
    }

    private DataPlan data() {
        DataPlan data = cli.data();
        CsvOptions csv = data.csv();
        if (!given.test("--label")) {
            csv = csv.withLabel(model.label());
        }
        if (!given.test("--features")) {
            csv = csv.withFeatures(model.features());
        }
        if (!given.test("--delimiter")) {
            csv = csv.withDelimiter(saved.delimiter());
        }
        if (!given.test("--task")) {
            csv = csv.withTask(model.isRegression() ? Task.REGRESSION : Task.CLASSIFY);
        }
        return new DataPlan(given.test("--dataset") ? data.dataset() : saved.dataset(), csv,
                given.test("--class-size") ? data.classSize() : saved.classSize(), saved.seed(), saved.testSplit(),
                model.standardizer() != null, given.test("--noise") ? data.noise() : saved.noise());
    }

    private OptimizerPlan optimizer() {
        OptimizerPlan o = cli.optimizer();
        OptimizerState state = model.optimizer();
        boolean same = !given.test("--optimizer") || o.kind() == state.kind();
        return new OptimizerPlan(given.test("--optimizer") ? o.kind() : state.kind(),
                given.test("--lr") ? o.lr() : saved.lr(),
                given.test("--momentum") ? o.momentum() : saved.momentum(),
                given.test("--weight-decay") || !same ? o.weightDecay() : saved.weightDecay(),
                given.test("--l1") ? o.l1() : saved.l1(),
                given.test("--nesterov") ? o.nesterov() : saved.nesterov(),
                given.test("--beta1") || !same ? o.beta1() : state.beta1(),
                given.test("--beta2") || !same ? o.beta2() : state.beta2(),
                given.test("--eps") || !same ? o.eps() : state.eps(), false);
    }

    private static String join(List<Integer> sizes) {
        return String.join(",", sizes.stream().map(Objects::toString).toList());
    }

    private static GradException conflict(String message) {
        return usage(message + "; a continued model keeps its architecture, seed, split and standardization"
                + " (leave the option out)");
    }

    private static GradException usage(String message) {
        return new GradException(message, 2, null);
    }
}
