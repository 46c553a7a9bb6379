package grad.cli;

import picocli.CommandLine.Command;

/**
 * {@code grad train}: train an MLP on a dataset and show how it learns (grad-rs's options and defaults);
 * {@link GradCommand}, the root command, takes the same options and trains too when no command is given.
 */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Trains a network on a 2-D toy problem or your CSV data and draws how it learns (what grad"
                + " does without a command).", ""},
        footer = {"", "Examples:",
            "  java -jar grad.jar train --dataset xor --lr 0.005",
            "  java -jar grad.jar train --dataset data.csv --label species --epochs 200",
            "  java -jar grad.jar train --dataset moons --save-model moons.json",
            "", TrainCommand.EXIT_STATUS})
final class TrainCommand extends TrainingOptions {
    static final String EXIT_STATUS = "Exit status: 0 done, 1 bad data or file, 2 bad usage, 3 training diverged, 130"
            + " interrupted (Ctrl-C: the epoch in progress is finished, the metrics and report written).";
}
