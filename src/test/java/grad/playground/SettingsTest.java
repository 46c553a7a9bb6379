package grad.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grad.GradException;
import grad.cli.Main;
import grad.train.LiveRun;
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
        Settings s = Settings.of(List.of("-d", "spiral", "--lr=0.01", "-b25", "--nesterov", "--no-standardize",
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
        assertThatThrownBy(() -> Settings.of(List.of("--momentum", "2")))
                .isInstanceOf(GradException.class).hasMessage(cliError("--momentum", "2"));
        Settings s = Settings.of(List.of());
        assertThatThrownBy(() -> s.with(Map.of("--activation", "swish")))
                .hasMessage(cliError("--activation", "swish"));
        assertThatThrownBy(() -> Settings.of(List.of("--bogus"))).hasMessageContaining("--bogus");
    }

    @Test
    void refusesWhatThePlaygroundCannotDo() {
        assertThatThrownBy(() -> Settings.of(List.of("--early-stopping", "5")))
                .hasMessageStartingWith("--early-stopping is not for the playground");
        Settings s = Settings.of(List.of());
        assertThatThrownBy(() -> s.with(Map.of("--output-dir", "/tmp"))).hasMessageStartingWith("'--output-dir' is not a setting of the page");
        assertThatThrownBy(() -> s.with(Map.of("--dataset", "pom.xml"))).hasMessageStartingWith("--dataset 'pom.xml' is not one of");
        assertThatThrownBy(() -> s.with(Map.of("--hidden-units", "4,17"))).hasMessageContaining("at most 6 hidden layers of at most 16");
        assertThatThrownBy(() -> s.with(Map.of("--lr", "auto"))).hasMessageStartingWith("--lr auto runs lr-find first");
    }

    @Test
    void aValueSetToNullGoesBackToTheDefault() {
        Settings s = Settings.of(List.of("--momentum", "0.5"));
        Map<String, String> back = new HashMap<>();
        back.put("--momentum", null);
        assertThat(s.with(back).plan().optimizer().momentum()).isEqualTo(0.9);
        assertThat(s.with(back).args()).doesNotContain("--momentum");
    }

    /** After n epochs the page's network is the command's: the same model file, byte for byte. */
    @Test
    void theShownCommandTrainsWhatThePageTrained() throws Exception {
        Settings s = Settings.of(List.of("--dataset", "moons", "--class-size", "100"))
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

    private static Map<String, String> inOrder(String... pairs) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static String cliError(String option, String value) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        assertThat(cli.execute(option, value)).isEqualTo(2);
        return err.toString().lines().findFirst().orElseThrow().replaceFirst("^grad: ", "");
    }
}
