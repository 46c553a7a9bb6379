package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grad.data.MissingValues;
import grad.data.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.TypeConversionException;

/** The typed training options, the {@code train} command and the root command's help. */
class TypedOptionsTest {
    @ParameterizedTest
    @CsvSource({"auto, AUTO", "classify, CLASSIFY", "' Classification ', CLASSIFY", "REGRESSION, REGRESSION",
        "regress, REGRESSION"})
    void taskWordsAndTheirAliasesConvertInAnyCase(String typed, Task task) {
        assertThat(new Converters.TaskChoice().convert(typed)).isEqualTo(task);
    }

    @Test
    void theListedWordsAreTheCanonicalOnesWithoutAliases() {
        List<String> words = new ArrayList<>();
        new Converters.TaskChoice().forEach(words::add);
        assertThat(words).containsExactly("auto", "classify", "regression");
        words.clear();
        new Converters.MissingChoice().forEach(words::add);
        assertThat(words).containsExactly("mean", "median", "drop", "error");
        assertThat(new Converters.MissingChoice().convert(" Median")).isEqualTo(MissingValues.MEDIAN);
        assertThatThrownBy(() -> new Converters.CategoricalChoice().convert("maybe"))
                .isInstanceOf(TypeConversionException.class);
    }

    @ParameterizedTest
    @CsvSource({"auto, true, NaN", "' AUTO ', true, NaN", "0.5, false, 0.5", "NaN, false, NaN", "1e-3, false, 0.001"})
    void aLearningRateIsANumberOrAuto(String typed, boolean auto, double value) {
        LearningRate lr = new LearningRate.Converter().convert(typed);
        assertThat(lr.auto()).isEqualTo(auto);
        assertThat(Double.valueOf(lr.value())).isEqualTo(Double.valueOf(value));   // boxed: NaN equals NaN
    }

    @Test
    void helpListsTheCandidatesOfEachChoice() {
        Cli run = Cli.run("train", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().filter(l -> l.contains("--task=KIND ")))
                .singleElement().asString().contains("auto, classify, regression (default: auto)");
        assertThat(run.out()).contains("mean, median, drop, error;");
    }

    @Test
    void gradHelpListsTheCommandsBeforeTheTrainingOptions() {
        Cli run = Cli.run("--help");
        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        int commands = lines.indexOf("Commands:");
        int train = lines.indexOf(lines.stream().filter(l -> l.startsWith("  train ")).findFirst().orElseThrow());
        int options = lines.indexOf("Training options (as in 'grad train --help'):");
        int dataset = lines.indexOf(lines.stream().filter(l -> l.contains("--dataset=")).findFirst().orElseThrow());
        assertThat(commands).isPositive().isLessThan(train);
        assertThat(train).isLessThan(options);
        assertThat(options).isLessThan(dataset);
    }

    @Test
    void aBadValueUnderTrainPointsToTrainsHelp() {
        Cli run = Cli.run("train", "--missing", "foo");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().toList()).containsExactly(
                "grad: --missing must be mean, median, drop or error, not 'foo'",
                "Try 'grad train --help' for more information.");
    }
}
