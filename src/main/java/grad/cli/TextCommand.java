package grad.cli;

import grad.text.TextEngine;
import grad.text.TextModelKind;
import grad.text.TextOutputs;
import grad.text.TextRun;
import grad.text.TextSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code grad text}: makemore's ladder and microgpt's GPT, trained on a file of lines. */
@Command(name = "text", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        subcommands = {TextSampleCommand.class, TextScoreCommand.class},
        description = {"Trains a character-level model on a file of lines (one document a line), holding out a tenth,"
                + " and writes its losses, 20 samples, pictures and report.html.", ""},
        footer = {"", "Examples:",
            "  grad text                                     microgpt on datasets/names.txt",
            "  grad text --model mlp --save-model mlp.json   makemore's MLP",
            "  grad text sample --model mlp.json --count 5 --prefix ka",
            "  grad text score --model mlp.json names.txt",
            "", "Compiled programs are kept in $GRAD_CACHE_DIR, else $XDG_CACHE_HOME/grad or ~/.cache/grad (GRAD_CACHE_DIR=off keeps none),"
                + " so that a later run of the same model reads its program instead of compiling it.",
            "", "Exit status: 0 done, 1 bad data or file, 2 bad usage."})
public final class TextCommand implements Callable<Integer> {
    static final int MAX_SIZE = 4096;

    @Spec
    CommandSpec spec;

    @Option(names = "--file", defaultValue = "datasets/names.txt", paramLabel = "FILE",
            description = "UTF-8 text, one document a line (default: ${DEFAULT-VALUE})")
    Path file;

    @Option(names = "--model", defaultValue = "gpt", paramLabel = "KIND", converter = KindConverter.class,
            description = "bigram, mlp, rnn, gru or gpt (default: ${DEFAULT-VALUE})")
    TextModelKind model;

    @Option(names = "--n-layer", paramLabel = "N", description = "gpt: transformer layers (default: 1)")
    Integer nLayer;

    @Option(names = "--n-embd", paramLabel = "N", description = "gpt, mlp, rnn, gru: embedding size (default: gpt 16, mlp 10, rnn and gru 16)")
    Integer nEmbd;

    @Option(names = "--n-head", paramLabel = "N", description = "gpt: attention heads; must divide --n-embd (default: 4)")
    Integer nHead;

    @Option(names = "--block-size", paramLabel = "N",
            description = "gpt: the most tokens read, BOS included (longer lines are cut); mlp: the characters of context (default: gpt 16, mlp 3)")
    Integer blockSize;

    @Option(names = "--n-embd2", paramLabel = "N", description = "mlp: hidden units; rnn, gru: state size (default: mlp 64, rnn and gru 32)")
    Integer nEmbd2;

    @Option(names = "--steps", paramLabel = "N", description = "optimizer steps (default: gpt 1000, bigram 500, mlp 3000, rnn 2000, gru 1000)")
    Integer steps;

    @Option(names = {"-b", "--batch-size"}, paramLabel = "N", description = "lines per step (default: gpt 1, bigram and mlp 32, rnn and gru 16)")
    Integer batchSize;

    @Option(names = {"-l", "--lr"}, paramLabel = "RATE",
            description = "Adam's learning rate at the first step, falling linearly to 0 (default: bigram 0.1, the others 0.01)")
    Double lr;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "seeds the split, the order, the weights and the samples (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = {"-o", "--output-dir"}, defaultValue = "output", paramLabel = "DIR", description = "where the files go (default: ${DEFAULT-VALUE})")
    Path outputDir;

    @Option(names = "--save-model", paramLabel = "FILE.json", description = "save the trained model, for text sample and text score")
    Path saveModel;

    @Option(names = "--plots", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "draw the pictures; --no-plots skips them (default: on)")
    boolean plots;

    @Option(names = "--engine", defaultValue = "compiled", paramLabel = "KIND", converter = EngineConverter.class,
            description = "compiled (one program, replayed for every line) or value (a Value graph per line and backward(): slow; the same numbers, to rounding for mlp and gru) (default: ${DEFAULT-VALUE})")
    TextEngine engine;

    @Override
    public Integer call() {
        TextSettings settings = settings();
        TextOutputs outputs = new TextOutputs(outputDir, plots, saveModel, System.console() != null);
        return new TextRun(file, settings, outputs, spec.commandLine().getOut(), spec.commandLine().getErr()).run();
    }

    /** The options, checked, with the model's defaults for those not given. */
    TextSettings settings() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        size(sizes, "--n-layer", "n_layer", nLayer);
        size(sizes, "--n-embd", "n_embd", nEmbd);
        size(sizes, "--n-head", "n_head", nHead);
        size(sizes, "--block-size", "block_size", blockSize);
        size(sizes, "--n-embd2", "n_embd2", nEmbd2);
        if (model == TextModelKind.GPT) {
            int e = sizes.getOrDefault("n_embd", model.defaultSize("n_embd"));
            int h = sizes.getOrDefault("n_head", model.defaultSize("n_head"));
            if (e % h != 0) {
                throw usage("--n-embd " + e + " is not divisible by --n-head " + h + "; each head gets n_embd / n_head numbers");
            }
            if (sizes.getOrDefault("block_size", 16) < 2) {
                throw usage("--block-size must be at least 2 for gpt (BOS and one character), not '" + blockSize + "'");
            }
        }
        int s = positive("--steps", steps, model.defaultSteps(), Integer.MAX_VALUE);
        int b = positive("--batch-size", batchSize, model.defaultBatchSize(), 1 << 20);
        double rate = lr == null ? model.defaultLr() : lr;
        if (!(Double.isFinite(rate) && rate > 0)) {
            throw usage("--lr must be a finite number > 0, not '" + lr + "'");
        }
        if (outputDir.toString().isBlank()) {
            throw usage("--output-dir must name a directory, not ''");
        }
        return new TextSettings(model, sizes, s, b, rate, seed, engine);
    }

    private void size(Map<String, Integer> sizes, String option, String key, Integer value) {
        if (value == null) {
            return;
        }
        if (!model.hasSize(key)) {
            throw usage(option + " is not a size of --model " + model.id());
        }
        sizes.put(key, positive(option, value, 0, MAX_SIZE));
    }

    private int positive(String option, Integer value, int otherwise, int max) {
        if (value == null) {
            return otherwise;
        }
        if (value < 1 || value > max) {
            throw usage(option + " must be a whole number from 1 to " + max + ", not '" + value + "'");
        }
        return value;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** {@code bigram|mlp|rnn|gru|gpt}, in any case. */
    static final class KindConverter implements CommandLine.ITypeConverter<TextModelKind> {
        @Override
        public TextModelKind convert(String value) {
            TextModelKind kind = TextModelKind.byId(value.strip().toLowerCase(Locale.ROOT));
            if (kind == null) {
                throw new CommandLine.TypeConversionException("expected bigram, mlp, rnn, gru or gpt, not '" + value + "'");
            }
            return kind;
        }
    }

    /** {@code compiled|value}, in any case. */
    static final class EngineConverter implements CommandLine.ITypeConverter<TextEngine> {
        @Override
        public TextEngine convert(String value) {
            for (TextEngine e : TextEngine.values()) {
                if (e.name().equalsIgnoreCase(value.strip())) {
                    return e;
                }
            }
            throw new CommandLine.TypeConversionException("expected compiled or value, not '" + value + "'");
        }
    }
}
