package grad.bench;

import grad.examples.HousingRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * rust-micrograd's housing workload (issue 27): 1000 full-batch SGD steps of the 13-8-1 network on
 * datasets/housing.csv, grad's compiled Tensor program against the same network written with Values
 * (compiled too) and against PyTorch float64 on the CPU ({@code bench/torch_housing.py}). The training
 * loops alone are timed, in this JVM after one warm-up run of each; the medians of three interleaved runs
 * are printed.
 */
final class HousingBench {
    private HousingBench() {
    }

    /** Timed runs of each, interleaved; the medians are printed (the machine is shared: one run is noise). */
    static final int RUNS = 3;

    static void print(int steps) throws IOException, InterruptedException {
        System.out.println("6. housing (rust-micrograd): 13-8-1 ReLU, MSE, " + steps + " full-batch SGD steps on 506 rows");
        HousingRuns.tensors(steps);
        HousingRuns.values(steps);
        HousingRuns.Run[] tensors = new HousingRuns.Run[RUNS];
        HousingRuns.Run[] values = new HousingRuns.Run[RUNS];
        double[][] torch = new double[RUNS][];
        for (int r = 0; r < RUNS; r++) {
            tensors[r] = HousingRuns.tensors(steps);
            values[r] = HousingRuns.values(steps);
            torch[r] = torch(steps);
        }
        HousingRuns.Run tensor = median(tensors);
        HousingRuns.Run value = median(values);
        System.out.printf(Locale.ROOT, "   Tensor, compiled: %.3f s, CPU %.3f s (+ %.2f s to trace and compile), final loss %.4f%n",
                tensor.seconds(), tensor.cpuSeconds(), tensor.compileSeconds(), tensor.finalLoss());
        System.out.printf(Locale.ROOT, "   Value, compiled:  %.3f s, CPU %.3f s (+ %.2f s to trace and compile), final loss %.4f:"
                + " Value/Tensor %.2fx (goal within 1.5x; rust-micrograd 550x)%n", value.seconds(), value.cpuSeconds(),
                value.compileSeconds(), value.finalLoss(), value.seconds() / tensor.seconds());
        if (Arrays.stream(torch).anyMatch(run -> run == null)) {
            System.out.println("   PyTorch: baseline missing (no /usr/bin/python3 that imports torch; apt-get install -y python3-torch)");
        } else {
            double[] t = Arrays.stream(torch).sorted(Comparator.comparingDouble(run -> run[0])).toList().get(RUNS / 2);
            double[] c = Arrays.stream(torch).sorted(Comparator.comparingDouble(run -> run[2])).toList().get(RUNS / 2);
            System.out.printf(Locale.ROOT, "   PyTorch float64 (bench/torch_housing.py): %.3f s, CPU %.3f s, final loss %.4f:"
                    + " grad Tensor / PyTorch %.2fx wall, %.2fx CPU (goal <= 0.5x)%n", t[0], c[2], t[1],
                    tensor.seconds() / t[0], tensor.cpuSeconds() / c[2]);
        }
        System.out.printf(Locale.ROOT, "   (medians of %d interleaved runs; CPU: grad's thread, all of PyTorch's)%n%n", RUNS);
    }

    private static HousingRuns.Run median(HousingRuns.Run[] runs) {
        return Arrays.stream(runs).sorted(Comparator.comparingDouble(HousingRuns.Run::seconds)).toList().get(RUNS / 2);
    }

    /** PyTorch's loop seconds, final loss and loop CPU seconds, or null when no python here imports torch. */
    private static double[] torch(int steps) throws IOException, InterruptedException {
        for (String python : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(python, Path.of("bench", "torch_housing.py").toString(), Integer.toString(steps))
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (p.waitFor() == 0 && Files.isRegularFile(Path.of("bench", "torch_housing.py"))) {
                    String[] words = out.split("\\s+");
                    return new double[] {Double.parseDouble(words[0]), Double.parseDouble(words[1]), Double.parseDouble(words[2])};
                }
            } catch (IOException e) {
                // no such python
            }
        }
        return null;
    }

    /** {@code java -cp … grad.bench.HousingBench [steps]}: this section alone. */
    public static void main(String[] args) throws Exception {
        print(args.length > 0 ? Integer.parseInt(args[0]) : 1000);
    }
}
