package grad.bench;

import grad.data.Dataset;
import grad.data.SyntheticDataset;
import grad.nn.Activation;
import grad.nn.Initializer;
import grad.nn.Loss;
import grad.nn.MLP;
import grad.optim.SGD;
import grad.train.Trainer;
import java.util.SplittableRandom;

/**
 * Times warm training epochs of the bigger network ({@code --hidden-units 64,64 --class-size 5000}) on
 * one thread and on two, alternating, inside one JVM: the speed-up without JVM start-up and warm-up.
 */
public final class ThreadsBench {
    record ThreadTimes(double oneThreadMs, double twoThreadsMs) {
        double speedUp() {
            return oneThreadMs / twoThreadsMs;
        }
    }

    static ThreadTimes measure(int rounds) {
        Dataset data = SyntheticDataset.XOR.generate(5000, 42);
        Trainer one = trainer(data, 1);
        Trainer two = trainer(data, 2);
        double[] oneMs = new double[rounds];
        double[] twoMs = new double[rounds];
        for (int epoch = 1; epoch <= 3; epoch++) {
            one.epoch(epoch);
            two.epoch(epoch);
        }
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            one.epoch(4 + r);
            long t1 = System.nanoTime();
            two.epoch(4 + r);
            long t2 = System.nanoTime();
            oneMs[r] = (t1 - t0) / 1e6;
            twoMs[r] = (t2 - t1) / 1e6;
        }
        one.close();
        two.close();
        return new ThreadTimes(EngineBench.min(oneMs), EngineBench.min(twoMs));
    }

    private static Trainer trainer(Dataset data, int threads) {
        MLP model = MLP.create(2, new int[] {64, 64, 2}, Activation.RELU, Activation.LINEAR, new Initializer.He(),
                new SplittableRandom(1));
        SGD sgd = new SGD(model.store(), 0.005, 0.9);
        Trainer trainer = new Trainer(model, Loss.MSE_SOFTMAX, sgd, 0.005, data, 50, 42, threads);
        if (trainer.threads() != threads) {
            throw new IllegalStateException("expected " + threads + " threads, got " + trainer.threads());
        }
        return trainer;
    }

    public static void main(String[] args) {
        ThreadTimes r = measure(args.length > 0 ? Integer.parseInt(args[0]) : 10);
        System.out.printf("threads: 2-64-64-2 on 5000 xor rows, a warm epoch: 1 thread %.0f ms, 2 threads %.0f ms,"
                + " speed-up %.2fx (best epochs)%n", r.oneThreadMs(), r.twoThreadsMs(), r.speedUp());
    }
}
