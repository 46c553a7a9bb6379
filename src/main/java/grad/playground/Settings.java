package grad.playground;

import grad.GradException;
import grad.data.SyntheticDataset;
import grad.optim.OptimizerKind;
import grad.train.TrainingPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The training options of the page, as the command line spells them ({@code --lr} → {@code 0.03}): those
 * given on the command line first, in their order, then those the page set. Every set of settings is read
 * by the training command's own options (a {@link TrainingOptionsReader}), so a value the command line would
 * refuse is refused here with the same message. Immutable.
 */
final class Settings {
    /** The options the page may change; any other is kept as the command line gave it. */
    static final Set<String> PAGE_OPTIONS = Set.of("--dataset", "--noise", "--test-split", "--batch-size",
            "--input-features", "--hidden-units", "--activation", "--loss", "--lr", "--optimizer", "--momentum", "--nesterov",
            "--l1", "--beta1", "--beta2", "--eps", "--weight-decay", "--seed");
    /** The options of one optimizer only: the command line refuses SGD's with Adam and AdamW, and theirs with SGD. */
    private static final List<String> SGD_ONLY = List.of("--momentum", "--nesterov", "--l1");
    private static final List<String> ADAM_ONLY = List.of("--beta1", "--beta2", "--eps");
    /** TensorFlow Playground's limits on the network it draws. */
    static final int MAX_LAYERS = 6;
    static final int MAX_NEURONS = 16;
    /** Playground's ratio of training to test data, when the command line does not give one. */
    static final String DEFAULT_TEST_SPLIT = "0.5";
    private static final Set<String> REFUSED = Set.of("--load-model", "--early-stopping", "--validation-split");

    private final Map<String, String> options;
    /** A CSV file named on the command line: the one file the page may choose. */
    private final String csv;
    private final TrainingOptionsReader reader;
    private final TrainingPlan plan;

    private Settings(TrainingOptionsReader reader, Map<String, String> options, String csv) {
        this.reader = reader;
        this.options = options;
        this.csv = csv;
        this.plan = check(reader, options);
    }

    /**
     * The settings of the command line's training options {@code args}; {@code --epochs} is left out (the page
     * counts epochs) and returned as {@link #epochsAsked}.
     *
     * @throws GradException (exit code 2) for an option the training command refuses, or one the playground cannot use
     */
    static Settings of(TrainingOptionsReader reader, List<String> args) {
        reader.plan(args);
        Map<String, String> options = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : reader.options(args)) {
            if (REFUSED.contains(e.getKey())) {
                throw new GradException(e.getKey() + " is not for the playground: it always trains a new network on"
                        + " every training row", 2, null);
            }
            options.remove(e.getKey()); // the last one given counts, in its place
            options.put(e.getKey(), e.getValue());
        }
        options.putIfAbsent("--test-split", DEFAULT_TEST_SPLIT);
        String dataset = options.get("--dataset");
        return new Settings(reader, options, dataset != null && !isGenerated(dataset) ? dataset : null);
    }

    /** {@code --epochs} as given on the command line, or 0. */
    int epochsAsked() {
        String epochs = options.get("--epochs");
        return epochs == null ? 0 : plan.epochs();
    }

    /**
     * These settings with {@code changes} (a null value: back to the default). A change of {@code --optimizer}
     * forgets the options of the other kind of optimizer (SGD's or Adam's) that {@code changes} does not set.
     *
     * @throws GradException (exit code 2) saying what is wrong with the first bad change
     */
    Settings with(Map<String, String> changes) {
        Map<String, String> next = new LinkedHashMap<>(options);
        for (Map.Entry<String, String> e : changes.entrySet()) {
            String option = e.getKey();
            String value = e.getValue();
            if (!PAGE_OPTIONS.contains(option)) {
                throw new GradException("'" + option + "' is not a setting of the page; it takes "
                        + String.join(", ", PAGE_OPTIONS.stream().sorted().toList()), 2, null);
            }
            if ("--dataset".equals(option) && value != null && !isGenerated(value) && !value.equals(csv)) {
                throw new GradException("--dataset '" + value + "' is not one of " + generatedNames()
                        + (csv == null ? "" : ", nor " + csv), 2, null);
            }
            if (value == null) {
                next.remove(option);
            } else {
                next.put(option, value);
            }
        }
        if (changes.containsKey("--optimizer")) {
            OptimizerKind kind = OptimizerKind.of(next.getOrDefault("--optimizer", OptimizerKind.SGD.id()).strip());
            List<String> others = kind == null ? List.of() : kind == OptimizerKind.SGD ? ADAM_ONLY : SGD_ONLY;
            others.stream().filter(o -> !changes.containsKey(o)).forEach(next::remove);
        }
        return new Settings(reader, next, csv);
    }

    /** The validated plan of these settings. */
    TrainingPlan plan() {
        return plan;
    }

    /** The settings, by option (a flag's value is true or false). */
    Map<String, String> options() {
        return options;
    }

    /** The CSV file named on the command line, or null. */
    String csv() {
        return csv;
    }

    /** The command-line arguments of these settings, without {@code --epochs}. */
    List<String> args() {
        return argsOf(options);
    }

    private static List<String> argsOf(Map<String, String> options) {
        List<String> args = new ArrayList<>();
        for (Map.Entry<String, String> e : options.entrySet()) {
            String option = e.getKey();
            if ("--epochs".equals(option)) {
                continue;
            }
            if ("true".equals(e.getValue()) && isFlag(option)) {
                args.add(option);
            } else if ("false".equals(e.getValue()) && isFlag(option)) {
                if (!"--nesterov".equals(option)) {
                    args.add("--no-" + option.substring(2));
                }
            } else {
                args.add(option);
                args.add(e.getValue());
            }
        }
        return args;
    }

    /** The arguments that train these settings for {@code epochs} epochs. */
    List<String> args(int epochs) {
        List<String> args = args();
        args.add("--epochs");
        args.add(Integer.toString(Math.max(1, epochs)));
        return args;
    }

    private static boolean isFlag(String option) {
        return Set.of("--nesterov", "--standardize", "--plots", "--report", "--graphviz").contains(option);
    }

    private static TrainingPlan check(TrainingOptionsReader reader, Map<String, String> options) {
        List<String> args = argsOf(options);
        if (options.containsKey("--lr") && options.get("--lr").strip().equalsIgnoreCase("auto")) {
            throw new GradException("--lr auto runs lr-find first; the playground needs a rate (try lr-find on the command line)",
                    2, null);
        }
        if (options.containsKey("--epochs")) {
            args.addAll(List.of("--epochs", options.get("--epochs")));
        }
        TrainingPlan plan = reader.plan(args);
        List<Integer> hidden = plan.model().hidden();
        if (hidden.size() > MAX_LAYERS || hidden.stream().anyMatch(n -> n > MAX_NEURONS)) {
            throw new GradException("--hidden-units " + String.join(",", hidden.stream().map(String::valueOf).toList())
                    + ": the playground draws at most " + MAX_LAYERS + " hidden layers of at most " + MAX_NEURONS
                    + " neurons", 2, null);
        }
        return plan;
    }

    static boolean isGenerated(String dataset) {
        try {
            SyntheticDataset.fromName(dataset);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String generatedNames() {
        return String.join(", ", Arrays.stream(SyntheticDataset.values()).map(SyntheticDataset::canonicalName).toList());
    }
}
