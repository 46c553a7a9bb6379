package grad.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** The in-process CLI runner every CLI test shares: runs {@code grad} in this JVM, capturing what it prints. */
record Cli(int exitCode, String out, String err) {

    /** Runs {@code grad} as {@link Main} sets it up. */
    static Cli run(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    /** Runs {@code grad} as {@link Main} sets it up. */
    static Cli run(String... args) {
        return run(Main.commandLine(), args);
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
