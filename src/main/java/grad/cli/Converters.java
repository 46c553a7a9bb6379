package grad.cli;

import grad.data.CsvOptions;
import grad.nn.Activation;
import grad.nn.Initializer;
import grad.nn.Loss;
import grad.data.MissingValues;
import grad.data.Task;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import grad.optim.OptimizerKind;
import grad.train.Engine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** Option values that need more than picocli's built-in conversions; bad values are usage errors. */
final class Converters {
    private Converters() {
    }

    /**
     * The {@code --delimiter} value as a character ({@code tab} for a tab).
     *
     * @throws ParameterException a usage error, unless it is one character such as , or ;, or the word tab
     */
    static char delimiter(CommandSpec spec, String text) {
        try {
            return CsvOptions.parseDelimiter(text);
        } catch (RuntimeException e) {
            String why = text.length() != 1 ? "must be one character such as , ; or tab"
                    : text.equals("\"") ? "cannot be the quote character \" (it quotes fields)"
                    : "cannot be a line break";
            throw new ParameterException(spec.commandLine(), "--delimiter " + why + ", not '" + text + "'");
        }
    }

    /**
     * An option whose value is one of a few words (any case, spaces around ignored): picocli lists the words as
     * the option's completion candidates (in its help, and in {@link OptionRanges}' message for a bad value).
     */
    abstract static class Choice<T> implements ITypeConverter<T>, Iterable<String> {
        private final Map<String, T> words = new LinkedHashMap<>();
        private final Map<String, T> aliases = new LinkedHashMap<>();

        /** Each constant of {@code type} named by its name in lower case. */
        <E extends Enum<E>> Choice(Class<E> type, java.util.function.Function<E, T> value) {
            for (E e : type.getEnumConstants()) {
                words.put(e.name().toLowerCase(Locale.ROOT), value.apply(e));
            }
        }

        /** Also accepts {@code word}, unlisted, for {@code value}. */
        final void alias(String word, T value) {
            aliases.put(word, value);
        }

        @Override
        public final T convert(String text) {
            String key = text.strip().toLowerCase(Locale.ROOT);
            T value = words.containsKey(key) ? words.get(key) : aliases.get(key);
            if (value == null) {
                throw new TypeConversionException("'" + text + "' is not one of " + words.keySet());
            }
            return value;
        }

        @Override
        public final Iterator<String> iterator() {
            return words.keySet().iterator();
        }
    }

    /** {@code --task}: auto, classify (or classification) or regression (or regress). */
    static final class TaskChoice extends Choice<Task> {
        TaskChoice() {
            super(Task.class, t -> t);
            alias("classification", Task.CLASSIFY);
            alias("regress", Task.REGRESSION);
        }
    }

    /** {@code --missing}: mean, median, drop or error. */
    static final class MissingChoice extends Choice<MissingValues> {
        MissingChoice() {
            super(MissingValues.class, m -> m);
        }
    }

    /** {@code --categorical}: auto or none. */
    static final class CategoricalChoice extends Choice<TrainingOptions.Categorical> {
        CategoricalChoice() {
            super(TrainingOptions.Categorical.class, c -> c);
        }
    }

    static final class OptimizerConverter implements ITypeConverter<OptimizerKind> {
        @Override
        public OptimizerKind convert(String value) {
            OptimizerKind kind = OptimizerKind.of(value.trim());
            if (kind == null) {
                throw new TypeConversionException("'" + value + "' is not an optimizer (expected sgd, adam or adamw)");
            }
            return kind;
        }
    }

    static final class EngineConverter implements ITypeConverter<Engine> {
        @Override
        public Engine convert(String value) {
            for (Engine e : Engine.values()) {
                if (e.id().equalsIgnoreCase(value.trim())) {
                    return e;
                }
            }
            throw new TypeConversionException("'" + value + "' is not an engine (expected value, interpreted or compiled)");
        }
    }

    static final class LossConverter implements ITypeConverter<Loss> {
        @Override
        public Loss convert(String value) {
            try {
                return Loss.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a loss (expected mse or cross-entropy)");
            }
        }
    }

    static final class ActivationConverter implements ITypeConverter<Activation> {
        @Override
        public Activation convert(String value) {
            try {
                return Activation.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not an activation (expected relu, tanh, sigmoid or linear)");
            }
        }
    }

    static final class InitializerConverter implements ITypeConverter<Initializer> {
        @Override
        public Initializer convert(String value) {
            try {
                return Initializer.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not an initializer (expected he, xavier or uniform:A,B with numbers A < B)");
            }
        }
    }

    /** {@code 10} or {@code 16,16}: positive layer sizes. */
    static final class LayerSizesConverter implements ITypeConverter<List<Integer>> {
        @Override
        public List<Integer> convert(String value) {
            List<Integer> sizes = new ArrayList<>();
            for (String part : value.split(",", -1)) {
                int n;
                try {
                    n = Integer.parseInt(part.trim());
                } catch (NumberFormatException e) {
                    n = 0;
                }
                if (n < 1 || n > 100_000) {
                    throw new TypeConversionException("'" + value
                            + "' is not a comma-separated list of layer sizes from 1 to 100000 (e.g. 10 or 16,16)");
                }
                sizes.add(n);
            }
            return List.copyOf(sizes);
        }
    }
}
