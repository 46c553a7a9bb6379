package grad.cli;

import grad.text.TextModelFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code grad text sample}: new lines from a saved text model. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes new lines drawn from a model saved by grad text --save-model, one a line.")
public final class TextSampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE.json", description = "the model file")
    Path model;

    @Option(names = "--count", defaultValue = "20", paramLabel = "N", description = "how many lines (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--temperature", defaultValue = "0.5", paramLabel = "T",
            description = "divides the logits: below 1 safer, above 1 wilder (default: ${DEFAULT-VALUE})")
    double temperature;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "the same seed gives the same lines (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--prefix", defaultValue = "", paramLabel = "TEXT", description = "how every line begins (default: nothing)")
    String prefix;

    @Override
    public Integer call() {
        if (count < 1 || count > 1_000_000) {
            throw new ParameterException(spec.commandLine(), "--count must be a whole number from 1 to 1000000, not '" + count + "'");
        }
        if (!(Double.isFinite(temperature) && temperature > 0)) {
            throw new ParameterException(spec.commandLine(), "--temperature must be a finite number > 0, not '" + temperature + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        for (String line : TextModelFile.read(model).sample(count, temperature, seed, prefix)) {
            out.println(line);
        }
        out.flush();
        return 0;
    }
}
