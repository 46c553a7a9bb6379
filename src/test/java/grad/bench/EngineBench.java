package grad.bench;

import grad.engine.Tape;
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

    /** The same work on the engine: record, backward, collect the parameters' gradients. */
    static final class TapeNetwork {
        private final MLP mlp;
        private final Tape tape = new Tape();
        private final int parameters;
        private final int mark;

        TapeNetwork(MLP mlp) {
            this.mlp = mlp;
            this.parameters = mlp.load(tape);
            this.mark = tape.size();
        }

        double epochs(double[] grad, double[][] xs, double[][] ys, int epochs) {
            double sum = 0;
            for (int e = 0; e < epochs; e++) {
                for (int i = 0; i < xs.length; i++) {
                    tape.truncate(mark);
                    int x = tape.leaves(xs[i]);
                    int y = tape.leaves(ys[i]);
                    int loss = Loss.MSE_SOFTMAX.record(tape, mlp.forward(tape, parameters, x), y, 2);
                    tape.backward(loss);
                    tape.drainGradients(parameters, grad);
                    sum += tape.data(loss);
                }
            }
            return sum;
        }

        int nodesPerSample() {
            return tape.size() - mark;
        }
    }

    public static void main(String[] args) {
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
        TapeNetwork engine = new TapeNetwork(mlp);
        double[] grad = new double[mlp.parameterCount()];
        int rounds = 60;
        double[] handNs = new double[rounds];
        double[] engineNs = new double[rounds];
        double[] ratio = new double[rounds];
        double sink = 0;
        for (int warm = 0; warm < 20; warm++) {
            sink += handEpochs(hand, mlp.parameters(), grad, xs, ys, 5) + engine.epochs(grad, xs, ys, 5);
        }
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            sink += handEpochs(hand, mlp.parameters(), grad, xs, ys, 5);
            long t1 = System.nanoTime();
            sink += engine.epochs(grad, xs, ys, 5);
            long t2 = System.nanoTime();
            handNs[r] = (t1 - t0) / 5.0 / samples;
            engineNs[r] = (t2 - t1) / 5.0 / samples;
            ratio[r] = engineNs[r] / handNs[r];
        }
        double h = median(handNs);
        double e = median(engineNs);
        System.out.printf("engine: 2-10-2 MLP, softmax + MSE, forward + backward one sample at a time, %d nodes/sample%n",
                engine.nodesPerSample());
        System.out.printf("  hand-written double[] loop: %6.0f ns/sample  (%.2f M samples/s)%n", h, 1e3 / h);
        System.out.printf("  grad engine (tape):         %6.0f ns/sample  (%.2f M samples/s, %.1f ns/node)%n",
                e, 1e3 / e, e / engine.nodesPerSample());
        System.out.printf("  ratio engine / hand-written: %.2fx (median of %d rounds; goal <= 3x)%n", median(ratio), rounds);
        System.out.println(sink > 0 ? "" : " ");
    }
}
