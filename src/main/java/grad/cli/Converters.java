package grad.cli;

import grad.data.CsvOptions;
import grad.nn.Activation;
import grad.nn.Initializer;
import grad.nn.Loss;
import java.util.ArrayList;
import java.util.List;
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

    /** {@code --lr}: a number, or {@code auto} (read as NaN; {@link GradCommand} tells it from a typed NaN). */
    static final class LrConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return value.trim().equalsIgnoreCase("auto") ? Double.NaN : Double.parseDouble(value);
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
