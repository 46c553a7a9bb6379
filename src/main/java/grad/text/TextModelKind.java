package grad.text;

import java.util.Locale;
import java.util.Map;

/** The models of {@code grad text}: makemore's ladder, from a table of counts to microgpt's GPT. */
public enum TextModelKind {
    BIGRAM(Map.of(), 500, 32, 0.1),
    MLP(Map.of("block_size", 3, "n_embd", 10, "n_embd2", 64), 3000, 32, 0.01),
    RNN(Map.of("n_embd", 16, "n_embd2", 32), 2000, 16, 0.01),
    GRU(Map.of("n_embd", 16, "n_embd2", 32), 1000, 16, 0.01),
    GPT(Map.of("n_layer", 1, "n_embd", 16, "n_head", 4, "block_size", 16), 1000, 1, 0.01);

    private final Map<String, Integer> defaults;
    private final int steps;
    private final int batchSize;
    private final double lr;

    TextModelKind(Map<String, Integer> defaults, int steps, int batchSize, double lr) {
        this.defaults = defaults;
        this.steps = steps;
        this.batchSize = batchSize;
        this.lr = lr;
    }

    /** Its name on the command line and in model files: {@code gpt}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind called {@code id}, or null. */
    public static TextModelKind byId(String id) {
        for (TextModelKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        return null;
    }

    /** Its default size {@code key} ({@code n_embd}, …), or null when it has no such size. */
    public Integer defaultSize(String key) {
        return defaults.get(key);
    }

    /** Whether it has a size called {@code key}. */
    public boolean hasSize(String key) {
        return defaults.containsKey(key);
    }

    public int defaultSteps() {
        return steps;
    }

    public int defaultBatchSize() {
        return batchSize;
    }

    public double defaultLr() {
        return lr;
    }

    /**
     * A new model of this kind, its weights drawn from {@code seed}.
     *
     * @param sizes its sizes by name; a missing one takes the default
     */
    public TextModel create(Vocabulary vocab, Map<String, Integer> sizes, long seed) {
        java.util.function.Function<String, Integer> size = k -> sizes.getOrDefault(k, defaults.get(k));
        return switch (this) {
            case BIGRAM -> new Bigram(vocab, seed);
            case MLP -> new Mlp(vocab, size.apply("block_size"), size.apply("n_embd"), size.apply("n_embd2"), seed);
            case RNN, GRU -> new Recurrent(this == GRU, vocab, size.apply("n_embd"), size.apply("n_embd2"), seed);
            case GPT -> new Gpt(vocab, size.apply("n_layer"), size.apply("n_embd"), size.apply("n_head"),
                    size.apply("block_size"), seed);
        };
    }
}
