package grad.plot;

/**
 * Metrics per epoch, as {@link CurvesPlot} draws them. The test arrays are {@code null} when there
 * is no test set. Non-finite values (a diverged run) leave gaps.
 *
 * @param title chart title, e.g. the dataset's name
 * @param epochs the epoch of each entry, increasing
 * @param trainLoss training loss per entry
 * @param trainMetric training metric per entry (accuracy as a fraction, or R², ...)
 * @param testLoss test loss per entry, or {@code null}
 * @param testMetric test metric per entry, or {@code null}
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
        String metricName,
        int[] warningEpochs) {

    /** Curves without warnings. */
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
        for (double[] values : new double[][] {trainLoss, trainMetric, testLoss, testMetric}) {
            if (values != null && values.length != n) {
                throw new IllegalArgumentException("a metric has " + values.length + " entries for " + n + " epochs");
            }
        }
        epochs = epochs.clone();
        trainLoss = trainLoss.clone();
        trainMetric = trainMetric.clone();
        testLoss = testLoss == null ? null : testLoss.clone();
        testMetric = testMetric == null ? null : testMetric.clone();
        warningEpochs = warningEpochs == null ? new int[0] : warningEpochs.clone();
    }
}
