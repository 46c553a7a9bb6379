package grad.cli;

import grad.GradException;
import grad.playground.TrainingOptionsReader;
import grad.train.TrainingPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The training command's options read and validated exactly as {@code java -jar grad.jar …} reads them,
 * for a caller that is not the command line ({@code grad playground}): each setting the page changes is
 * checked by the same picocli options and ranges, and a bad one gets the same one-line message.
 */
public final class TrainingArguments {
    /** {@link #plan} and {@link #options}, for {@code grad playground}. */
    public static final TrainingOptionsReader READER = new TrainingOptionsReader() {
        @Override
        public TrainingPlan plan(List<String> args) {
            return TrainingArguments.plan(args);
        }

        @Override
        public List<Map.Entry<String, String>> options(List<String> args) {
            return TrainingArguments.options(args);
        }
    };

    private TrainingArguments() {
    }

    /**
     * The plan that {@code args} (training options, no subcommand) would train.
     *
     * @throws GradException with exit code 2 and the command line's one-line message for a bad option, or
     *                       the message of a bad file (exit code 1)
     */
    public static TrainingPlan plan(List<String> args) {
        GradCommand command = new GradCommand();
        CommandLine cli = new CommandLine(command);
        try {
            CommandLine.ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
            if (parsed.hasSubcommand()) {
                throw new GradException("'" + parsed.subcommand().commandSpec().name() + "' is not a training option", 2, null);
            }
            if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
                throw new GradException("--help and --version are not training options", 2, null);
            }
            return command.plan();
        } catch (ParameterException e) {
            throw new GradException(Main.oneLine(OptionRanges.message(e)), 2, e);
        }
    }

    /**
     * {@code args}, valid training options (see {@link #plan}), as pairs of each option's longest name and its
     * value as typed; a flag's value is {@code true}, or {@code false} for its {@code --no-} form.
     */
    public static List<Map.Entry<String, String>> options(List<String> args) {
        CommandSpec spec = new CommandLine(new GradCommand()).getCommandSpec();
        List<Map.Entry<String, String>> options = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String token = args.get(i);
            int eq = token.indexOf('=');
            String name = token.startsWith("-") && eq > 0 ? token.substring(0, eq) : token;
            String value = token.startsWith("-") && eq > 0 ? token.substring(eq + 1) : null;
            OptionSpec option = spec.findOption(name);
            boolean negated = false;
            if (option == null && value == null && token.matches("-[a-zA-Z].+")) { // -b50
                option = spec.findOption(token.substring(0, 2));
                value = option == null || option.arity().max() == 0 ? null : token.substring(2);
            }
            if (option == null && name.startsWith("--no-")) {
                option = spec.findOption("--" + name.substring(5));
                negated = option != null && option.negatable();
            }
            if (option == null) {
                throw new GradException("Unknown option: '" + token + "'", 2, null);
            }
            if (option.arity().max() == 0) {
                value = String.valueOf(!negated);
            } else if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new GradException("Missing required parameter for option '" + option.longestName() + "'", 2, null);
                }
                value = args.get(++i);
            }
            options.add(Map.entry(option.longestName(), value));
        }
        return options;
    }
}
