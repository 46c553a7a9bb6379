package grad.train;

import grad.GradException;
import grad.data.CsvDataset;
import grad.data.CsvTable;
import grad.data.Dataset;
import grad.data.FeatureEncoding;
import grad.data.Split;
import java.nio.file.Path;

/**
 * A run's rows, split, with a CSV file's features encoded by what its <em>training</em> rows say.
 *
 * <p>The split depends on the labels only, so it is made on the file's rows before their features are
 * encoded: the same rows as for data whose features were numbers all along. The encoding (categories,
 * fill values) is then learned from the rows the network trains on — not the test rows, nor with
 * {@code --early-stopping} the validation rows — and applied to every row.
 *
 * @param data   every row, encoded
 * @param split  the hold-out of the test rows
 * @param inner  with early stopping, the training rows split again into those trained on and the validation
 *               rows; otherwise null
 * @param source what was done to the rows
 */
record LoadedData(Dataset data, Split split, Split inner, DataSource source) {
    /** Salt that keeps the validation split's random numbers apart from the test split's. */
    private static final long VALIDATION_SALT = 0x5DEECE66DL;

    /**
     * Loads the plan's data; a continued model's encoding is used rather than learned, and the data checked
     * against the model.
     *
     * @param loaded the model continued, or null
     */
    static LoadedData load(TrainingPlan plan, ModelPlan.Loaded loaded) {
        DataPlan d = plan.data();
        if (!d.isCsv()) {
            Dataset data = DataPlan.generate(d.dataset(), d.classSize(), d.seed(), d.noise());
            if (loaded != null) {
                SavedModels.checkData(loaded.saved(), data, data.featureNames(), loaded.file());
            }
            Split split = Split.stratified(data, d.testFraction(), plan.seed());
            return new LoadedData(data, split, validationSplit(plan, split), DataSource.generated(DataPlan.GENERATED_LABEL));
        }
        CsvTable table = CsvDataset.readTable(Path.of(d.dataset()), d.csv());
        if (loaded != null) {
            SavedModels.checkData(loaded.saved(), table.labels(), table.columns(), loaded.file());
        }
        Split rows = Split.stratified(table.labels(), d.testFraction(), plan.seed());
        Split innerRows = validationSplit(plan, rows);
        int[] fitted = innerRows == null ? rows.trainRows() : pick(rows.trainRows(), innerRows.trainRows());
        FeatureEncoding encoding = loaded != null ? loaded.saved().encoding()
                : FeatureEncoding.fit(table, fitted, d.csv().missing());
        int[] unseen = new int[table.columns().size()];
        Dataset data = encoding.encode(table, unseen);
        Split split = Split.of(data, rows.trainRows(), rows.testRows());
        Split inner = innerRows == null ? null : Split.of(split.train(), innerRows.trainRows(), innerRows.testRows());
        return new LoadedData(data, split, inner,
                new DataSource(table.labelName(), encoding, table.missingCounts(), table.dropped(), unseen));
    }

    /** {@code rows[picked[0]], rows[picked[1]], ...}. */
    private static int[] pick(int[] rows, int[] picked) {
        int[] out = new int[picked.length];
        for (int i = 0; i < picked.length; i++) {
            out[i] = rows[picked[i]];
        }
        return out;
    }

    /**
     * For early stopping, the training rows split again into those trained on and the validation rows
     * (stratified, with a seed of its own); null without early stopping.
     *
     * @throws GradException with exit code 2 when no row is left for validation
     */
    private static Split validationSplit(TrainingPlan plan, Split split) {
        if (plan.earlyStopping() == null) {
            return null;
        }
        Split inner = Split.stratified(split.train(), plan.earlyStopping().validationSplit(),
                plan.seed() ^ VALIDATION_SALT);
        if (inner.test().size() == 0) {
            throw new GradException("--validation-split " + plan.earlyStopping().validationSplit()
                    + " holds out no row of the " + split.train().size() + " training rows; give a bigger fraction", 2, null);
        }
        return inner;
    }
}
