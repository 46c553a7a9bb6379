package grad.text;

import java.util.ArrayList;
import java.util.List;

/** What a run measured: the training loss of every step, the held-out loss every so often, the final losses. */
final class TextHistory {
    final double[] trainLoss;
    final List<Integer> valSteps = new ArrayList<>();
    final List<Double> valLoss = new ArrayList<>();
    Losses finalTrain;
    Losses finalVal;

    TextHistory(int steps) {
        trainLoss = new double[steps];
    }

    void train(int step, double loss) {
        trainLoss[step] = loss;
    }

    /** The held-out loss after {@code steps} steps. */
    void val(int steps, double loss) {
        valSteps.add(steps);
        valLoss.add(loss);
    }

    void finish(Losses train, Losses val) {
        finalTrain = train;
        finalVal = val;
    }

    /** The mean training loss of steps {@code from} to {@code to − 1} (0-based). */
    double meanTrain(int from, int to) {
        double sum = 0;
        for (int s = Math.max(0, from); s < to; s++) {
            sum += trainLoss[s];
        }
        return sum / (to - Math.max(0, from));
    }
}
