package grad.plot;

/**
 * Metrics per epoch, as {@link CurvesPlot} draws them. The test arrays are {@code null} when there
 * is no test set, the validation arrays when there is no validation set (no early stopping). Non-finite
 * values (a diverged run) leave gaps.
 *
 * @param title chart title, e.g. the dataset's name
 * @param epochs the epoch of each entry, increasing
 * @param trainLoss training loss per entry
 * @param trainMetric training metric per entry (accuracy as a fraction, or R², ...)
 * @param testLoss test loss per entry, or {@code null}
 * @param testMetric test metric per entry, or {@code null}
 * @param validationLoss validation loss per entry, or {@code null}
 * @param validationMetric validation metric per entry, or {@code null}
 * @param metricName the metric's name; {@code "accuracy"} is shown in percent on a 0–100 axis
 * @param warningEpochs the epochs a health check warned in, marked with a vertical line (may be empty)
 */
public record TrainingCurves(
        String title,
        int[] epochs,
        double[] trainLoss,
        double[] trainMetric,
        double[] testLoss,
        double[] testMetric,
        double[] validationLoss,
        double[] validationMetric,
        String metricName,
        int[] warningEpochs) {

    /** Curves without validation. */
    public TrainingCurves(String title, int[] epochs, double[] trainLoss, double[] trainMetric, double[] testLoss,
                          double[] testMetric, String metricName, int[] warningEpochs) {
        this(title, epochs, trainLoss, trainMetric, testLoss, testMetric, null, null, metricName, warningEpochs);
    }

    /** Curves without validation or warnings. */
    public TrainingCurves(String title, int[] epochs, double[] trainLoss, double[] trainMetric, double[] testLoss,
                          double[] testMetric, String metricName) {
        this(title, epochs, trainLoss, trainMetric, testLoss, testMetric, metricName, new int[0]);
    }

    /** Checks that every present array has one entry per epoch, and copies them. */
    public TrainingCurves {
        int n = epochs.length;
        if (n == 0) {
            throw new IllegalArgumentException("no epochs to plot");
        }
        if ((testLoss == null) != (testMetric == null)) {
            throw new IllegalArgumentException("give both test arrays or neither");
        }
        if ((validationLoss == null) != (validationMetric == null)) {
            throw new IllegalArgumentException("give both validation arrays or neither");
        }
        for (double[] values : new double[][] {trainLoss, trainMetric, testLoss, testMetric, validationLoss,
                validationMetric}) {
            if (values != null && values.length != n) {
                throw new IllegalArgumentException("a metric has " + values.length + " entries for " + n + " epochs");
            }
        }
        epochs = epochs.clone();
        trainLoss = trainLoss.clone();
        trainMetric = trainMetric.clone();
        testLoss = copy(testLoss);
        testMetric = copy(testMetric);
        validationLoss = copy(validationLoss);
        validationMetric = copy(validationMetric);
        warningEpochs = warningEpochs == null ? new int[0] : warningEpochs.clone();
    }

    private static double[] copy(double[] values) {
        return values == null ? null : values.clone();
    }
}
