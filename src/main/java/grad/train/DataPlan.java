package grad.train;

import grad.data.CsvOptions;
import grad.data.SyntheticDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The data of a run and how it is split and scaled.
 *
 * @param dataset     a generated dataset's name, or a path to a CSV file
 * @param csv         how to read a CSV dataset
 * @param classSize   generated datasets' size (grad-rs's meaning: in total for linear and xor, per class for moons and circles)
 * @param seed        every random choice comes from it
 * @param testSplit   the fraction held out for testing, or null for the default ({@link #testFraction()})
 * @param standardize z-score features, or null for the default (on for CSV, off for generated)
 * @param noise       a generated dataset's noise knob (0 to {@link SyntheticDataset#MAX_NOISE}), or null for
 *                    the dataset's own amount ({@link SyntheticDataset#generate(int, long)})
 */
public record DataPlan(String dataset, CsvOptions csv, int classSize, long seed, Double testSplit, Boolean standardize,
                       Double noise) {

    /** A plan with each generated dataset's own noise. */
    public DataPlan(String dataset, CsvOptions csv, int classSize, long seed, Double testSplit, Boolean standardize) {
        this(dataset, csv, classSize, seed, testSplit, standardize, null);
    }

    /** The fraction held out when {@code --test-split} is not given, for CSV files (generated data: none). */
    public static final double DEFAULT_CSV_TEST_SPLIT = 0.2;

    /** The label column of generated datasets (as {@code grad export} writes them). */
    public static final String GENERATED_LABEL = "label";

    /** Whether a dataset argument names a file rather than a generated dataset. */
    public static boolean isCsv(String dataset) {
        return dataset.toLowerCase(Locale.ROOT).endsWith(".csv") || Files.isRegularFile(Path.of(dataset));
    }

    public boolean isCsv() {
        return isCsv(dataset);
    }

    /** The fraction of rows held out for testing. */
    public double testFraction() {
        return testSplit != null ? testSplit : isCsv() ? DEFAULT_CSV_TEST_SPLIT : 0.0;
    }

    /** Whether a new model z-scores its features. */
    public boolean standardizes() {
        return standardize != null ? standardize : isCsv();
    }

    /** A generated dataset, with its own noise when {@code noise} is null. */
    public static grad.data.Dataset generate(String dataset, int classSize, long seed, Double noise) {
        SyntheticDataset d = SyntheticDataset.fromName(dataset);
        return noise == null ? d.generate(classSize, seed) : d.generate(classSize, seed, noise);
    }
}
