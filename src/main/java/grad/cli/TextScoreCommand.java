package grad.cli;

import grad.text.Documents;
import grad.text.Losses;
import grad.text.TextModelFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grad text score}: a saved text model's mean loss on a file of lines. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints a saved model's mean loss on a file of lines, in nats per character over every predicted token"
                + " (the first character after BOS to the end after the last), as final.val_loss in the metrics file."})
public final class TextScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE.json", description = "the model file")
    Path model;

    @Option(names = "--json", description = "print {\"loss\": …, \"tokens\": …}")
    boolean json;

    @Parameters(index = "0", paramLabel = "LINES.txt", description = "UTF-8 text, one document a line")
    Path lines;

    @Override
    public Integer call() {
        TextModelFile.Loaded loaded = TextModelFile.read(model);
        Losses losses = loaded.score(Documents.read(lines));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println("{\"loss\": " + losses.loss() + ", \"tokens\": " + losses.tokens() + "}");
        } else {
            out.printf(Locale.ROOT, "%.4f nats per character over %d tokens%n", losses.loss(), losses.tokens());
        }
        out.flush();
        return 0;
    }
}
