package grad.bench;

import grad.data.DataLoader;
import grad.data.Dataset;
import grad.data.SyntheticDataset;
import grad.nn.Activation;
import grad.nn.Initializer;
import grad.nn.MLP;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The whole-process baseline: what {@code java -jar grad.jar --dataset xor --lr 0.005 --no-plots
 * --epochs N} does, with the training loop written by hand ({@link HandWrittenNetwork}, momentum SGD
 * inline) instead of the engine, and nothing else: no command line, no metrics file, no evaluation.
 *
 * <p>It borrows grad's set-up only, so that it trains on the same data from the same start in the same
 * order: the xor points (seed 42), the He initialization of a 2-10-2 network, the minibatch shuffle.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes grad.bench.HandWrittenRun [epochs]}.
 */
public final class HandWrittenRun {
    /** {@code TrainingRun}'s salt for the initializer's random numbers. */
    private static final long INIT_SALT = 0x9E3779B97F4A7C15L;

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        long seed = 42;
        double lr = 0.005;
        double momentum = 0.9;
        Dataset data = SyntheticDataset.XOR.generate(1000, seed);
        MLP mlp = MLP.create(2, new int[] {10, 2}, Activation.RELU, Activation.LINEAR, new Initializer.He(),
                new SplittableRandom(seed ^ INIT_SALT));
        double[] p = mlp.parameterData();
        double[] grad = new double[p.length];
        double[] velocity = new double[p.length];
        HandWrittenNetwork net = new HandWrittenNetwork(2, 10, 2);
        int n = data.size();
        double[][] xs = new double[n][2];
        double[][] ys = new double[n][2];
        for (int i = 0; i < n; i++) {
            data.copyRow(i, xs[i]);
            data.oneHot(i, ys[i]);
        }
        DataLoader loader = new DataLoader(n, 50, seed);
        double loss = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            loss = 0;
            for (DataLoader.Batch batch : loader.epoch(epoch)) {
                java.util.Arrays.fill(grad, 0.0);
                for (int i = 0; i < batch.size(); i++) {
                    int row = batch.row(i);
                    loss += net.sample(p, grad, xs[row], ys[row]);
                }
                for (int k = 0; k < p.length; k++) {
                    velocity[k] = momentum * velocity[k] - lr * grad[k];
                    p[k] += velocity[k];
                }
            }
        }
        System.out.printf(Locale.ROOT, "hand-written: %d epochs of 2-10-2 on 1000 xor rows, last epoch's loss %.4f%n",
                epochs, loss / n);
    }
}
