package grad.bench;

import grad.engine.Replay;
import grad.nn.Activation;
import grad.nn.Initializer;
import grad.nn.Loss;
import grad.nn.MLP;
import java.util.SplittableRandom;

/** Times the engine against the hand-written loop on the grad-rs workload: 2-10-2, one sample at a time. */
public final class EngineBench {
    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v[v.length / 2];
    }

    static double handEpochs(HandWrittenNetwork hand, double[] p, double[] grad, double[][] xs, double[][] ys, int epochs) {
        double sum = 0;
        for (int e = 0; e < epochs; e++) {
            for (int i = 0; i < xs.length; i++) {
                sum += hand.sample(p, grad, xs[i], ys[i]);
            }
        }
        return sum;
    }

    /** The same work on the engine: the network's compiled training program, replayed per sample. */
    static final class EngineNetwork {
        private final Replay replay;
        private final double[] grad;

        /** Runs as training does: on the store's own arrays, the parameters read and the gradients added there. */
        EngineNetwork(MLP mlp) {
            this.replay = mlp.trainingProgram(Loss.MSE_SOFTMAX).newGeneratedReplay();
            this.grad = mlp.store().grad();
            replay.useParameters(mlp.store().data(), grad);
        }

        double epochs(double[][] xs, double[][] ys, int epochs) {
            double sum = 0;
            for (int e = 0; e < epochs; e++) {
                for (int i = 0; i < xs.length; i++) {
                    replay.setInputs(xs[i]);
                    replay.setTargets(ys[i]);
                    replay.forward();
                    replay.backward();
                    sum += replay.output(0);
                    if (i % 50 == 49) {   // a minibatch's summed gradient, taken by the optimizer
                        java.util.Arrays.fill(grad, 0.0);
                    }
                }
            }
            return sum;
        }

        int nodesPerSample() {
            return replay.program().stepCount();
        }
    }

    /** What one measurement found: nanoseconds per sample, each the best of many interleaved rounds. */
    record EngineTimes(int nodesPerSample, double handNs, double engineNs, double medianRatio) {
        double ratio() {
            return engineNs / handNs;
        }

        double nsPerNode() {
            return engineNs / nodesPerSample;
        }
    }

    /**
     * Times {@code rounds} rounds of one epoch each, the hand-written loop and the engine alternating so
     * that a noisy machine slows both alike. The best round of each is its speed when nothing else ran.
     */
    static EngineTimes measure(int rounds) {
        int samples = 1000;
        SplittableRandom rng = new SplittableRandom(1);
        double[][] xs = new double[samples][2];
        double[][] ys = new double[samples][2];
        for (int i = 0; i < samples; i++) {
            xs[i][0] = rng.nextDouble(-5, 5);
            xs[i][1] = rng.nextDouble(-5, 5);
            ys[i][(xs[i][0] > 0) == (xs[i][1] > 0) ? 0 : 1] = 1;
        }
        MLP mlp = MLP.create(2, new int[] {10, 2}, Activation.RELU, Activation.LINEAR, new Initializer.He(), rng);
        HandWrittenNetwork hand = new HandWrittenNetwork(2, 10, 2);
        double[] params = mlp.parameterData();
        EngineNetwork engine = new EngineNetwork(mlp);
        double[] grad = new double[mlp.parameterCount()];
        double[] handNs = new double[rounds];
        double[] engineNs = new double[rounds];
        double[] ratio = new double[rounds];
        double sink = 0;
        for (int warm = 0; warm < 20; warm++) {
            sink += handEpochs(hand, params, grad, xs, ys, 5) + engine.epochs(xs, ys, 5);
        }
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            sink += handEpochs(hand, params, grad, xs, ys, 1);
            long t1 = System.nanoTime();
            sink += engine.epochs(xs, ys, 1);
            long t2 = System.nanoTime();
            handNs[r] = (double) (t1 - t0) / samples;
            engineNs[r] = (double) (t2 - t1) / samples;
            ratio[r] = engineNs[r] / handNs[r];
        }
        if (sink == 42) {
            System.out.print("");
        }
        return new EngineTimes(engine.nodesPerSample(), min(handNs), min(engineNs), median(ratio));
    }

    static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElse(Double.NaN);
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        EngineTimes r = measure(rounds);
        System.out.printf("engine: 2-10-2 MLP, softmax + MSE, forward + backward one sample at a time, %d steps/sample%n",
                r.nodesPerSample());
        System.out.printf("  hand-written double[] loop: %6.0f ns/sample  (%.2f M samples/s)%n", r.handNs(), 1e3 / r.handNs());
        System.out.printf("  grad engine (compiled):     %6.0f ns/sample  (%.2f M samples/s, %.1f ns/step)%n",
                r.engineNs(), 1e3 / r.engineNs(), r.nsPerNode());
        System.out.printf("  ratio engine / hand-written: %.2fx best epoch vs best epoch, %.2fx median of per-epoch ratios"
                + " (%d epochs each, interleaved; goal <= 2x)%n", r.ratio(), r.medianRatio(), rounds);
    }
}
