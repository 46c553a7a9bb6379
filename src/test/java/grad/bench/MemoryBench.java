package grad.bench;

import grad.engine.Compiler;
import grad.engine.Program;
import grad.engine.Replay;
import grad.engine.Value;
import grad.tensor.Tensor;
import grad.tensor.nn.Linear;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Issue 27's memory goal: a compiled tensor program keeps parameters and activations in flat arrays, so
 * that a 1M-parameter MLP's forward and backward fit in at most 3× the memory of its raw doubles. A
 * 784-1000-200-10 ReLU MLP (987,210 parameters) with a cross-entropy loss is traced for one sample and
 * compiled; after one forward and backward, the heap that the {@link Program} and its {@link Replay}
 * hold (its step tables, the slots' values and gradients, the parameters' copy) is the live heap with
 * them minus the live heap once they are dropped, each after a full collection. The generated code
 * lives outside the heap (a hidden class): its metaspace is printed beside it.
 */
final class MemoryBench {
    private static final int[] SIZES = {784, 1000, 200, 10};

    private MemoryBench() {
    }

    static void print() {
        System.out.printf(Locale.ROOT, "%n9. memory: a compiled %s ReLU MLP, forward and backward of one sample%n",
                java.util.Arrays.toString(SIZES).replace(", ", "-").replaceAll("[\\[\\]]", ""));
        Random random = new Random(1);
        List<Linear> layers = new ArrayList<>();
        List<Value> parameters = new ArrayList<>();
        for (int l = 0; l + 1 < SIZES.length; l++) {
            layers.add(new Linear(SIZES[l], SIZES[l + 1], true, random));
            parameters.addAll(layers.get(l).parameters());
        }
        long metaBefore = metaspace();
        long t0 = System.nanoTime();
        Program program = compile(layers, parameters);
        long t1 = System.nanoTime();
        Replay replay = program.newGeneratedReplay();
        long t2 = System.nanoTime();
        replay.setParameters(parameters.stream().mapToDouble(Value::data).toArray());
        replay.setInputs(input(random));
        replay.forward();
        replay.backward();
        long with = liveHeap();
        long meta = metaspace() - metaBefore;
        double loss = replay.output(0);
        program = null;
        replay = null;
        long without = liveHeap();
        double raw = 8.0 * parameters.size();
        System.out.printf(Locale.ROOT, "   %,d parameters (%.1f MiB of doubles); traced and compiled in %.2f s, code"
                + " generated in %.2f s; loss %.4f%n", parameters.size(), raw / (1 << 20), (t1 - t0) / 1e9,
                (t2 - t1) / 1e9, loss);
        System.out.printf(Locale.ROOT, "   the program and its replay hold %.1f MiB of heap: %.2fx the raw parameters"
                + " (goal <= 3x); + %.1f MiB of generated code (metaspace)%n%n",
                (with - without) / (double) (1 << 20), (with - without) / raw, meta / (double) (1 << 20));
    }

    /** The loss of one sample (its 784 inputs and its target being the program's inputs), compiled. */
    private static Program compile(List<Linear> layers, List<Value> parameters) {
        Tensor x = Tensor.zeros(1, SIZES[0]);
        Tensor h = x;
        for (int l = 0; l < layers.size(); l++) {
            h = layers.get(l).forward(h);
            h = l + 1 < layers.size() ? h.relu() : h;
        }
        Value target = Value.of(3);
        List<Value> inputs = new ArrayList<>(x.values());
        inputs.add(target);
        Value loss = Value.pick(target, h.logSoftmax(1).values()).neg();   // cross-entropy, the class an input
        return Compiler.compile(List.of(loss), parameters, inputs, List.of());
    }

    private static double[] input(Random random) {
        double[] x = new double[SIZES[0] + 1];
        for (int i = 0; i < SIZES[0]; i++) {
            x[i] = random.nextDouble();
        }
        x[SIZES[0]] = 3;
        return x;
    }

    /** The heap in use after full collections. */
    private static long liveHeap() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    private static long metaspace() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().contains("Metaspace") || pool.getName().contains("Class Space")) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    /** {@code java -cp … grad.bench.MemoryBench}: this section alone. */
    public static void main(String[] args) {
        print();
    }
}
