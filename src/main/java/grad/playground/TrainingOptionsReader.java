package grad.playground;

import grad.train.TrainingPlan;
import java.util.List;
import java.util.Map;

/**
 * Reads the training command's options as the command line does, so that the page's settings are checked by
 * the same rules and refused with the same one-line messages. The command line hands the playground its
 * reader ({@code cli.TrainingArguments.READER}); the playground knows nothing else of it.
 */
public interface TrainingOptionsReader {
    /**
     * The plan that {@code args} (training options, no subcommand) would train.
     *
     * @throws grad.GradException with exit code 2 and the command line's message for a bad option, or the
     *                            message of a bad file (exit code 1)
     */
    TrainingPlan plan(List<String> args);

    /** {@code args}, valid training options, as pairs of each option's longest name and its value as typed. */
    List<Map.Entry<String, String>> options(List<String> args);
}
