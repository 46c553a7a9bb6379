package grad.text;

import java.util.Map;

/**
 * A run of {@code grad text}, resolved: the model, its sizes, and how it trains.
 *
 * @param kind      the model
 * @param sizes     its sizes by name (every one of its kind's)
 * @param steps     optimizer steps
 * @param batchSize documents per step
 * @param lr        Adam's learning rate at the first step; it falls linearly to 0
 * @param seed      the seed of the split, the order, the weights and the samples
 * @param engine    compiled or on Values
 */
public record TextSettings(TextModelKind kind, Map<String, Integer> sizes, int steps, int batchSize, double lr,
                           long seed, TextEngine engine) {
    /** microgpt's Adam. */
    public static final double BETA1 = 0.85;
    public static final double BETA2 = 0.99;
    public static final double EPS = 1e-8;

    public TextSettings {
        sizes = Map.copyOf(sizes);
    }
}
