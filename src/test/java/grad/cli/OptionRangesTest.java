package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bad value's one-line message says what that command's option accepts: options of the same name in
 * other commands ({@code text --engine}, {@code text --lr}, {@code gpt2 --engine}) accept other things.
 */
class OptionRangesTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new String[] {"--engine", "fast"}, "grad: --engine must be value, interpreted or compiled, not 'fast'"),
                Arguments.of(new String[] {"train", "--engine", "fast"}, "grad: --engine must be value, interpreted or compiled, not 'fast'"),
                Arguments.of(new String[] {"--lr", "abc"}, "grad: --lr must be a finite number > 0 or auto, not 'abc'"),
                Arguments.of(new String[] {"text", "--engine", "fast"}, "grad: Invalid value for option '--engine': expected compiled or value, not 'fast'"),
                Arguments.of(new String[] {"gpt2", "--engine", "fast", "--model", "m"}, "grad: --engine must be auto, tensor or float, not 'fast'"),
                Arguments.of(new String[] {"--batch-size", "x"}, "grad: --batch-size must be a whole number from 1 to 2147483647, not 'x'"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void saysWhatThisCommandsOptionAccepts(String[] args, String expected) {
        Cli run = Cli.run(args);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).first().isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("textLr")
    void textLrDoesNotOfferAuto(String value) {
        Cli run = Cli.run("text", "--lr", value);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).first().asString().startsWith("grad: ").contains("--lr").doesNotContain("auto");
    }

    static Stream<String> textLr() {
        return Stream.of("abc", "1e");
    }
}
