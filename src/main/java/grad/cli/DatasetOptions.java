package grad.cli;

import grad.data.SyntheticDataset;
import grad.train.DataPlan;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options that pick and generate a dataset, shared by training and {@code export}. */
final class DatasetOptions {
    /** The default seed: every random choice of a run comes from it. */
    static final long DEFAULT_SEED = 42;
    static final int MAX_CLASS_SIZE = 10_000_000;

    @Option(names = {"-d", "--dataset"}, defaultValue = "xor", paramLabel = "NAME|FILE",
            description = "linear, xor, moons, circles, spiral or gaussian (also grad-rs's line, moon, circle), or a CSV file"
                    + " (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = {"-c", "--class-size"}, defaultValue = "1000", paramLabel = "N",
            description = "points to generate: in total for linear and xor, per class for the others (default: ${DEFAULT-VALUE})")
    int classSize;

    @Option(names = "--noise", paramLabel = "F",
            description = "noise of a generated dataset, 0 to 0.5, as a fraction of its scale (TensorFlow Playground's knob;"
                    + " default: each dataset's own amount)")
    Double noise;

    @Option(names = "--seed", defaultValue = "" + DEFAULT_SEED, paramLabel = "N",
            description = "seed of every random choice: data, initial weights, shuffling (default: ${DEFAULT-VALUE})")
    long seed;

    /** Usage errors for values out of range; a dataset that is not a file must be a known name. */
    void validate(CommandSpec spec, boolean allowCsv) {
        OptionRanges.check(spec, "--class-size", classSize >= 1 && classSize <= MAX_CLASS_SIZE);
        OptionRanges.check(spec, "--noise", noise == null || noise >= 0 && noise <= SyntheticDataset.MAX_NOISE);
        if (allowCsv && DataPlan.isCsv(dataset)) {
            return;
        }
        try {
            SyntheticDataset.fromName(dataset);
        } catch (RuntimeException e) {
            String names = Arrays.stream(SyntheticDataset.values())
                    .map(d -> d.canonicalName()).collect(Collectors.joining(", "));
            throw new ParameterException(spec.commandLine(), "--dataset '" + dataset + "' is not one of " + names
                    + (allowCsv ? ", nor an existing CSV file" : ""));
        }
    }
}
