package grad.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Times the default 2-10-2 network (relu, cross-entropy, xor's 1000 points, SGD on minibatches of 50)
 * written the ways {@link Networks} writes a layer, each trained per epoch on its compiled program bound
 * to its parameter array: the compiler normalises before it fuses, so every way should run as fast as
 * grad's own. Each way runs in a JVM of its own, as a training run does (in one JVM, whichever program
 * the JIT compiles first gets the best code), three times, alternating; the median of each way's best
 * epochs is its figure. Timings only (part of {@code make bench}); no assertion.
 */
public final class ShapesBench {
    private ShapesBench() {
    }

    /** One way of writing the network, ready to train. */
    private static final class Trainer {
        final Replay replay;
        final double[] p;
        final double[] g;

        Trainer(Networks.Shape shape) {
            Networks net = new Networks(shape, new int[] {2, 10, 2}, Op.RELU, new SplittableRandom(1));
            List<Value> x = Networks.leaves(0, 0);
            List<Value> t = Networks.leaves(0, 0);
            Program program = Compiler.compile(List.of(Networks.crossEntropy(net.call(x), t)), net.parameters, x, t);
            replay = program.newGeneratedReplay();
            p = FusionTest.data(net.parameters);
            g = new double[p.length];
            replay.useParameters(p, g);
        }

        double epoch(double[][] xs, double[][] ys) {
            double sum = 0;
            for (int i = 0; i < xs.length; i++) {
                replay.setInputs(xs[i]);
                replay.setTargets(ys[i]);
                replay.forward();
                replay.backward();
                sum += replay.output(0);
                if (i % 50 == 49) {
                    for (int k = 0; k < p.length; k++) {
                        p[k] -= 0.005 * g[k];
                    }
                    Arrays.fill(g, 0);
                }
            }
            return sum;
        }
    }

    /**
     * Nanoseconds per training sample of each way (the best of {@code rounds} interleaved epochs), grad's
     * own first.
     */
    public static Map<String, Double> measure(int rounds) throws IOException, InterruptedException {
        List<Networks.Shape> shapes = List.of(Networks.Shape.GRAD, Networks.Shape.BIAS_FIRST, Networks.Shape.LINEAR,
                Networks.Shape.X_W, Networks.Shape.NO_BIAS, Networks.Shape.SWAPPED, Networks.Shape.PYTHON_SUM);
        double[][] runs = new double[shapes.size()][3];
        for (int run = 0; run < 3; run++) {
            for (int s = 0; s < shapes.size(); s++) {
                runs[s][run] = child(rounds, shapes.get(s));
            }
        }
        Map<String, Double> times = new LinkedHashMap<>();
        for (int s = 0; s < shapes.size(); s++) {
            Arrays.sort(runs[s]);
            times.put(name(shapes.get(s)), runs[s][1]);
        }
        return times;
    }

    /** One way's best epoch in a JVM of its own. */
    private static double child(int rounds, Networks.Shape shape) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ShapesBench.class.getName(), Integer.toString(rounds),
                shape.name()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("ShapesBench " + shape + " failed");
        }
        String last = out.strip().lines().reduce((a, b) -> b).orElseThrow();
        return Double.parseDouble(last.replaceAll(".*\\s(\\d+) ns/sample.*", "$1"));
    }

    static Map<String, Double> measure(int rounds, List<Networks.Shape> shapes) {
        SplittableRandom rng = new SplittableRandom(1);
        double[][] xs = new double[1000][2];
        double[][] ys = new double[1000][2];
        for (int i = 0; i < xs.length; i++) {
            xs[i][0] = rng.nextDouble(-5, 5);
            xs[i][1] = rng.nextDouble(-5, 5);
            ys[i][(xs[i][0] > 0) == (xs[i][1] > 0) ? 0 : 1] = 1;
        }
        List<Trainer> trainers = new ArrayList<>();
        for (Networks.Shape shape : shapes) {
            trainers.add(new Trainer(shape));
        }
        double sink = 0;
        double[] best = new double[shapes.size()];
        Arrays.fill(best, Double.MAX_VALUE);
        for (int r = -20; r < rounds; r++) {   // 20 warm-up rounds
            for (int s = 0; s < trainers.size(); s++) {
                long t0 = System.nanoTime();
                sink += trainers.get(s).epoch(xs, ys);
                double ns = (double) (System.nanoTime() - t0) / xs.length;
                best[s] = r >= 0 ? Math.min(best[s], ns) : best[s];
            }
        }
        Map<String, Double> times = new LinkedHashMap<>();
        for (int s = 0; s < shapes.size(); s++) {
            times.put(name(shapes.get(s)), best[s]);
        }
        if (sink == 42) {
            System.out.print("");
        }
        return times;
    }

    private static String name(Networks.Shape shape) {
        return switch (shape) {
            case GRAD -> "grad's own (w·x summed, bias last)";
            case BIAS_FIRST -> "bias first (micrograd's Neuron)";
            case LINEAR -> "PyTorch Linear ([out][in] weights, then biases)";
            case X_W -> "PyTorch x·W + b ([in][out] weights)";
            case NO_BIAS -> "no bias (microgpt's linear)";
            case SWAPPED -> "operands swapped (x·w)";
            case PYTHON_SUM -> "Python's sum (0 + w·x + …)";
            case MIXED -> "mixed";
            case VALUE_DOT -> "Value.dot, bias after (a Tensor's Linear)";
            case BIAS_PLUS_DOT -> "bias + Value.dot";
            case DOT_NO_BIAS -> "Value.dot, no bias (a Tensor's matmul)";
        };
    }

    /** Prints each way's time and its ratio to grad's own. */
    public static void print(Map<String, Double> times, String indent) {
        double own = times.values().iterator().next();
        times.forEach((name, ns) -> System.out.printf(Locale.ROOT, "%s%-50s %5.0f ns/sample  %.2fx grad's own%n",
                indent, name, ns, ns / own));
    }

    /** {@code ShapesBench [rounds [SHAPE…]]}: every way, each in its own JVM; or the ways named, in this one. */
    public static void main(String[] args) throws IOException, InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        if (args.length > 1) {
            print(measure(rounds, Arrays.stream(args).skip(1).map(Networks.Shape::valueOf).toList()), "  ");
            return;
        }
        System.out.printf("the 2-10-2 network written seven ways, trained per epoch (each in its own JVM, median of 3"
                + " runs of the best of %d epochs; goal <= 1.10x)%n", rounds);
        print(measure(rounds), "  ");
    }
}
