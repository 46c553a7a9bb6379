package grad.gpt2;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import grad.GradException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code grad gpt2 --model DIR --prompt TEXT}: GPT-2 continuing a prompt, from Hugging Face's files.
 * Exit status: 0; 2 for a bad option; 1 for a missing or broken file, weights that do not match the
 * config, or a prompt that does not fit in the context.
 */
@Command(name = "gpt2", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Continue a prompt with GPT-2, from Hugging Face's files as downloaded: config.json,",
            "model.safetensors, vocab.json and merges.txt (e.g. of the model openai-community/gpt2)."
        },
        footer = {"", "Example:", "  grad gpt2 --model gpt2 --prompt \"Hello, I'm a language model,\" --tokens 30"})
public final class Gpt2Command implements Callable<Integer> {
    /**
     * The most parameters {@code --engine auto} runs on the tensor definition ({@link Gpt2Module},
     * a {@code Value} per weight, compiled); above it, the float path ({@link Gpt2}).
     */
    public static final long TENSOR_LIMIT = 50_000;
    /** The most parameters {@code --engine tensor} accepts: beyond, the Values would not fit in memory. */
    static final long TENSOR_MAX = 250_000;

    /** What runs the model ({@code --engine}). */
    enum Engine {
        /** {@code tensor} up to {@link #TENSOR_LIMIT} parameters, {@code float} above. */
        AUTO,
        /** {@link Gpt2Module} compiled, one program per shape. */
        TENSOR,
        /** {@link Gpt2}, the hand-compiled loops on {@code float[]} weights. */
        FLOAT;

        /** The engine called {@code name} (any case), or null. */
        static Engine named(String name) {
            for (Engine e : values()) {
                if (e.name().equalsIgnoreCase(name.trim())) {
                    return e;
                }
            }
            return null;
        }
    }


    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "the folder with config.json, model.safetensors, vocab.json and merges.txt")
    Path model;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "the text to continue")
    String prompt;

    @Option(names = "--tokens", defaultValue = "20", paramLabel = "N", description = "how many tokens to generate (default: ${DEFAULT-VALUE})")
    int tokens;

    @Option(names = "--temperature", defaultValue = "0", paramLabel = "T",
            description = "0 picks the most likely token (default); above 0 samples from softmax(logits / T)")
    double temperature;

    @Option(names = "--top-k", defaultValue = "0", paramLabel = "K",
            description = "when sampling, only from the K most likely tokens (default: 0, all of them)")
    int topK;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "seed of the sampling (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N", description = "threads for the matrix products (default: ${DEFAULT-VALUE})")
    int threads;

    /*
     * A string checked in checkOptions, not an enum with a converter: grad's root command rewrites the
     * conversion errors of an option called --engine into its own engines' message (grad.cli.OptionRanges).
     */
    @Option(names = "--engine", defaultValue = "auto", paramLabel = "NAME",
            description = "tensor: the model's Tensor definition, compiled (a Value per weight); float: the same model "
                    + "hand-compiled on float arrays; auto (default): tensor up to 50,000 parameters, float above")
    String engineName;

    private Engine engine;

    @Option(names = "--attention", description = "write attention_layer<L>_head<H>.png heat maps of the prompt and a report.html into --output-dir")
    boolean attention;

    @Option(names = {"-o", "--output-dir"}, defaultValue = "output", paramLabel = "DIR",
            description = "where --attention writes (default: ${DEFAULT-VALUE})")
    Path outputDir;

    @Option(names = "--json", description = "print the prompt's tokens and ids and, at each generated position, the 5 most likely next tokens as JSON")
    boolean json;

    @Option(names = "--inspect", description = "print the config and the parameter count, and stop")
    boolean inspect;

    @Override
    public Integer call() {
        checkOptions();
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(model)) {
            throw new GradException("no such directory: " + model);
        }
        Gpt2Config config = Gpt2Config.read(model.resolve("config.json"));
        if (inspect) {
            try (Gpt2 gpt2 = Gpt2.load(config, model.resolve("model.safetensors"), 1)) {
                inspect(out, gpt2.config());
            }
            return 0;
        }
        Bpe bpe = Bpe.load(model.resolve("vocab.json"), model.resolve("merges.txt"));
        if (bpe.size() > config.vocabulary()) {
            throw new GradException(model.resolve("vocab.json") + " has ids up to " + (bpe.size() - 1)
                    + " but the config's vocab_size is " + config.vocabulary());
        }
        int[] ids = promptIds(bpe, config);
        try (Generator generator = open(config, ids.length + Math.max(0, tokens - 1))) {
            new Run(generator, config, bpe, ids, out).generate();
        }
        return 0;
    }

    /** The engine that runs the model, on a cache of {@code capacity} positions. */
    private Generator open(Gpt2Config config, int capacity) {
        Path weights = model.resolve("model.safetensors");
        if (chosen(config) == Engine.FLOAT) {
            return Gpt2.load(config, weights, threads).generator(capacity);
        }
        if (config.parameters() > TENSOR_MAX) {
            throw new GradException(String.format(Locale.ROOT, "--engine tensor: %,d parameters would be as many Value "
                    + "objects, more than the %,d it allows; use --engine float", config.parameters(), TENSOR_MAX));
        }
        return new Gpt2Compiled(Gpt2Module.load(config, weights)).newSession(capacity);
    }

    /** {@code --engine}, {@code auto} resolved by the model's size. */
    private Engine chosen(Gpt2Config config) {
        if (engine != Engine.AUTO) {
            return engine;
        }
        return config.parameters() <= TENSOR_LIMIT ? Engine.TENSOR : Engine.FLOAT;
    }

    private void checkOptions() {
        if (tokens < 0) {
            throw usage("--tokens must be a whole number >= 0, not " + tokens);
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw usage("--temperature must be a finite number >= 0, not " + temperature);
        }
        if (topK < 0) {
            throw usage("--top-k must be a whole number >= 0, not " + topK);
        }
        if (threads < 1) {
            throw usage("--threads must be at least 1, not " + threads);
        }
        engine = Engine.named(engineName);
        if (engine == null) {
            throw usage("--engine must be auto, tensor or float, not '" + engineName + "'");
        }
        if (prompt == null && !inspect) {
            throw usage("--prompt is required (or --inspect)");
        }
    }

    private static GradException usage(String message) {
        return new GradException(message, 2, null);
    }

    private int[] promptIds(Bpe bpe, Gpt2Config config) {
        int[] ids = bpe.encode(prompt);
        if (ids.length == 0) {
            throw new GradException("the prompt is empty: GPT-2 needs at least one token to continue");
        }
        if (ids.length > config.context()) {
            throw new GradException("the prompt is " + ids.length + " tokens, longer than the model's context of "
                    + config.context());
        }
        if (ids.length + tokens - 1 > config.context()) {
            throw new GradException("the prompt's " + ids.length + " tokens and --tokens " + tokens
                    + " do not fit in the model's context of " + config.context() + " (at most --tokens "
                    + (config.context() - ids.length + 1) + ")");
        }
        return ids;
    }

    private void inspect(PrintWriter out, Gpt2Config c) {
        out.printf(Locale.ROOT, "model: %s%n", model);
        out.printf(Locale.ROOT, "n_layer %d, n_head %d, n_embd %d, n_positions %d, vocab_size %d, layer_norm_epsilon %.0e%n",
                c.layers(), c.heads(), c.width(), c.context(), c.vocabulary(), c.epsilon());
        out.printf(Locale.ROOT, "parameters: %,d (lm_head tied to the token embeddings, counted once)%n", c.parameters());
        out.printf(Locale.ROOT, "weights in memory: %.1f MiB of float32%n", c.parameters() * 4 / 1048576.0);
        out.printf(Locale.ROOT, "engine: %s%n", chosen(c) == Engine.TENSOR
                ? "tensor (the Tensor definition, compiled; a Value per weight, held as doubles)"
                : "float (the hand-compiled loops on the float32 weights)");
        out.flush();
    }

    /** One generation: the prompt fed through the cache, then one token at a time. */
    private final class Run {
        private final Generator gpt2;
        private final Bpe bpe;
        private final int[] ids;
        private final PrintWriter out;
        private final double[][][][] weights;

        Run(Generator gpt2, Gpt2Config c, Bpe bpe, int[] ids, PrintWriter out) {
            this.gpt2 = gpt2;
            this.bpe = bpe;
            this.ids = ids;
            this.out = out;
            this.weights = attention ? new double[c.layers()][c.heads()][ids.length][] : null;
        }

        void generate() {
            float[] logits = gpt2.feed(ids, weights == null ? null : (l, h, p, w) -> weights[l][h][p] = w);
            if (!json) {
                out.print(prompt);
                out.flush();
            }
            Sampler sampler = new Sampler(temperature, topK, seed);
            TextStream text = new TextStream();
            JsonArray steps = new JsonArray();
            StringBuilder continuation = new StringBuilder();
            for (int g = 0; g < tokens; g++) {
                if (json) {
                    steps.add(step(gpt2.position(), logits));
                }
                int next = sampler.next(logits);
                String piece = text.add(bpe.bytes(next));
                continuation.append(piece);
                if (json) {
                    steps.get(g).getAsJsonObject().add("chosen", token(next));
                } else {
                    out.print(piece);
                    out.flush();
                }
                if (g < tokens - 1) {
                    logits = gpt2.feed(new int[] {next}, null);
                }
            }
            finish(text, continuation, steps);
        }

        private void finish(TextStream text, StringBuilder continuation, JsonArray steps) {
            String rest = text.finish();
            continuation.append(rest);
            if (json) {
                JsonObject root = new JsonObject();
                root.addProperty("prompt", prompt);
                JsonArray promptTokens = new JsonArray();
                for (int id : ids) {
                    promptTokens.add(token(id));
                }
                root.add("prompt_tokens", promptTokens);
                root.add("generated", steps);
                root.addProperty("continuation", continuation.toString());
                out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root));
            } else {
                out.println(rest);
            }
            out.flush();
            if (weights != null) {
                List<String> labels = new ArrayList<>();
                for (int id : ids) {
                    labels.add(AttentionReport.label(bpe.bytes(id)));
                }
                AttentionReport.write(outputDir, labels, weights);
                spec.commandLine().getErr().printf(Locale.ROOT, "grad gpt2: wrote %d attention maps and report.html to %s%n",
                        weights.length * weights[0].length, outputDir);
            }
        }

        private JsonObject step(int position, float[] logits) {
            double[] p = Sampler.probabilities(logits);
            JsonArray top = new JsonArray();
            for (int id : Sampler.top(logits, 5)) {
                JsonObject t = token(id);
                t.addProperty("probability", p[id]);
                top.add(t);
            }
            JsonObject o = new JsonObject();
            o.addProperty("position", position);
            o.add("top5", top);
            return o;
        }

        private JsonObject token(int id) {
            JsonObject t = new JsonObject();
            t.addProperty("id", id);
            t.addProperty("token", new String(bpe.bytes(id), StandardCharsets.UTF_8));
            return t;
        }
    }
}
