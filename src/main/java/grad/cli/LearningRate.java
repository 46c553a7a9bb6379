package grad.cli;

import picocli.CommandLine.ITypeConverter;

/**
 * {@code --lr}: a learning rate, or {@code auto}: the rate that {@code lr-find} suggests, found before training
 * (its {@code value} is then NaN until {@link LrFindCommand#withAutoLr} replaces it).
 */
record LearningRate(double value, boolean auto) {
    /** {@code auto} (any case, spaces around ignored) or a number as {@link Double#parseDouble} reads it. */
    static final class Converter implements ITypeConverter<LearningRate> {
        @Override
        public LearningRate convert(String text) {
            return text.strip().equalsIgnoreCase("auto") ? new LearningRate(Double.NaN, true)
                    : new LearningRate(Double.parseDouble(text), false);
        }
    }
}
