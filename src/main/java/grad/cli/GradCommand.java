package grad.cli;

import grad.gpt2.Gpt2Command;
import picocli.CommandLine.Command;

/**
 * {@code grad}: the root command. Its commands come first in {@code --help}; without one it trains, taking
 * {@link TrainCommand}'s options, so that {@code grad --dataset moons} is {@code grad train --dataset moons}.
 */
@Command(name = "grad", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        customSynopsis = {"grad [train] [OPTION]...", "       grad COMMAND [ARG]..."},
        description = {"Trains a small neural network, built on a scalar autograd engine, on a 2-D toy problem or "
                + "your CSV data, and draws how it learns. Without a command, grad trains: 'grad OPTIONS' is"
                + " 'grad train OPTIONS'."},
        commandListHeading = "%nCommands:%n",
        optionListHeading = "%nTraining options (as in 'grad train --help'):%n",
        subcommands = {TrainCommand.class, EvalCommand.class, ExportCommand.class, PredictCommand.class,
            LrFindCommand.class, TextCommand.class, Gpt2Command.class},
        footer = {"", "Examples:",
            "  java -jar grad.jar --dataset xor --lr 0.005",
            "  java -jar grad.jar --dataset circles --graphviz && dot -Tpng output/weights_epoch_1_circles.dot -o graph.png",
            "  java -jar grad.jar --dataset spiral --input-features x,y,x2,y2,xy,sinx,siny --standardize --hidden-units 8,8"
                    + " --activation tanh --loss cross-entropy --lr 0.01 --epochs 100",
            "  java -jar grad.jar --dataset data.csv --label species --epochs 200",
            "  java -jar grad.jar --dataset moons --save-model moons.json",
            "  java -jar grad.jar --load-model moons.json --epochs 100 --save-model moons.json",
            "  java -jar grad.jar predict --model moons.json --input points.csv",
            "  java -jar grad.jar eval \"((a + b) * (c + d))^2\" a=1 b=2 c=3 d=4",
            "", TrainCommand.EXIT_STATUS})
public final class GradCommand extends TrainingOptions {
}
