package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Main.commandLine(args)} builds only the command its arguments name: it must print, parse and
 * fail exactly as the whole tree does, and build the whole tree when they name none.
 */
class CommandBranchTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "text --help", "text sample --help", "text score --help", "text --version", "text --bogus",
        "text --model nope", "text --n-embd 10 --n-head 4", "text --steps 0", "text --lr abc", "text sample",
        "text score --model /no/such/model.json /no/such/lines.txt", "text --file /no/such/names.txt -o /tmp/unused",
        "gpt2 --help", "gpt2 --bogus", "eval --help", "eval -x^2 x=3", "eval", "export --help", "export",
        "predict --help", "predict", "lr-find --help", "lr-find --lr abc", "train --help", "train --epochs 0",
        "playground --help", "playground --port -1"})
    void aCommandsBranchPrintsParsesAndFailsAsTheWholeTreeDoes(String line) {
        String[] args = line.split(" ");
        Cli whole = Cli.run(Main.commandLine(), args);
        Cli branch = Cli.run(Main.commandLine(args), args);
        assertThat(branch.exitCode()).as(line).isEqualTo(whole.exitCode());
        assertThat(branch.out()).as(line).isEqualTo(whole.out());
        assertThat(branch.err()).as(line).isEqualTo(whole.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "text sample", "gpt2", "eval", "export", "predict", "lr-find", "train", "playground"})
    void theBranchHoldsOnlyTheCommandNamed(String line) {
        String[] args = line.split(" ");
        assertThat(Main.commandLine(args).getSubcommands().keySet()).containsExactly(args[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--dataset xor", "--help", "txt", "--lr 0.1 text"})
    void argumentsThatNameNoCommandGetTheWholeTree(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertThat(Main.commandLine(args).getSubcommands().keySet())
                .containsAll(List.of("train", "eval", "export", "predict", "lr-find", "text", "gpt2", "playground"));
    }
}
