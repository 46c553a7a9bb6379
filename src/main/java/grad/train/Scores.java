package grad.train;

import grad.data.Dataset;
import grad.data.TargetScale;
import grad.nn.Loss;
import grad.nn.Model;

/**
 * How well a network does on a dataset, measured in one forward pass over every row.
 *
 * @param loss      the mean loss per row
 * @param accuracy  the fraction of rows classified right (NaN for regression)
 * @param confusion {@code confusion[actual][predicted]} counts (empty for regression)
 * @param rmse      the root mean squared error in the target's units (regression; NaN otherwise)
 * @param r2        the coefficient of determination (regression; NaN otherwise)
 */
public record Scores(double loss, double accuracy, int[][] confusion, double rmse, double r2) {

    /** Evaluates the network's current parameters on every row of {@code data}. */
    static Scores of(Model model, Loss loss, Dataset data, TargetScale scale) {
        SampleWorker worker = new SampleWorker(model, loss, data, false);
        int n = data.size();
        double totalLoss = 0;
        if (data.isRegression()) {
            double sse = 0;
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += data.target(i);
            }
            mean /= n;
            double sst = 0;
            for (int i = 0; i < n; i++) {
                totalLoss += worker.evaluate(i);
                double err = worker.lastOutput(0) - data.target(i);
                sse += err * err;
                sst += (data.target(i) - mean) * (data.target(i) - mean);
            }
            return new Scores(totalLoss / n, Double.NaN, new int[0][0], scale.std() * Math.sqrt(sse / n),
                    sst == 0 ? Double.NaN : 1 - sse / sst);
        }
        int k = data.classCount();
        int[][] confusion = new int[k][k];
        int correct = 0;
        for (int i = 0; i < n; i++) {
            totalLoss += worker.evaluate(i);
            int predicted = worker.lastPrediction();
            confusion[data.label(i)][predicted]++;
            correct += predicted == data.label(i) ? 1 : 0;
        }
        return new Scores(totalLoss / n, (double) correct / n, confusion, Double.NaN, Double.NaN);
    }
}
