package grad.bench;

import grad.examples.HousingRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * rust-micrograd's housing workload (issue 27): 1000 full-batch SGD steps of the 13-8-1 network on
 * datasets/housing.csv, grad's compiled Tensor program against the same network written with Values
 * (compiled too) and against PyTorch float64 on the CPU ({@code bench/torch_housing.py}). The training
 * loops alone are timed, in this JVM after one warm-up run of each.
 */
final class HousingBench {
    private HousingBench() {
    }

    static void print(int steps) throws IOException, InterruptedException {
        System.out.println("6. housing (rust-micrograd): 13-8-1 ReLU, MSE, " + steps + " full-batch SGD steps on 506 rows");
        HousingRuns.tensors(steps);
        HousingRuns.values(steps);
        HousingRuns.Run tensors = HousingRuns.tensors(steps);
        HousingRuns.Run values = HousingRuns.values(steps);
        System.out.printf(Locale.ROOT, "   Tensor, compiled: %.3f s (+ %.2f s to trace and compile), final loss %.4f%n",
                tensors.seconds(), tensors.compileSeconds(), tensors.finalLoss());
        System.out.printf(Locale.ROOT, "   Value, compiled:  %.3f s (+ %.2f s to trace and compile), final loss %.4f:"
                + " Value/Tensor %.2fx (goal within 1.5x; rust-micrograd 550x)%n",
                values.seconds(), values.compileSeconds(), values.finalLoss(), values.seconds() / tensors.seconds());
        double[] torch = torch(steps);
        if (torch == null) {
            System.out.println("   PyTorch: baseline missing (no /usr/bin/python3 that imports torch; apt-get install -y python3-torch)");
        } else {
            System.out.printf(Locale.ROOT, "   PyTorch float64 (bench/torch_housing.py): %.3f s, final loss %.4f:"
                    + " grad Tensor / PyTorch %.2fx (goal <= 0.5x)%n", torch[0], torch[1], tensors.seconds() / torch[0]);
        }
        System.out.println();
    }

    /** PyTorch's loop seconds and final loss, or null when no python here imports torch. */
    private static double[] torch(int steps) throws IOException, InterruptedException {
        for (String python : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(python, Path.of("bench", "torch_housing.py").toString(), Integer.toString(steps))
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (p.waitFor() == 0 && Files.isRegularFile(Path.of("bench", "torch_housing.py"))) {
                    String[] words = out.split("\\s+");
                    return new double[] {Double.parseDouble(words[0]), Double.parseDouble(words[1])};
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
