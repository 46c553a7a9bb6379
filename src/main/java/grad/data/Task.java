package grad.data;

/** What the label column of a CSV file holds. */
public enum Task {
    /**
     * Decide from the labels: regression when every label is a number and the labels do not look
     * like classes (some label is not a whole number, or there are more than
     * {@value CsvDataset#MAX_AUTO_CLASSES} distinct labels); classification otherwise.
     */
    AUTO,
    /** Each distinct label is a class. */
    CLASSIFY,
    /** Each label is a number to predict. */
    REGRESSION
}
