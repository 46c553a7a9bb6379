package grad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** The in-process CLI runner every CLI test shares: runs {@code grad} in this JVM, capturing what it prints. */
record Cli(int exitCode, String out, String err) {

    /** Runs {@code grad} as {@link Main} sets it up. */
    static Cli run(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    /** Runs {@code grad} as {@link Main} sets it up with {@code args} then {@code extra}; checks that it succeeded. */
    static Cli ok(List<String> args, String... extra) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(extra));
        Cli run = run(all);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    /** Runs {@code grad} as {@link Main} sets it up (only the branch of a command its arguments name). */
    static Cli run(String... args) {
        return run(Main.commandLine(args), args);
    }

    /** Runs the given command line (e.g. one subcommand on its own). */
    static Cli run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
