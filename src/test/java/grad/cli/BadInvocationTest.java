package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad invocation gets one line on stderr naming the option or file (plus picocli's "Try --help"
 * line for usage errors), the documented exit code, and no stack trace. {@code {dir}} in arguments is
 * the directory with the fixture files.
 */
class BadInvocationTest {
    private static final int USAGE = 2;
    private static final int DATA = 1;
    private static final int DIVERGED = 3;
    private static final List<String> SUBCOMMANDS = List.of("export", "predict", "eval");
    /** A Java class name, qualified ({@code org.apache.commons.csv.CSVException}) or an exception's simple name. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:java|javax|jdk|sun|org|com)\\.[a-z]\\w*|\\b[a-z]+\\.[a-z]+\\.[A-Z]\\w*|\\b[A-Z]\\w*(?:Exception|Error)\\b");

    @TempDir
    static Path dir;

    @BeforeAll
    static void fixtures() throws IOException {
        Files.writeString(dir.resolve("bad-number.csv"), "x,y,label\n1,2,a\n3,4,b\n5,x,a\n");
        Files.writeString(dir.resolve("short-row.csv"), "x,y,label\n1,2,a\n3,4\n");
        Files.writeString(dir.resolve("missing-cell.csv"), "x,y,label\n1,2,a\nNA,4,b\n1,2,a\n3,4,b\n");
        Files.writeString(dir.resolve("no-labels.csv"), "x,y,label\n1,2,\n3,4,?\n");
        StringBuilder ids = new StringBuilder("id,x,label\n");
        for (int i = 0; i < 1000; i++) {
            ids.append("p").append(i).append(',').append(i % 7).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Files.writeString(dir.resolve("ids.csv"), ids);
        Files.writeString(dir.resolve("empty.csv"), "");
        Files.writeString(dir.resolve("one-class.csv"), "x,y,label\n1,2,a\n3,4,a\n");
        byte[] binary = new byte[512];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        Files.write(dir.resolve("binary.csv"), binary);
        Files.write(dir.resolve("binary-no-extension"), binary);
        Files.write(dir.resolve("latin1.csv"), "x,y,label\n1,2,café\n3,4,b\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("ok.csv"), "x,y,label\n1,2,a\n3,4,b\n1,2,a\n3,4,b\n1,2,a\n3,4,b\n");
        Files.writeString(dir.resolve("a-file"), "not a directory");
        Files.createDirectories(dir.resolve("a-directory"));
        Files.writeString(dir.resolve("bad-quote.csv"), "x,y,label\n1,2,a\n\"0.3\"x,2,b\n");
        Files.writeString(dir.resolve("open-quote.csv"), "x,y,label\n1,2,a\n\"0.3,2,b\n");
        Files.write(dir.resolve("bad-utf8.csv"), "x,y\n1,2\n3,\u00ff\n".getBytes(StandardCharsets.ISO_8859_1));
        try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(dir.resolve("points.csv.gz")))) {
            gz.write("x,y\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }
        Cli saved = Cli.run("--epochs", "2", "--no-plots", "-o", dir.resolve("m-out").toString(),
                "--save-model", dir.resolve("m.json").toString());
        assertThat(saved.exitCode()).as(saved.err()).isZero();
        String model = Files.readString(dir.resolve("m.json"));
        Files.writeString(dir.resolve("truncated.json"), model.substring(0, model.indexOf("\"network\"") + 40));
        Files.writeString(dir.resolve("empty.json"), "");
        Files.writeString(dir.resolve("huge.csv"), "x,y,label\n1,1e308,a\n2,-1e308,b\n1,2,a\n3,4,b\n");
        Files.writeString(dir.resolve("nan.json"), "NaN\n");
        Files.writeString(dir.resolve("deep.json"), "[".repeat(100_000) + "]".repeat(100_000));
        Files.writeString(dir.resolve("trailing.json"), model + "{}\n");
    }

    static Stream<Arguments> invocations() {
        return Stream.of(
                // numbers out of range or not numbers: usage errors naming the option and its range
                bad(USAGE, "--lr must be a finite number > 0 or auto, not '0'", "--lr", "0"),
                bad(USAGE, "--lr must be a finite number > 0 or auto, not '-0.5'", "--lr", "-0.5"),
                bad(USAGE, "--lr must be a finite number > 0 or auto, not 'NaN'", "--lr", "NaN"),
                bad(USAGE, "--lr must be a finite number > 0 or auto, not 'Infinity'", "--lr", "Infinity"),
                bad(USAGE, "--lr must be a finite number > 0 or auto, not '1e400'", "--lr", "1e400"),
                bad(USAGE, "--lr must be a finite number > 0 or auto, not 'fast'", "--lr", "fast"),
                bad(USAGE, "--momentum must be a number in [0, 1), not '1'", "--momentum", "1"),
                bad(USAGE, "--momentum must be a number in [0, 1), not '-0.1'", "--momentum", "-0.1"),
                bad(USAGE, "--momentum must be a number in [0, 1), not 'NaN'", "--momentum", "NaN"),
                bad(USAGE, "--batch-size must be a whole number from 1 to 2147483647, not '0'", "--batch-size", "0"),
                bad(USAGE, "--batch-size must be a whole number from 1 to 2147483647, not '2.5'", "-b", "2.5"),
                bad(USAGE, "--epochs must be a whole number from 1 to 2147483647, not '0'", "--epochs", "0"),
                bad(USAGE, "--epochs must be a whole number from 1 to 2147483647, not '99999999999'", "-e", "99999999999"),
                bad(USAGE, "--class-size must be a whole number from 1 to 10000000, not '0'", "--class-size", "0"),
                bad(USAGE, "--class-size must be a whole number from 1 to 10000000, not '3000000000'", "-c", "3000000000"),
                bad(USAGE, "--print-epochs must be a whole number from 1 to 2147483647, not '-3'", "--print-epochs", "-3"),
                bad(USAGE, "--threads must be a whole number from 1 to 1024, not '0'", "--threads", "0"),
                bad(USAGE, "--threads must be a whole number from 1 to 1024, not '5000'", "--threads", "5000"),
                bad(USAGE, "--graphviz-max-nodes must be a whole number from 1 to 2147483647, not '0'", "--graphviz-max-nodes", "0"),
                bad(USAGE, "--gif-every must be a whole number from 0 (at print epochs) to 2147483647, not '-1'", "--gif-every", "-1"),
                bad(USAGE, "--weight-decay must be a finite number >= 0, not '-1'", "--weight-decay", "-1"),
                bad(USAGE, "--l1 must be a finite number >= 0, not '-0.001'", "--l1", "-0.001"),
                bad(USAGE, "--l1 must be a finite number >= 0, not 'Infinity'", "--l1", "Infinity"),
                bad(USAGE, "--l1 must be a finite number >= 0, not 'some'", "--l1", "some"),
                bad(USAGE, "--optimizer must be sgd, adam or adamw, not 'rmsprop'", "--optimizer", "rmsprop"),
                bad(USAGE, "--beta1 must be a number in [0, 1), not '1'", "--optimizer", "adam", "--beta1", "1"),
                bad(USAGE, "--beta2 must be a number in [0, 1), not '-0.1'", "--optimizer", "adam", "--beta2", "-0.1"),
                bad(USAGE, "--beta2 must be a number in [0, 1), not 'NaN'", "--optimizer", "adamw", "--beta2", "NaN"),
                bad(USAGE, "--eps must be a finite number > 0, not '0'", "--optimizer", "adam", "--eps", "0"),
                bad(USAGE, "--eps must be a finite number > 0, not 'tiny'", "--optimizer", "adam", "--eps", "tiny"),
                bad(USAGE, "--beta1 is Adam's; it does not apply to --optimizer sgd", "--beta1", "0.8"),
                bad(USAGE, "--l1 is SGD's; it does not apply to --optimizer adam", "--optimizer", "adam", "--l1", "0.01"),
                bad(USAGE, "--momentum is SGD's; it does not apply to --optimizer adamw", "--optimizer", "adamw",
                        "--momentum", "0.5"),
                bad(USAGE, "--nesterov is SGD's; it does not apply to --optimizer adam", "--optimizer", "adam", "--nesterov"),
                bad(USAGE, "--engine must be value, interpreted or compiled, not 'fast'", "--engine", "fast"),
                bad(USAGE, "--seed must be a whole number from -9223372036854775808 to 9223372036854775807, not '1e3'", "--seed", "1e3"),
                bad(USAGE, "--noise must be a number from 0 to 0.5, not '0.6'", "--noise", "0.6"),
                bad(USAGE, "--noise must be a number from 0 to 0.5, not '-0.1'", "--noise", "-0.1"),
                bad(USAGE, "--noise must be a number from 0 to 0.5, not 'NaN'", "--noise", "NaN"),
                bad(USAGE, "--noise must be a number from 0 to 0.5, not 'lots'", "--noise", "lots"),
                bad(USAGE, "--noise must be a number from 0 to 0.5, not '1'", "export", "--out", "{dir}/x.csv", "--noise", "1"),
                bad(USAGE, "--test-split must be a number in [0, 1), not '1'", "--test-split", "1"),
                bad(USAGE, "--test-split must be a number in [0, 1), not '-0.1'", "--test-split", "-0.1"),
                bad(USAGE, "--early-stopping must be a whole number from 1 to 2147483647, not '0'", "--early-stopping", "0"),
                bad(USAGE, "--early-stopping must be a whole number from 1 to 2147483647, not 'x'", "--early-stopping", "x"),
                bad(USAGE, "--validation-split must be a number in (0, 1), not '0'", "--early-stopping", "3",
                        "--validation-split", "0"),
                bad(USAGE, "--validation-split must be a number in (0, 1), not '1'", "--early-stopping", "3",
                        "--validation-split", "1"),
                bad(USAGE, "--validation-split must be a number in (0, 1), not 'NaN'", "--early-stopping", "3",
                        "--validation-split", "NaN"),
                // lists, names and forms
                bad(USAGE, "--hidden-units must be a comma-separated list of layer sizes from 1 to 100000", "--hidden-units", "0"),
                bad(USAGE, "--hidden-units must be a comma-separated list of layer sizes from 1 to 100000", "--hidden-units", "16,,16"),
                bad(USAGE, "--hidden-units must be a comma-separated list of layer sizes from 1 to 100000", "--hidden-units", "ten"),
                bad(USAGE, "--hidden-units must be a comma-separated list of layer sizes from 1 to 100000", "--hidden-units", "200000"),
                bad(USAGE, "--hidden-units 100000,100000 needs 10000000000 weights between hidden layers", "--hidden-units", "100000,100000"),
                bad(USAGE, "--init must be he, xavier or uniform:A,B with numbers A < B, not 'zeros'", "--init", "zeros"),
                bad(USAGE, "--init must be he, xavier or uniform:A,B with numbers A < B, not 'uniform:1,-1'", "--init", "uniform:1,-1"),
                bad(USAGE, "--activation must be relu, tanh, sigmoid or linear, not 'identity'", "--activation", "identity"),
                bad(USAGE, "--loss must be mse or cross-entropy, not 'hinge'", "--loss", "hinge"),
                bad(USAGE, "--input-features must be a comma-separated list of distinct names among x, y, x2, y2, xy, sinx, siny, not 'x,z'", "--input-features", "x,z"),
                bad(USAGE, "--input-features must be a comma-separated list of distinct names among x, y, x2, y2, xy, sinx, siny, not 'x,x'", "--input-features", "x,x"),
                bad(USAGE, "--input-features must be a comma-separated list of distinct names among x, y, x2, y2, xy, sinx, siny, not ''", "--input-features", ""),
                bad(USAGE, "--dataset 'spirals' is not one of linear, xor, moons, circles, spiral, gaussian, nor an existing CSV file", "--dataset", "spirals"),
                bad(USAGE, "--dataset '{dir}/a-directory' is not one of linear, xor, moons, circles, spiral, gaussian", "--dataset", "{dir}/a-directory"),
                bad(USAGE, "--delimiter must be one character such as , ; or tab, not ';;'", "-d", "{dir}/ok.csv", "--delimiter", ";;"),
                bad(USAGE, "--task must be auto, classify or regression, not 'guess'", "-d", "{dir}/ok.csv", "--task", "guess"),
                bad(USAGE, "--missing must be mean, median, drop or error, not 'foo'", "-d", "{dir}/ok.csv", "--missing", "foo"),
                bad(USAGE, "--categorical must be auto or none, not 'maybe'", "-d", "{dir}/ok.csv", "--categorical", "maybe"),
                bad(USAGE, "--categorical-columns: \"z\" is not a column of {dir}/ok.csv (columns: \"x\", \"y\", \"label\")",
                        "-d", "{dir}/ok.csv", "--categorical-columns", "x,z"),
                bad(USAGE, "--categorical-columns: \"label\" is the label column; only features can be categorical",
                        "-d", "{dir}/ok.csv", "--categorical-columns", "label"),
                bad(USAGE, "--categorical-columns: \"y\" is not one of the feature columns (\"x\")",
                        "-d", "{dir}/ok.csv", "--features", "x", "--categorical-columns", "y"),
                bad(USAGE, "Unknown option: '--learning-rate=0.1'", "--learning-rate=0.1"),
                bad(USAGE, "Expected parameter for option '--epochs'", "--epochs"),
                bad(USAGE, "--class-size must be a whole number from 1 to 10000000, not '-5'", "export", "--out", "{dir}/x.csv", "-c", "-5"),
                bad(USAGE, "--dataset 'data.csv' is not one of linear, xor, moons, circles, spiral, gaussian", "export", "--out", "{dir}/x.csv", "-d", "data.csv"),
                bad(USAGE, "Missing required option: '--out=FILE'", "export"),
                // data: file, line, column
                bad(DATA, "{dir}/bad-number.csv:4: column 2 \"y\": not a number: \"x\"", "-d", "{dir}/bad-number.csv",
                        "--categorical", "none"),
                bad(DATA, "{dir}/short-row.csv:3: expected 3 fields, found 2", "-d", "{dir}/short-row.csv"),
                bad(DATA, "{dir}/missing-cell.csv:3: column 1 \"x\": missing value", "-d", "{dir}/missing-cell.csv",
                        "--missing", "error"),
                bad(DATA, "{dir}/ids.csv: column 1 \"id\": 1000 distinct text values (at most 999 categories); an identifier?"
                        + " leave it out with --features x", "-d", "{dir}/ids.csv"),
                bad(DATA, "{dir}/no-labels.csv: no rows left: 2 without a label in column 3 \"label\", 0 with a missing feature",
                        "-d", "{dir}/no-labels.csv"),
                bad(DATA, "{dir}/empty.csv:1: empty file", "-d", "{dir}/empty.csv"),
                bad(DATA, "{dir}/binary.csv:1: binary data", "-d", "{dir}/binary.csv"),
                bad(DATA, "{dir}/binary-no-extension:1: binary data", "-d", "{dir}/binary-no-extension"),
                bad(DATA, "{dir}/latin1.csv:2: not UTF-8 text (byte 0xE9)", "-d", "{dir}/latin1.csv"),
                bad(DATA, "{dir}/missing.csv: no such file", "-d", "{dir}/missing.csv"),
                bad(DATA, "{dir}/ok.csv:1: no label column \"species\"", "-d", "{dir}/ok.csv", "--label", "species"),
                bad(DATA, "{dir}/ok.csv:1: no feature column \"z\"", "-d", "{dir}/ok.csv", "--features", "x,z"),
                bad(DATA, "{dir}/one-class.csv: column 3 \"label\": only one class", "-d", "{dir}/one-class.csv"),
                bad(USAGE, "--early-stopping starts a new network; it cannot continue --load-model", "--early-stopping",
                        "3", "--load-model", "{dir}/m.json"),
                bad(USAGE, "--lr auto starts a new network; it cannot continue --load-model", "--lr", "auto",
                        "--load-model", "{dir}/ok.csv"),
                // lr-find: the training options, with their checks
                bad(USAGE, "--batch-size must be a whole number from 1 to 2147483647, not '0'", "lr-find", "--batch-size", "0"),
                bad(USAGE, "--momentum must be a number in [0, 1), not '1'", "lr-find", "--momentum", "1"),
                bad(USAGE, "Unknown option: '--bogus'", "lr-find", "--bogus"),
                bad(USAGE, "--optimizer must be sgd, adam or adamw, not 'lbfgs'", "lr-find", "--optimizer", "lbfgs"),
                bad(USAGE, "--eps is Adam's; it does not apply to --optimizer sgd", "lr-find", "--eps", "1e-6"),
                bad(USAGE, "lr-find takes the training options only, not a subcommand or --load-model", "lr-find",
                        "--load-model", "{dir}/ok.csv"),
                bad(DATA, "{dir}/missing.csv: no such file", "lr-find", "-d", "{dir}/missing.csv"),
                // output files and directories
                bad(DATA, "output directory {dir}/a-file is a file", "-o", "{dir}/a-file"),
                bad(DATA, "cannot create output directory {dir}/a-file/out: Not a directory", "-o", "{dir}/a-file/out"),
                bad(DATA, "cannot write {dir}/a-directory: it is a directory", "export", "--out", "{dir}/a-directory"),
                bad(DATA, "cannot write {dir}/a-file/x.csv: ", "export", "--out", "{dir}/a-file/x.csv"),
                // predict reads CSV as training does (issue 19)
                bad(DATA, "{dir}/bad-quote.csv:3: malformed CSV: Invalid character between encapsulated token and delimiter",
                        "predict", "--model", "{dir}/m.json", "--input", "{dir}/bad-quote.csv"),
                bad(DATA, "{dir}/bad-quote.csv:3: malformed CSV: Invalid character between encapsulated token and delimiter",
                        "-d", "{dir}/bad-quote.csv"),
                bad(DATA, "{dir}/open-quote.csv:3: malformed CSV: EOF reached before encapsulated token finished",
                        "predict", "--model", "{dir}/m.json", "--input", "{dir}/open-quote.csv"),
                bad(DATA, "{dir}/m.json:", "predict", "--model", "{dir}/m.json", "--input", "{dir}/m.json"),
                bad(DATA, "{dir}/bad-utf8.csv:3: not UTF-8 text (byte 0xFF)",
                        "predict", "--model", "{dir}/m.json", "--input", "{dir}/bad-utf8.csv"),
                bad(DATA, "{dir}/points.csv.gz:1: binary data",
                        "predict", "--model", "{dir}/m.json", "--input", "{dir}/points.csv.gz"),
                // model files that are not JSON: line and column (issue 19)
                bad(DATA, "{dir}/truncated.json: not a grad model file (not JSON): line ",
                        "predict", "--model", "{dir}/truncated.json", "--input", "{dir}/ok.csv"),
                bad(DATA, "{dir}/empty.json: not a grad model file (not JSON): empty file",
                        "predict", "--model", "{dir}/empty.json", "--input", "{dir}/ok.csv"),
                bad(DATA, "{dir}/nan.json: not a grad model file (not JSON): line 1 column 1: malformed JSON",
                        "predict", "--model", "{dir}/nan.json", "--input", "{dir}/ok.csv"),
                bad(DATA, "{dir}/deep.json: not a grad model file (not JSON): line 1 column 257: nested more than 255 deep",
                        "predict", "--model", "{dir}/deep.json", "--input", "{dir}/ok.csv"),
                bad(DATA, "{dir}/trailing.json: not a grad model file (not JSON): line 195 column 2: more data after the end",
                        "predict", "--model", "{dir}/trailing.json", "--input", "{dir}/ok.csv"),
                bad(DATA, "{dir}/ok.csv: not a grad model file (not JSON): line 1 column 1: malformed JSON",
                        "predict", "--model", "{dir}/ok.csv", "--input", "{dir}/ok.csv"),
                bad(DATA, "{dir}/truncated.json: not a grad model file (not JSON): line ",
                        "--load-model", "{dir}/truncated.json"),
                // usage errors found after parsing still get the hint line (issue 19)
                bad(USAGE, "the model has trained 2 epochs already ({dir}/m.json); --epochs counts them too, so ask for more,"
                        + " e.g. --epochs 3", "--load-model", "{dir}/m.json", "--epochs", "1"),
                bad(USAGE, "--hidden-units 3 differs from the model's 10 ({dir}/m.json)",
                        "--load-model", "{dir}/m.json", "--epochs", "3", "--hidden-units", "3"),
                bad(USAGE, "--seed 5 differs from the model's seed 42 ({dir}/m.json)",
                        "--load-model", "{dir}/m.json", "--epochs", "3", "--seed", "5"),
                bad(USAGE, "grad eval: 'a' is given twice", "eval", "a+b", "a=1", "a=2", "b=3"),
                bad(USAGE, "grad eval: malformed assignment 'a=abc': 'abc' is not a number", "eval", "a", "a=abc"),
                bad(USAGE, "grad eval: malformed assignment 'α=1': 'α' is not a name (ASCII letters, digits and _,",
                        "eval", "α + β", "α=1", "β=2"),
                // control characters quoted; options refused as what they are (issue 19)
                bad(USAGE, "--delimiter cannot be a line break, not '\\n'", "-d", "{dir}/ok.csv", "--delimiter", "\n"),
                bad(USAGE, "--delimiter cannot be the quote character \" (it quotes fields), not '\"'",
                        "-d", "{dir}/ok.csv", "--delimiter", "\""),
                bad(USAGE, "--output-dir must name a directory, not ''", "-o", ""),
                // the data, not the learning rate, when standardization overflows; the decay when it is too strong
                bad(DATA, "huge: feature column \"y\": values too large to standardize (their mean or spread overflows);"
                        + " scale the column down", "-d", "{dir}/huge.csv"),
                bad(DIVERGED, "try a lower --weight-decay (now 1.0E308; times --lr 0.001 it should stay well below 1)",
                        "--weight-decay", "1e308", "--epochs", "1", "--no-report"),
                // an unwritable --save-model is found before epoch 1
                bad(DATA, "cannot write {dir}/a-directory: it is a directory", "--save-model", "{dir}/a-directory"),
                bad(DATA, "cannot write {dir}/a-file/m.json: ", "--save-model", "{dir}/a-file/m.json"));
    }

    private static Arguments bad(int exitCode, String message, String... args) {
        return arguments(exitCode, message, Arrays.asList(args));
    }

    @ParameterizedTest(name = "[{index}] grad {2} -> {0}")
    @MethodSource("invocations")
    void answersInOneLine(int exitCode, String message, List<String> args) {
        List<String> argv = new ArrayList<>();
        for (String arg : args) {
            argv.add(arg.replace("{dir}", dir.toString()));
        }
        if (argv.isEmpty() || !SUBCOMMANDS.contains(argv.get(0))) {
            // no case gets as far as training; should one, it stays small and draws nothing
            argv.add(0, "--no-plots");
            if (!argv.contains("-o")) {
                argv.addAll(List.of("-o", dir.resolve("out").toString()));
            }
        }

        Cli run = Cli.run(argv);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        List<String> lines = run.errLines();
        assertThat(lines.get(0)).startsWith(argv.get(0).equals("eval") ? "grad eval: " : "grad: ")
                .contains(message.replace("{dir}", dir.toString()));
        if (exitCode == USAGE) {
            assertThat(lines).hasSize(2);
            assertThat(lines.get(1)).matches("Try 'grad( export| predict| eval| lr-find)? --help' for more information\\.");
        } else {
            assertThat(lines).hasSize(1);
        }
        if (exitCode != DIVERGED) {
            assertThat(run.out()).isEmpty();
        }
        assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("at grad.")
                .doesNotContain("internal error");
        assertThat(CLASS_NAME.matcher(run.out() + run.err()).results().map(m -> m.group()).toList())
                .as("Java class names in %s", run.err()).isEmpty();
    }

    @Test
    void classNamesWithLineBreaksAreQuotedOnTheConsole() throws IOException {
        Path data = dir.resolve("newline-labels.csv");
        Files.writeString(data, "x,y,label\n1,2,\"a\nb\"\n3,4,c\n1,2,\"a\nb\"\n3,4,c\n");
        Cli run = Cli.run("-d", data.toString(), "--epochs", "1", "--no-plots", "--no-report",
                "-o", dir.resolve("out-newline").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 classes [\"a\\nb\", c]");
        assertThat(run.out().lines().map(String::strip).toList())
                .contains("\"a\\nb\"        c", "\"a\\nb\"        2        0", "c        0        2");
        assertThat(run.out().lines().filter(l -> l.strip().equals("b\"") || l.strip().startsWith("b\" "))).isEmpty();
    }

    @Test
    void theClassNamePatternFindsWhatIssue19Saw() {
        assertThat(CLASS_NAME.matcher("malformed CSV: org.apache.commons.csv.CSVException: Invalid").find()).isTrue();
        assertThat(CLASS_NAME.matcher("internal error: NullPointerException").find()).isTrue();
        assertThat(CLASS_NAME.matcher("cannot read: java.io.IOException").find()).isTrue();
        assertThat(CLASS_NAME.matcher("grad: points.csv:3: malformed CSV: Invalid character").find()).isFalse();
    }

}
