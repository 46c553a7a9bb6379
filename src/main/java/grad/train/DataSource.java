package grad.train;

import grad.data.CsvTable;
import grad.data.FeatureEncoding;

/**
 * Where a run's rows came from and what was done to them before training: the label column, the feature
 * encoding (learned from the training rows), the cells filled, the rows dropped.
 *
 * @param labelName the name of the label column (a saved model records it)
 * @param encoding  how a CSV file's feature columns became the network's inputs, or null for generated data
 * @param missing   per feature column, how many of its cells were missing (filled, or a category of their own)
 * @param dropped   the rows left out: without a label, or with a missing feature under {@code --missing drop}
 * @param unseen    per feature column, how many held-out cells had a category the training rows do not have
 */
record DataSource(String labelName, FeatureEncoding encoding, int[] missing, CsvTable.Dropped dropped, int[] unseen) {

    /** A generated dataset's: nothing encoded, filled or dropped. */
    static DataSource generated(String labelName) {
        return new DataSource(labelName, null, new int[0], new CsvTable.Dropped(0, 0), new int[0]);
    }
}
