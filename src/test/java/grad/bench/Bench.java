package grad.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code make bench}: the speed and memory figures of grad, in one run. Timings, not tests: it prints
 * what it measures and asserts nothing.
 *
 * <ol>
 *   <li>the engine against a hand-written loop, warm, in this JVM ({@link EngineBench}), and the same
 *       network written bias-first, PyTorch's ways, without a bias… against grad's own order
 *       ({@link grad.engine.ShapesBench});
 *   <li>the default command as a whole process, with and without pictures, against grad-rs's figures and
 *       against {@code bench/torch_xor.py} (PyTorch + matplotlib doing the same; skipped, saying so, when
 *       no {@code python3} imports torch, matplotlib and PIL);
 *   <li>{@code --epochs 500 --no-plots} against the same training hand-written ({@link HandWrittenRun}),
 *       both as whole processes;
 *   <li>{@code --threads 1} against {@code --threads 2} on a bigger network, as processes and warm
 *       ({@link ThreadsBench});
 *   <li>peak memory (resident set) at two dataset sizes;
 *   <li>rust-micrograd's housing workload: Tensor against Value against PyTorch ({@link HousingBench}).
 *   <li>{@code grad text} against microgpt ported plainly to Java ({@link MicroGpt}) and in CPython
 *       ({@code bench/microgpt.py}), and each text model's held-out loss at its defaults.
 *   <li>GPT-2 small's shape against PyTorch ({@link Gpt2Bench});
 *   <li>the heap a compiled 1M-parameter MLP holds against its raw doubles ({@link MemoryBench}).
 * </ol>
 *
 * <p>Peak memory comes from GNU time ({@code /usr/bin/time -f %M}) when it is installed, else from
 * {@code VmHWM} in {@code /proc/<pid>/status}, read every few milliseconds while the process runs.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes grad.bench.Bench [grad.jar] [runs] [baseline.jar]};
 * with an earlier {@code grad.jar} as the baseline, the default run is also timed against it.
 */
public final class Bench {
    /** grad-rs (Rust, release build) on the default xor workload on this kind of machine: seconds, low and high. */
    private static final double[] GRAD_RS_PLOTS = {4.0, 6.0};
    private static final double[] GRAD_RS_NO_PLOTS = {3.0, 3.6};
    private static final Path TIME = Path.of("/usr/bin/time");

    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final String jar;
    /** An earlier grad.jar to compare the default run with, or null. */
    private final String baseline;
    private final int runs;
    private final Path scratch;

    Bench(String jar, int runs, String baseline) throws IOException {
        this.jar = jar;
        this.baseline = baseline;
        this.runs = runs;
        this.scratch = Files.createTempDirectory("grad-bench");
    }

    /** One finished process: its wall time and peak resident memory. */
    record Measurement(double seconds, long peakKiB, double cpuSeconds, String output) { }

    /** The medians of several runs of one command. */
    record Runs(double seconds, long peakKiB) { }

    public static void main(String[] args) throws Exception {
        String jar = args.length > 0 ? args[0] : "grad.jar";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        if (!Files.isRegularFile(Path.of(jar))) {
            System.err.println("bench: no " + jar + " (make jar builds it)");
            System.exit(1);
        }
        Bench bench = new Bench(jar, runs, args.length > 2 ? args[2] : null);
        try {
            bench.all();
        } finally {
            bench.deleteScratch();
        }
    }

    private void all() throws Exception {
        System.out.printf(Locale.ROOT, "grad bench: %d processors, %.1f GiB RAM, Java %s (%s); %d runs of each command, medians;"
                + " peak memory from %s%n%n", Runtime.getRuntime().availableProcessors(), totalMemoryGiB(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), runs,
                Files.isExecutable(TIME) ? "/usr/bin/time" : "VmHWM in /proc (no /usr/bin/time)");

        System.out.println("1. engine vs hand-written loop (warm, in one JVM)");
        EngineBench.EngineTimes e = EngineBench.measure(300);
        System.out.printf(Locale.ROOT, "   %d steps/sample: compiled engine %.0f ns/sample = %.1f ns/step; hand-written %.0f ns/sample%n",
                e.nodesPerSample(), e.engineNs(), e.nsPerNode(), e.handNs());
        System.out.printf(Locale.ROOT, "   engine / hand-written: %.2fx (best epoch vs best epoch), %.2fx (median of 300"
                + " interleaved epochs); goal <= 2x%n", e.ratio(), e.medianRatio());
        System.out.println("   the same network written other ways, trained per epoch (each in its own JVM, median of 3"
                + " runs of the best of 100 epochs; goal <= 1.10x grad's own):");
        grad.engine.ShapesBench.print(grad.engine.ShapesBench.measure(100), "   ");
        System.out.println();

        System.out.println("2. the default run: java -jar grad.jar --dataset xor --lr 0.005 (1000 points, 2-10-2, 50 epochs)");
        Runs plots = grad("--dataset", "xor", "--lr", "0.005");
        Runs noPlots = grad("--dataset", "xor", "--lr", "0.005", "--no-plots");
        System.out.printf(Locale.ROOT, "   with its 13 pictures and GIF: %5.2f s, %s; grad-rs %.0f-%.0f s: %.1f-%.1fx faster (goal: < 1 s)%n",
                plots.seconds(), mib(plots.peakKiB()), GRAD_RS_PLOTS[0], GRAD_RS_PLOTS[1],
                GRAD_RS_PLOTS[0] / plots.seconds(), GRAD_RS_PLOTS[1] / plots.seconds());
        System.out.printf(Locale.ROOT, "   --no-plots:                   %5.2f s, %s; grad-rs %.1f-%.1f s: %.1f-%.1fx faster%n",
                noPlots.seconds(), mib(noPlots.peakKiB()), GRAD_RS_NO_PLOTS[0], GRAD_RS_NO_PLOTS[1],
                GRAD_RS_NO_PLOTS[0] / noPlots.seconds(), GRAD_RS_NO_PLOTS[1] / noPlots.seconds());

        torch();

        if (baseline != null) {
            List<Measurement> now = new ArrayList<>();
            List<Measurement> before = new ArrayList<>();
            for (int r = 0; r < runs; r++) {   // interleaved
                now.add(run(command("-jar", jar, "--dataset", "xor", "--lr", "0.005", "-o", scratch.resolve("out").toString())));
                before.add(run(command("-jar", baseline, "--dataset", "xor", "--lr", "0.005", "-o",
                        scratch.resolve("before").toString())));
            }
            System.out.printf(Locale.ROOT, "   against %s, interleaved: %.2f s now, %.2f s before: %.2fx (goal: no slower)%n%n",
                    baseline, median(now).seconds(), median(before).seconds(), median(now).seconds() / median(before).seconds());
        }

        System.out.println("3. --epochs 500 --no-plots against the same training hand-written, as whole processes");
        String classPath = System.getProperty("java.class.path");
        String hand = HandWrittenRun.class.getName();
        List<List<Measurement>> pairs = List.of(new ArrayList<>(), new ArrayList<>());
        double[] ratios = new double[runs];
        for (int r = 0; r < runs; r++) {   // paired and interleaved, so that a busy spell hurts both alike
            Measurement g = run(command("-jar", jar, "--dataset", "xor", "--lr", "0.005", "--epochs", "500", "--no-plots",
                    "-o", scratch.resolve("out").toString()));
            Measurement h = run(command("-cp", classPath, hand, "500"));
            pairs.get(0).add(g);
            pairs.get(1).add(h);
            ratios[r] = g.seconds() / h.seconds();
        }
        Runs long500 = median(pairs.get(0));
        Runs hand500 = median(pairs.get(1));
        System.out.printf(Locale.ROOT, "   grad %.2f s, hand-written %.2f s: %.2fx (median of paired ratios; goal <= 2x)%n",
                long500.seconds(), hand500.seconds(), EngineBench.median(ratios));
        Runs bare = median(java("-cp", classPath, Idle.class.getName()));
        Runs version = median(java("-jar", jar, "--version"));
        Runs first = grad("--dataset", "xor", "--lr", "0.005", "--epochs", "1", "--no-plots");
        Runs hand1 = median(java("-cp", classPath, hand, "1"));
        System.out.printf(Locale.ROOT, "   where grad's time goes: a bare JVM %.2f s; + picocli, the commands and their options"
                + " (--version) %.2f s; + data, network, compiling, one epoch and the outputs (--epochs 1) %.2f s;"
                + " the other 499 epochs %.2f s%n", bare.seconds(), version.seconds(), first.seconds(),
                long500.seconds() - first.seconds());
        System.out.printf(Locale.ROOT, "   net of start-up (500 epochs − 1 epoch): grad %.2f s, hand-written %.2f s: %.2fx%n%n",
                long500.seconds() - first.seconds(), hand500.seconds() - hand1.seconds(),
                (long500.seconds() - first.seconds()) / (hand500.seconds() - hand1.seconds()));

        System.out.println("4. threads: --hidden-units 64,64 --class-size 5000 --no-plots (4482 parameters, 50 epochs)");
        Runs[] threads = new Runs[2];
        List<List<Measurement>> byThreads = List.of(new ArrayList<>(), new ArrayList<>());
        for (int r = 0; r < runs; r++) {   // alternate, so that a busy spell of the machine hurts both alike
            for (int t = 1; t <= 2; t++) {
                byThreads.get(t - 1).add(run(command("-jar", jar, "--dataset", "xor", "--lr", "0.005", "--hidden-units",
                        "64,64", "--class-size", "5000", "--no-plots", "--threads", Integer.toString(t), "-o",
                        scratch.resolve("threads").toString())));
            }
        }
        threads[0] = median(byThreads.get(0));
        threads[1] = median(byThreads.get(1));
        System.out.printf(Locale.ROOT, "   whole process: 1 thread %.2f s, 2 threads %.2f s: %.2fx (goal >= 1.7x)%n",
                threads[0].seconds(), threads[1].seconds(), threads[0].seconds() / threads[1].seconds());
        ThreadsBench.ThreadTimes warm = ThreadsBench.measure(8);
        System.out.printf(Locale.ROOT, "   a warm epoch in one JVM: 1 thread %.0f ms, 2 threads %.0f ms: %.2fx%n",
                warm.oneThreadMs(), warm.twoThreadsMs(), warm.speedUp());
        System.out.printf(Locale.ROOT, "   (what 2 threads can give on this machine right now, a loop with no shared data: %.2fx)%n%n",
                idealSpeedUp());

        System.out.println("5. peak memory: --epochs 2 --no-plots at two dataset sizes");
        Runs small = grad("--dataset", "xor", "--lr", "0.005", "--epochs", "2", "--no-plots", "--class-size", "1000");
        Runs big = grad("--dataset", "xor", "--lr", "0.005", "--epochs", "2", "--no-plots", "--class-size", "100000");
        System.out.printf(Locale.ROOT, "   --class-size 1000: %s; --class-size 100000: %s: %.2fx (goal <= 1.5x)%n",
                mib(small.peakKiB()), mib(big.peakKiB()), (double) big.peakKiB() / small.peakKiB());
        Runs smallCapped = grad("-Xmx64m", "--dataset", "xor", "--lr", "0.005", "--epochs", "2", "--no-plots", "--class-size", "1000");
        Runs bigCapped = grad("-Xmx64m", "--dataset", "xor", "--lr", "0.005", "--epochs", "2", "--no-plots", "--class-size", "100000");
        System.out.printf(Locale.ROOT, "   the same with -Xmx64m: %s and %s: %.2fx%n",
                mib(smallCapped.peakKiB()), mib(bigCapped.peakKiB()), (double) bigCapped.peakKiB() / smallCapped.peakKiB());
        System.out.println();

        HousingBench.print(1000);
        System.out.println();

        text();

        gpt2();

        MemoryBench.print();
    }

    /**
     * {@code grad text}: microgpt's default run against the plain Java port ({@link MicroGpt}) in paired,
     * interleaved runs, and once against {@code bench/microgpt.py} in CPython (about 5 minutes; skipped
     * with BENCH_PYTHON=0); then each model's held-out loss at its defaults against makemore's.
     */
    private void text() throws Exception {
        System.out.println("7. grad text --no-plots (microgpt: 1000 steps of one name) against microgpt ported plainly to Java,"
                + " as whole processes (at least 5 interleaved pairs)");
        // the first run compiles the program and keeps it in an empty cache of compiled programs; the paired runs read it
        Path cache = scratch.resolve("program-cache");
        if (Files.isDirectory(cache)) {
            try (var files = Files.list(cache)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        String cacheDir = "-Dgrad.cache.dir=" + cache;
        Measurement first = run(command(cacheDir, "-jar", jar, "text", "--no-plots", "-o", scratch.resolve("text").toString()));
        List<List<Measurement>> pairs = List.of(new ArrayList<>(), new ArrayList<>());
        int count = Math.max(runs, 5);   // the ratio sits near its goal, and the machine's noise is about ±10%
        double[] wall = new double[count];
        double[] cpu = new double[count];
        for (int r = 0; r < count; r++) {
            Measurement g = run(command(cacheDir, "-jar", jar, "text", "--no-plots", "-o", scratch.resolve("text").toString()));
            Measurement port = run(command("-cp", System.getProperty("java.class.path"), MicroGpt.class.getName(),
                    "datasets/names.txt", "1000"));
            pairs.get(0).add(g);
            pairs.get(1).add(port);
            wall[r] = g.seconds() / port.seconds();
            cpu[r] = g.cpuSeconds() / port.cpuSeconds();
        }
        System.out.printf(Locale.ROOT, "   wall %.2f s vs %.2f s: %.2fx; CPU %.2f s vs %.2f s: %.2fx (medians of paired ratios;"
                + " goal <= 0.10x)%n", median(pairs.get(0)).seconds(), median(pairs.get(1)).seconds(),
                EngineBench.median(wall), medianCpu(pairs.get(0)), medianCpu(pairs.get(1)), EngineBench.median(cpu));
        System.out.printf(Locale.ROOT, "   the first run, compiling into an empty program cache: %.2f s, %.2fx the port's median%n",
                first.seconds(), first.seconds() / median(pairs.get(1)).seconds());
        if (!"0".equals(System.getenv("BENCH_PYTHON"))) {
            try {
                Measurement py = run(List.of("python3", "bench/microgpt.py", "datasets/names.txt", "1000"));
                System.out.printf(Locale.ROOT, "   bench/microgpt.py in CPython, once: %.1f s: grad is %.0fx faster (goal >= 250x)%n",
                        py.seconds(), py.seconds() / median(pairs.get(0)).seconds());
            } catch (IOException e) {
                System.out.println("   bench/microgpt.py: no python3");
            }
        }
        String[][] models = {{"gpt", "2.50", "microgpt ~2.37"}, {"bigram", "2.50", "makemore 2.48"},
            {"mlp", "2.25", "makemore 2.17"}, {"rnn", "2.30", "makemore 2.06"}, {"gru", "2.30", "makemore 2.01"}};
        for (String[] m : models) {
            Path out = scratch.resolve("text-" + m[0]);
            Measurement run = run(command(cacheDir, "-jar", jar, "text", "--model", m[0], "--no-plots", "-o", out.toString()));
            String metrics = Files.readString(out.resolve("metrics_names.json"));
            String val = metrics.replaceAll("(?s).*\"final\".*?\"val_loss\": ([0-9.]+).*", "$1");
            System.out.printf(Locale.ROOT, "   --model %-6s held-out loss %s (goal <= %s; %s) in %.1f s%n", m[0],
                    val.substring(0, Math.min(6, val.length())), m[1], m[2], run.seconds());
        }
    }

    /**
     * The default run against {@code bench/torch_xor.py}, the same training and pictures in PyTorch + matplotlib:
     * paired, interleaved runs, the median of the ratios grad / PyTorch, wall and CPU time. Says how to install
     * the baseline when no Python here imports torch, matplotlib and PIL.
     */
    private void torch() throws Exception {
        Path script = Path.of("bench", "torch_xor.py");
        String python = torchPython();
        if (python == null || !Files.isRegularFile(script)) {
            System.out.println("   against PyTorch + matplotlib: baseline missing (" + (python == null
                    ? "no python3 that imports torch, matplotlib and PIL; apt-get install -y python3-torch"
                    + " python3-matplotlib python3-pil" : "no " + script) + ")");
            System.out.println();
            return;
        }
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        List<List<Measurement>> pairs = List.of(new ArrayList<>(), new ArrayList<>());
        for (int r = 0; r < runs; r++) {   // paired and interleaved, so that a busy spell hurts both alike
            Measurement g = run(command("-jar", jar, "--dataset", "xor", "--lr", "0.005", "-o",
                    scratch.resolve("grad-vs-torch").toString()));
            Measurement t = run(List.of(python, script.toString(), scratch.resolve("torch").toString()));
            pairs.get(0).add(g);
            pairs.get(1).add(t);
            wall[r] = g.seconds() / t.seconds();
            cpu[r] = g.cpuSeconds() / t.cpuSeconds();
        }
        Runs g = median(pairs.get(0));
        Runs t = median(pairs.get(1));
        System.out.printf(Locale.ROOT, "   against PyTorch + matplotlib (%s, same model and pictures), %d interleaved pairs:%n"
                + "     wall %.2f s vs %.2f s: %.2fx; CPU %.2f s vs %.2f s: %.2fx (grad/PyTorch, medians of paired ratios;"
                + " goal <= 0.35x)%n%n", script, runs, g.seconds(), t.seconds(), EngineBench.median(wall),
                medianCpu(pairs.get(0)), medianCpu(pairs.get(1)), EngineBench.median(cpu));
    }

    /** Part 6 ({@link Gpt2Bench}): GPT-2 small's shape, tokens per second against PyTorch, and peak memory. */
    private void gpt2() throws Exception {
        System.out.printf(Locale.ROOT, "%n8. GPT-2 small's shape (124M parameters, random weights): greedy generation%n");
        Gpt2Bench.print(this, jar, scratch);
    }

    /** Runs {@link Gpt2Bench} alone, once. */
    static void gpt2Only(String jar) throws Exception {
        Bench bench = new Bench(jar, 1, null);
        try {
            bench.gpt2();
        } finally {
            bench.deleteScratch();
        }
    }

    /** The first of python3 on the PATH and Debian's /usr/bin/python3 that runs {@code imports}, or null. */
    static String python(String imports) throws InterruptedException {
        for (String python : List.of("python3", "/usr/bin/python3")) {
            try {
                Process p = new ProcessBuilder(python, "-c", imports).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() == 0) {
                    return python;
                }
            } catch (IOException e) {
                // no such python
            }
        }
        return null;
    }

    /** The first of python3 on the PATH and Debian's /usr/bin/python3 that imports torch, matplotlib and PIL, or null. */
    private static String torchPython() throws InterruptedException {
        return python("import torch, matplotlib, PIL");
    }

    private static double medianCpu(List<Measurement> runs) {
        double[] s = runs.stream().mapToDouble(Measurement::cpuSeconds).sorted().toArray();
        return s[s.length / 2];
    }

    /** The speed-up of two threads over one on independent arithmetic: 2 on an idle 2-core machine, less when others run. */
    private static double idealSpeedUp() throws InterruptedException {
        long n = 50_000_000L;
        double best = 0;
        for (int r = 0; r < 3; r++) {
            long t0 = System.nanoTime();
            double one = spin(n);
            long t1 = System.nanoTime();
            double[] other = new double[1];
            Thread t = new Thread(() -> other[0] = spin(n / 2));
            t.start();
            double mine = spin(n / 2);
            t.join();
            long t2 = System.nanoTime();
            if (one + mine + other[0] != 42) {
                best = Math.max(best, (double) (t1 - t0) / (t2 - t1));
            }
        }
        return best;
    }

    private static double spin(long n) {
        double s = 0;
        for (long i = 0; i < n; i++) {
            s += Math.sqrt(i);
        }
        return s;
    }

    /** Runs grad with these arguments (JVM options first, those starting with -X) {@link #runs} times. */
    private Runs grad(String... args) throws Exception {
        List<String> jvm = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String a : args) {
            (a.startsWith("-X") ? jvm : rest).add(a);
        }
        jvm.add("-jar");
        jvm.add(jar);
        jvm.addAll(rest);
        jvm.add("-o");
        jvm.add(scratch.resolve("out").toString());
        return median(java(jvm.toArray(String[]::new)));
    }

    private List<Measurement> java(String... args) throws Exception {
        List<Measurement> all = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            all.add(run(command(args)));
        }
        return all;
    }

    List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** Runs a command to its end; fails loudly if it does not exit 0. */
    Measurement run(List<String> command) throws Exception {
        Path timeOut = scratch.resolve("time.txt");
        List<String> full = new ArrayList<>();
        boolean gnuTime = Files.isExecutable(TIME);
        if (gnuTime) {
            full.addAll(List.of(TIME.toString(), "-f", "%M %U %S", "-o", timeOut.toString()));
        }
        full.addAll(command);
        Path log = scratch.resolve("log.txt");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long peak = 0;
        if (!gnuTime) {
            Path status = Path.of("/proc", Long.toString(p.pid()), "status");
            while (p.isAlive()) {
                peak = Math.max(peak, vmHwm(status));
                Thread.sleep(5);
            }
        }
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        String output = Files.readString(log);
        if (exit != 0) {
            throw new IllegalStateException("exit " + exit + " from " + String.join(" ", command) + ":\n" + output);
        }
        double cpu = Double.NaN;
        if (gnuTime) {
            List<String> lines = Files.readAllLines(timeOut);
            String[] fields = lines.get(lines.size() - 1).trim().split(" ");
            peak = Long.parseLong(fields[0]);
            cpu = Double.parseDouble(fields[1]) + Double.parseDouble(fields[2]);
        }
        return new Measurement(seconds, peak, cpu, output);
    }

    private static long vmHwm(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the process has just ended
        }
        return 0;
    }

    private static Runs median(List<Measurement> runs) {
        double[] s = runs.stream().mapToDouble(Measurement::seconds).sorted().toArray();
        long[] m = runs.stream().mapToLong(Measurement::peakKiB).sorted().toArray();
        return new Runs(s[s.length / 2], m[m.length / 2]);
    }

    static String mib(long kib) {
        return String.format(Locale.ROOT, "%.0f MiB peak", kib / 1024.0);
    }

    private static double totalMemoryGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0;
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return Double.NaN;
    }

    private void deleteScratch() throws IOException {
        try (Stream<Path> files = Files.walk(scratch)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
