package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code --help} can be copied from, and a misspelt option gets a suggestion. */
class HelpTest {

    /** The footer lines as the command declares them, before wrapping. */
    private static List<String> declared(String subcommand) {
        CommandLine cmd = Main.commandLine();
        CommandLine c = subcommand.isEmpty() ? cmd : cmd.getSubcommands().get(subcommand);
        return List.of(c.getCommandSpec().usageMessage().footer());
    }

    @ParameterizedTest
    @CsvSource({"'', 80", "'', 60", "lr-find, 80", "predict, 55", "eval, 55"})
    void theExamplesWrapAtSpacesWithContinuationsSoThatTheyCanBeCopied(String subcommand, int width) {
        CommandLine cmd = Main.commandLine();
        cmd.setUsageHelpWidth(width);
        String[] args = subcommand.isEmpty() ? new String[] {"--help"} : new String[] {subcommand, "--help"};
        Cli run = Cli.run(cmd, args);
        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(width));

        // each example, its continuation lines joined back, is the command as declared, every word whole
        List<String> examples = new ArrayList<>();
        int start = Math.max(lines.indexOf("Examples:"), lines.indexOf("Example:"));
        assertThat(start).isPositive();
        StringBuilder command = null;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (command != null) {
                command.append(' ').append(line.strip());
            } else if (line.startsWith("  ")) {
                command = new StringBuilder("  " + line.strip());
            } else {
                break;
            }
            if (command.toString().endsWith(" \\")) {
                command.setLength(command.length() - 2);
            } else {
                examples.add(command.toString());
                command = null;
            }
        }
        assertThat(examples).isNotEmpty()
                .isEqualTo(declared(subcommand).stream().filter(l -> l.startsWith("  ")).toList());
        assertThat(run.out()).doesNotContain("moons.\n").doesNotContain("--lr\n0.01");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--epoch 5|unknown option '--epoch'; did you mean --epochs?",
        "--datset moons|unknown option '--datset'; did you mean --dataset?",
        "--hidden-unit 4|unknown option '--hidden-unit'; did you mean --hidden-units?",
        "evl 1+2|unknown command 'evl'; did you mean eval?"})
    void aMisspeltOptionGetsASuggestion(String args, String message) {
        Cli run = Cli.run(args.split(" "));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("grad: " + message, "Try 'grad --help' for more information.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--frobnicate"})
    void anOptionLikeNoneIsUnknownWithoutASuggestion(String option) {
        Cli run = Cli.run(option);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines().get(0)).isEqualTo("grad: Unknown option: '" + option + "'");
    }
}
