package grad.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import grad.GradException;
import grad.cli.Main;
import grad.cli.TrainingArguments;
import grad.train.LiveRun;
import grad.train.TrainingPlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * The page's settings as command-line arguments, and the command the page shows: it must train what the
 * page trained (the model file after n epochs is the same byte for byte), and every value goes through the
 * command line's own checks.
 */
class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void theCommandLinesOptionsInAnySpellingBecomeOneSettingEach() {
        Settings s = Settings.of(TrainingArguments.READER, List.of("-d", "spiral", "--lr=0.01", "-b25", "--nesterov", "--no-standardize",
                "--hidden-units", "8,8"));
        assertThat(s.args()).containsExactly("--dataset", "spiral", "--lr", "0.01", "--batch-size", "25", "--nesterov",
                "--no-standardize", "--hidden-units", "8,8", "--test-split", "0.5");
        assertThat(s.plan().batchSize()).isEqualTo(25);
        assertThat(s.plan().optimizer().lr()).isEqualTo(0.01);
        assertThat(s.plan().data().standardizes()).isFalse();
    }

    @Test
    void theCommandIsQuotedForTheShell() {
        assertThat(Command.line(List.of("--dataset", "my data.csv", "--label", "it's", "--lr", "0.01")))
                .isEqualTo("java -jar grad.jar --dataset 'my data.csv' --label 'it'\\''s' --lr 0.01");
    }

    @Test
    void refusesWhatTheCommandLineRefusesWithItsMessage() {
        assertThatThrownBy(() -> Settings.of(TrainingArguments.READER, List.of("--momentum", "2")))
                .isInstanceOf(GradException.class).hasMessage(cliError("--momentum", "2"));
        Settings s = Settings.of(TrainingArguments.READER, List.of());
        assertThatThrownBy(() -> s.with(Map.of("--activation", "swish")))
                .hasMessage(cliError("--activation", "swish"));
        assertThatThrownBy(() -> Settings.of(TrainingArguments.READER, List.of("--bogus"))).hasMessageContaining("--bogus");
    }

    @Test
    void refusesWhatThePlaygroundCannotDo() {
        assertThatThrownBy(() -> Settings.of(TrainingArguments.READER, List.of("--early-stopping", "5")))
                .hasMessageStartingWith("--early-stopping is not for the playground");
        Settings s = Settings.of(TrainingArguments.READER, List.of());
        assertThatThrownBy(() -> s.with(Map.of("--output-dir", "/tmp"))).hasMessageStartingWith("'--output-dir' is not a setting of the page");
        assertThatThrownBy(() -> s.with(Map.of("--dataset", "pom.xml"))).hasMessageStartingWith("--dataset 'pom.xml' is not one of");
        assertThatThrownBy(() -> s.with(Map.of("--hidden-units", "4,17"))).hasMessageContaining("at most 6 hidden layers of at most 16");
        assertThatThrownBy(() -> s.with(Map.of("--lr", "auto"))).hasMessageStartingWith("--lr auto runs lr-find first");
    }

    @Test
    void aValueSetToNullGoesBackToTheDefault() {
        Settings s = Settings.of(TrainingArguments.READER, List.of("--momentum", "0.5"));
        Map<String, String> back = new HashMap<>();
        back.put("--momentum", null);
        assertThat(s.with(back).plan().optimizer().momentum()).isEqualTo(0.9);
        assertThat(s.with(back).args()).doesNotContain("--momentum");
    }

    /** After n epochs the page's network is the command's: the same model file, byte for byte. */
    @Test
    void theShownCommandTrainsWhatThePageTrained() throws Exception {
        Settings s = Settings.of(TrainingArguments.READER, List.of("--dataset", "moons", "--class-size", "100"))
                .with(inOrder("--hidden-units", "5,3", "--lr", "0.02", "--input-features", "x,y,xy", "--activation", "tanh"));
        Path page = dir.resolve("page.json");
        try (LiveRun run = new LiveRun(s.plan())) {
            for (int i = 0; i < 7; i++) {
                run.step();
            }
            run.save(page);
        }
        Path cli = dir.resolve("cli.json");
        List<String> args = new ArrayList<>(s.args(7));
        args.addAll(List.of("--save-model", cli.toString(), "--no-plots", "--no-report", "-o", dir.resolve("out").toString()));
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(new StringWriter(), true));
        command.setErr(new PrintWriter(err, true));
        assertThat(command.execute(args.toArray(String[]::new))).as(err.toString()).isZero();
        assertThat(Files.readString(page)).isEqualTo(Files.readString(cli));
        assertThat(Command.line(s.args(7))).isEqualTo("java -jar grad.jar --dataset moons --class-size 100 --test-split 0.5"
                + " --hidden-units 5,3 --lr 0.02 --input-features x,y,xy --activation tanh --epochs 7");
    }

    /**
     * Adam and AdamW from the page: the page's network after n epochs is the shown command's, byte for byte,
     * and the shown line, split by a real shell, is read by the real command into the same settings.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--optimizer adam --beta1 0.8 --beta2 0.99 --eps 1e-6 --lr 0.01|adam",
        "--optimizer adamw --weight-decay 0.05 --lr 0.01|adamw",
        "--optimizer adamw --lr 0.02|adamw",
        "--nesterov true --momentum 0.8 --l1 0.001|sgd"})
    void eachOptimizersCommandTrainsWhatThePageTrained(String changes, String kind) throws Exception {
        Settings s = Settings.of(TrainingArguments.READER, List.of("--dataset", "xor", "--class-size", "60", "--hidden-units", "4"))
                .with(inOrder(changes.split(" ")));
        assertThat(s.plan().optimizer().kind().id()).isEqualTo(kind);
        Path page = dir.resolve("page.json");
        try (LiveRun run = new LiveRun(s.plan())) {
            for (int i = 0; i < 4; i++) {
                run.step();
            }
            run.save(page);
        }
        Path cli = dir.resolve("cli.json");
        assertThat(execute(s.args(4), "--save-model", cli.toString(), "--no-plots", "--no-report", "-o",
                dir.resolve("out").toString())).isZero();
        assertThat(Files.readString(page)).isEqualTo(Files.readString(cli));

        String line = Command.line(s.args(4));
        assertThat(line).contains(kind.equals("sgd") ? " --nesterov " : " --optimizer " + kind + " ");
        TrainingPlan shown = TrainingArguments.plan(shellWords(line));
        assertThat(shown.optimizer()).isEqualTo(s.plan().optimizer());
        assertThat(shown.data()).isEqualTo(s.plan().data());
        assertThat(shown.model().hidden()).isEqualTo(s.plan().model().hidden());
        assertThat(shown.batchSize()).isEqualTo(s.plan().batchSize());
        assertThat(shown.epochs()).isEqualTo(4);
    }

    /** Another optimizer forgets the options only the last one had; together with one, the CLI's own message. */
    @Test
    void switchingTheOptimizerForgetsTheOtherOnesOptions() {
        Settings sgd = Settings.of(TrainingArguments.READER, List.of("--momentum", "0.5", "--l1", "0.001", "--weight-decay", "0.01", "--lr", "0.1"));
        Settings adam = sgd.with(inOrder("--optimizer", "adam", "--beta1", "0.8"));
        assertThat(adam.args()).containsExactly("--weight-decay", "0.01", "--lr", "0.1", "--test-split", "0.5",
                "--optimizer", "adam", "--beta1", "0.8");
        assertThat(adam.with(inOrder("--optimizer", "adamw")).args()).contains("--beta1", "--optimizer", "adamw");
        Map<String, String> back = new HashMap<>();
        back.put("--optimizer", null);
        assertThat(adam.with(back).args()).containsExactly("--weight-decay", "0.01", "--lr", "0.1", "--test-split", "0.5");
        assertThat(adam.with(back).plan().optimizer().momentum()).isEqualTo(0.9);
        assertThatThrownBy(() -> sgd.with(inOrder("--optimizer", "adam", "--momentum", "0.5")))
                .hasMessage(cliError("--optimizer", "adam", "--momentum", "0.5"));
        assertThatThrownBy(() -> adam.with(inOrder("--momentum", "0.5")))
                .hasMessage(cliError("--optimizer", "adam", "--momentum", "0.5"));
        assertThatThrownBy(() -> sgd.with(inOrder("--optimizer", "rmsprop")))
                .hasMessage(cliError("--optimizer", "rmsprop"));
        assertThatThrownBy(() -> adam.with(inOrder("--beta2", "1")))
                .hasMessage(cliError("--optimizer", "adam", "--beta2", "1"));
    }

    @Test
    void theStateSpellsNumbersAsTheCommandLineDoes() {
        assertThat(Session.plain(1e-8)).isEqualTo("1e-8");
        assertThat(Session.plain(2.5e-5)).isEqualTo("2.5e-5");
        assertThat(Session.plain(0.999)).isEqualTo("0.999");
        JsonObject current = Session.current(Settings.of(TrainingArguments.READER, List.of("--optimizer", "adamw")).plan());
        assertThat(current.get("--optimizer").getAsString()).isEqualTo("adamw");
        assertThat(current.get("--eps").getAsString()).isEqualTo("1e-8");
        assertThat(current.get("--weight-decay").getAsString()).as("AdamW's default, as PyTorch").isEqualTo("0.01");
    }

    /** A CSV of 2 features named on the command line is one more dataset of the page, and the only file it may choose. */
    @Test
    void theCsvNamedOnTheCommandLineIsTheOneFileThePageMayChoose() throws InterruptedException {
        String csv = "datasets/moons.csv";
        Settings s = Settings.of(TrainingArguments.READER, List.of("--dataset", csv));
        assertThat(s.csv()).isEqualTo(csv);
        Settings spiral = s.with(Map.of("--dataset", "spiral"));
        assertThat(spiral.csv()).isEqualTo(csv);
        assertThat(spiral.with(Map.of("--dataset", csv)).plan().data().dataset()).isEqualTo(csv);
        assertThatThrownBy(() -> spiral.with(Map.of("--dataset", "datasets/xor.csv"))).hasMessage(
                "--dataset 'datasets/xor.csv' is not one of linear, xor, moons, circles, spiral, gaussian, nor " + csv);
        try (Session session = new Session(s, dir.resolve("model.json"))) {
            Session.Snapshot shown = session.await(-1, -1, 0);
            JsonObject state = com.google.gson.JsonParser.parseString(shown.state()).getAsJsonObject();
            assertThat(state.getAsJsonArray("datasets").asList().stream().map(e -> e.getAsString()))
                    .containsExactly("linear", "xor", "moons", "circles", "spiral", "gaussian", csv);
            assertThat(state.get("command").getAsString()).startsWith("java -jar grad.jar --dataset datasets/moons.csv ");
            JsonObject data = com.google.gson.JsonParser.parseString(shown.data()).getAsJsonObject();
            assertThat(data.getAsJsonArray("train").size() + data.getAsJsonArray("test").size())
                    .as("every row of the file (2000), split half and half").isEqualTo(2000);
            assertThat(data.getAsJsonArray("test").size()).isEqualTo(1000);
            session.change(Map.of("--dataset", "spiral"));
            session.change(Map.of("--dataset", csv));
            assertThat(session.await(-1, -1, 0).state()).contains("\"--dataset\":\"" + csv + "\"");
        }
    }

    /** The words a POSIX shell makes of {@code line}, without {@code java -jar grad.jar}. */
    private static List<String> shellWords(String line) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", "set -- " + line + "; printf '%s\\0' \"$@\"").start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        List<String> words = List.of(out.split("\0"));
        assertThat(words.subList(0, 3)).containsExactly("java", "-jar", "grad.jar");
        return words.subList(3, words.size());
    }

    private static int execute(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(new StringWriter(), true));
        command.setErr(new PrintWriter(err, true));
        int code = command.execute(all.toArray(String[]::new));
        assertThat(err.toString()).isEmpty();
        return code;
    }

    private static Map<String, String> inOrder(String... pairs) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static String cliError(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        assertThat(cli.execute(args)).isEqualTo(2);
        return err.toString().lines().findFirst().orElseThrow().replaceFirst("^grad: ", "");
    }
}
