package grad.cli;

import static java.util.Map.entry;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What each option accepts, so that every bad value gets the same kind of one-line answer:
 * {@code --epochs must be a whole number from 1 to 2147483647, not '0'} — whether picocli could not
 * parse the value or {@link GradCommand#config()} found it out of range.
 */
final class OptionRanges {
    static final int MAX_THREADS = 1024;
    /** The most weights between hidden layers: beyond, the scalar engine is hopeless and memory runs out. */
    static final long MAX_HIDDEN_WEIGHTS = 10_000_000;

    private static final String POSITIVE = "a whole number from 1 to " + Integer.MAX_VALUE;
    private static final Map<String, String> ACCEPTED = Map.ofEntries(
            entry("--batch-size", POSITIVE),
            entry("--epochs", POSITIVE),
            entry("--print-epochs", POSITIVE),
            entry("--graphviz-max-nodes", POSITIVE),
            entry("--threads", "a whole number from 1 to " + MAX_THREADS),
            entry("--class-size", "a whole number from 1 to " + DatasetOptions.MAX_CLASS_SIZE),
            entry("--gif-every", "a whole number from 0 (at print epochs) to " + Integer.MAX_VALUE),
            entry("--seed", "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE),
            entry("--lr", "a finite number > 0 or auto"),
            entry("--momentum", "a number in [0, 1)"),
            entry("--optimizer", "sgd, adam or adamw"),
            entry("--beta1", "a number in [0, 1)"),
            entry("--beta2", "a number in [0, 1)"),
            entry("--eps", "a finite number > 0"),
            entry("--engine", "value, interpreted or compiled"),
            entry("--weight-decay", "a finite number >= 0"),
            entry("--l1", "a finite number >= 0"),
            entry("--test-split", "a number in [0, 1)"),
            entry("--early-stopping", POSITIVE),
            entry("--validation-split", "a number in (0, 1)"),
            entry("--noise", "a number from 0 to 0.5"),
            entry("--input-features", "a comma-separated list of distinct names among x, y, x2, y2, xy, sinx, siny"),
            entry("--hidden-units", "a comma-separated list of layer sizes from 1 to 100000 (e.g. 10 or 16,16)"),
            entry("--activation", "relu, tanh, sigmoid or linear"),
            entry("--loss", "mse or cross-entropy"),
            entry("--init", "he, xavier or uniform:A,B with numbers A < B"));

    private OptionRanges() {
    }

    /** A usage error for {@code option}, unless {@code ok}. */
    static void check(CommandSpec spec, String option, boolean ok) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message(spec.findOption(option), given(spec, option)));
        }
    }

    /**
     * The message for a usage error: for a value picocli could not convert, "--x must be …, not '…'"; for a
     * misspelt option or command, "unknown option '--epoch'; did you mean --epochs?"; otherwise picocli's own.
     */
    static String message(ParameterException e) {
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty() && !u.getSuggestions().isEmpty()) {
            String typed = u.getUnmatched().get(0);
            List<String> suggestions = u.getSuggestions();
            List<String> longer = suggestions.stream().filter(s -> s.startsWith(typed)).toList();
            suggestions = longer.isEmpty() ? suggestions : longer;   // '--epoch': --epochs, not also --eps
            return "unknown " + (typed.startsWith("-") ? "option" : "command") + " '" + typed + "'; did you mean "
                    + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?";
        }
        if (e.getCause() != null && e.getValue() != null && e.getArgSpec() instanceof OptionSpec option
                && accepted(option) != null) {
            return message(option, e.getValue());
        }
        return e.getMessage();
    }

    private static String message(OptionSpec option, String value) {
        return option.longestName() + " must be " + accepted(option) + ", not '" + value + "'";
    }

    /**
     * What {@code option} accepts: its entry above when it is one of the training options (other commands
     * have options of the same name that accept other things, such as {@code text --engine}), or else the
     * words of a {@link Converters.Choice}.
     */
    private static String accepted(OptionSpec option) {
        String accepted = isTrainingOption(option) ? ACCEPTED.get(option.longestName()) : null;
        if (accepted != null || !(option.completionCandidates() instanceof Converters.Choice<?> choice)) {
            return accepted;
        }
        List<String> words = new ArrayList<>();
        choice.forEach(words::add);
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static boolean isTrainingOption(OptionSpec option) {
        return option.userObject() instanceof Field field
                && (field.getDeclaringClass() == TrainingOptions.class || field.getDeclaringClass() == DatasetOptions.class
                        || field.getDeclaringClass() == TrainingOptions.CsvArgs.class);
    }

    /** The value as the user typed it (the last, when given more than once). */
    private static String given(CommandSpec spec, String option) {
        OptionSpec o = spec.findOption(option);
        List<String> typed = o == null ? List.of() : o.originalStringValues();
        return typed.isEmpty() ? String.valueOf(o == null ? null : o.getValue()) : typed.get(typed.size() - 1);
    }
}
