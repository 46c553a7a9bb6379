package grad.train;

import grad.data.Dataset;
import grad.data.InputFeatures;
import grad.data.Split;
import grad.data.Standardizer;
import grad.data.TargetScale;

/**
 * The data as the network sees it: split, standardized with the training rows' statistics (or a saved
 * model's), a regression target z-scored.
 *
 * @param data         all rows, in the data's units (before any input features)
 * @param source       the label column's name and what was done to the rows: encoded, filled, dropped
 * @param split        the hold-out, in the data's units (pictures use it)
 * @param testFraction the fraction of rows held out
 * @param standardizer the features' standardization, or null
 * @param scale        the regression target's scale
 * @param train        the training rows the network trains on
 * @param test         the held-out rows, transformed as {@code train}
 * @param inputs       the input features the network computes from 2-D data, or null (the features as they are)
 * @param validation   the validation rows held out of the training rows for early stopping (transformed as
 *                     {@code train}), or null without early stopping
 */
record PreparedData(Dataset data, DataSource source, Split split, double testFraction, Standardizer standardizer,
                    TargetScale scale, Dataset train, Dataset test, InputFeatures inputs, Dataset validation) {

    /** The name of the label column (a saved model records it). */
    String labelName() {
        return source.labelName();
    }

    boolean hasTest() {
        return test.size() > 0;
    }

    /**
     * Whether decision boundaries can be drawn: two features that are numbers (two one-hot columns of a
     * text feature make no plane to shade) and classes.
     */
    boolean isPlottable() {
        return data.isPlottable() && !hasCategories();
    }

    /** What a decision boundary needs that this data lacks, e.g. "2 features (this data has 5)"; null if none. */
    String whatBoundariesNeed() {
        if (isPlottable()) {
            return null;
        }
        return hasCategories() ? "2 number features (this data's inputs are one-hot columns of text)"
                : "2 features" + (data.isRegression() ? " and classes" : "") + " (this data has " + data.featureCount() + ")";
    }

    private boolean hasCategories() {
        return source.encoding() != null && source.encoding().hasCategories();
    }
}
