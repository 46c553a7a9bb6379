package grad.cli;

import grad.GradException;
import grad.playground.PlaygroundCommand;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/** The entry point of {@code java -jar grad.jar}. */
public final class Main {
    static {
        // No option of grad's takes a java.sql or java.time value, so picocli need not load and reflect on
        // those packages to register converters for them (its documented switch; about 60 ms of CPU a start).
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*");
        }
    }

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        Interrupts.install();
        int status;
        try {
            status = commandLine(args).execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("grad: out of memory; try smaller --hidden-units, --class-size or --batch-size,"
                    + " or give Java more memory (java -Xmx8g -jar grad.jar ...)");
            status = 1;
        }
        System.exit(status);
    }

    /**
     * The {@code grad} command line, with its error handling: usage errors print one line and a hint
     * (exit 2); a {@link GradException} prints its one-line message (its exit code; the hint too for 2, a usage
     * error); anything else prints
     * one line naming the failure (exit 1) — never a stack trace.
     */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new GradCommand());
        cmd.addSubcommand("playground", new PlaygroundCommand(TrainingArguments.READER));
        return configured(cmd);
    }

    /**
     * The command line that runs {@code args}: when they begin with a command's name ({@code grad text …}),
     * a root that holds only that command, which prints, parses and runs it exactly as the whole tree
     * does; else the whole tree ({@link #commandLine()}). Building picocli's model of every command and
     * the training options is most of a cold start (about 0.15 s of {@code grad text}'s 0.5 s before it
     * reads its file), and a command needs only its own.
     */
    public static CommandLine commandLine(String... args) {
        Object command = args.length == 0 ? null : command(args[0]);
        if (command == null) {
            return commandLine();
        }
        CommandLine root = new CommandLine(CommandSpec.create().name("grad"));
        root.addSubcommand(args[0], command);
        return configured(root);
    }

    /** A new instance of the command called {@code name} (no alias is declared), or null for none. */
    private static Object command(String name) {
        if (name.equals("playground")) {
            return new PlaygroundCommand(TrainingArguments.READER);
        }
        for (Class<?> c : GradCommand.class.getAnnotation(Command.class).subcommands()) {
            if (c.getAnnotation(Command.class).name().equals(name)) {
                try {
                    return CommandLine.defaultFactory().create(c);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot create the " + name + " command", e);
                }
            }
        }
        return null;
    }

    /** Adds the footers' wrapping and the one-line error handling to a tree of commands. */
    private static CommandLine configured(CommandLine cmd) {
        CommandLine eval = cmd.getSubcommands().get("eval");
        if (eval != null) {
            // so that `grad eval -x^2 x=3` reads "-x^2" as the expression, not as an unknown option
            eval.setUnmatchedOptionsArePositionalParams(true);
        }
        FooterWrap.install(cmd);
        commandsFirst(cmd);
        cmd.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            PrintWriter err = c.getErr();
            err.println("grad: " + oneLine(OptionRanges.message(e)));
            err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return c.getCommandSpec().exitCodeOnInvalidInput();
        });
        cmd.setExecutionExceptionHandler((e, c, parseResult) -> {
            PrintWriter err = c.getErr();
            if (e instanceof GradException ge) {
                err.println("grad: " + oneLine(ge.getMessage()));
                if (ge.exitCode() == c.getCommandSpec().exitCodeOnInvalidInput()) {
                    err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
                }
                err.flush();
                return ge.exitCode();
            }
            err.println("grad: internal error"
                    + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage().lines().findFirst().orElse(""))));
            err.flush();
            return 1;
        });
        return cmd;
    }

    /** Has {@code grad --help} list the commands before the training options (and each command with commands, too). */
    private static void commandsFirst(CommandLine cmd) {
        List<String> commands = List.of(UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING,
                UsageMessageSpec.SECTION_KEY_COMMAND_LIST);
        List<String> keys = new ArrayList<>(cmd.getHelpSectionKeys());
        keys.removeAll(commands);
        keys.addAll(keys.indexOf(UsageMessageSpec.SECTION_KEY_PARAMETER_LIST_HEADING), commands);
        cmd.setHelpSectionKeys(keys);
    }

    /**
     * A message on one line: line breaks, tabs and other control characters are shown escaped
     * ({@code '\n'}), so that what the user typed cannot split or garble it.
     */
    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
