package grad.playground;

import grad.GradException;
import java.awt.Desktop;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code grad playground}: TensorFlow Playground in the browser, trained by grad's engine on this machine. */
@Command(name = "playground", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves a page on 127.0.0.1 that trains a network live, as TensorFlow Playground does: the data and"
                + " the decision boundary, each neuron's picture and weights, the loss curves, the health warnings, one"
                + " sample's Value graph, and the command line that trains the same. Ctrl-C stops it.",
            "", "Any training option (see grad --help) gives a starting value, e.g. --dataset spiral --lr 0.01.", ""},
        footer = {"", "Examples:", "  java -jar grad.jar playground",
            "  java -jar grad.jar playground --dataset spiral --input-features x,y,sinx,siny --hidden-units 8,8 --activation tanh"})
public final class PlaygroundCommand implements Callable<Integer> {
    private final TrainingOptionsReader reader;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "0", paramLabel = "N",
            description = "port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--no-browser", description = "do not open the page in the default browser")
    boolean noBrowser;

    @Unmatched
    List<String> training = new ArrayList<>();

    /** @param reader reads the training options as the training command does */
    public PlaygroundCommand(TrainingOptionsReader reader) {
        this.reader = reader;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be a whole number from 0 to 65535, not '" + port + "'");
        }
        Settings settings = Settings.of(reader, training);
        Path save = saveTarget(settings);
        PrintWriter out = spec.commandLine().getOut();
        Session session = new Session(settings, save);
        PlaygroundServer server;
        try {
            server = new PlaygroundServer(session, port, GraphSvg.onPath());
        } catch (IOException e) {
            session.close();
            throw new GradException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "grad-playground-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        session.start();
        server.start();
        out.println("grad playground: " + server.uri() + "  (Ctrl-C stops it)");
        out.flush();
        if (!noBrowser) {
            open(server.uri(), out);
        }
        stopped.await();
        return 0;
    }

    /** Where "save model" writes: {@code --save-model}'s file, or playground_model.json in the output directory. */
    private static Path saveTarget(Settings settings) {
        Path asked = settings.plan().outputs().saveModel();
        return asked != null ? asked : settings.plan().outputs().dir().resolve("playground_model.json");
    }

    /** Opens {@code uri} in the default browser when there is a display; otherwise says to. */
    private static void open(URI uri, PrintWriter out) {
        boolean display = !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")
                || System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        if (display) {
            try {
                System.setProperty("java.awt.headless", "false");
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(uri);
                    return;
                }
                if (onPath("xdg-open")) {
                    new ProcessBuilder("xdg-open", uri.toString()).redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    return;
                }
            } catch (IOException | RuntimeException | LinkageError e) {
                // no browser to open: say where the page is
            }
        }
        out.println("open " + uri + " in a browser");
        out.flush();
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d.isEmpty() ? "." : d, program))) {
                return true;
            }
        }
        return false;
    }
}
