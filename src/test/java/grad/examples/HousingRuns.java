package grad.examples;

import grad.engine.ParameterStore;
import grad.engine.Value;
import grad.optim.SGD;
import grad.tensor.Tensor;
import grad.tensor.TracedStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The housing workload for {@code make bench} (grad.bench.HousingBench): 1000 full-batch SGD steps of
 * the 13-8-1 network on all 506 rows, compiled, written with Tensors and with Values.
 */
public final class HousingRuns {
    private HousingRuns() {
    }

    /**
     * Seconds for the training loop only (the trace and compile before it are not counted), the final
     * loss, and the loop's CPU seconds (this thread's).
     */
    public record Run(double seconds, double compileSeconds, double finalLoss, double cpuSeconds) {
    }

    /** The Tensor network, traced once and replayed {@code steps} times. */
    public static Run tensors(int steps) {
        Housing.Data data = Housing.Data.load();
        Housing.TensorNet net = new Housing.TensorNet(Housing.Weights.random(new Random(13)));
        long t0 = System.nanoTime();
        int n = data.y().length;
        Tensor x = Tensor.zeros(n, Housing.FEATURES), y = Tensor.zeros(n, 1);
        TracedStep step = TracedStep.compile(net.loss(x, y), net.parameters(), List.of(x, y));
        return loop(step, net.parameters(), data.flatX(), data.y(), steps, t0);
    }

    /** The Value network (micrograd's way of writing it), traced once and replayed {@code steps} times. */
    public static Run values(int steps) {
        Housing.Data data = Housing.Data.load();
        Housing.ValueNet net = new Housing.ValueNet(Housing.Weights.random(new Random(13)));
        long t0 = System.nanoTime();
        List<List<Value>> rows = Housing.valueRows(data);
        List<Value> targets = java.util.Arrays.stream(data.y()).mapToObj(Value::of).toList();
        List<Value> flat = new ArrayList<>();
        rows.forEach(flat::addAll);
        Tensor loss = Tensor.of(List.of(net.loss(rows, targets)));
        Tensor x = Tensor.of(flat, rows.size(), Housing.FEATURES), y = Tensor.of(targets, targets.size());
        TracedStep step = TracedStep.compile(loss, net.parameters(), List.of(x, y));
        return loop(step, net.parameters(), data.flatX(), data.y(), steps, t0);
    }

    private static Run loop(TracedStep step, List<Value> parameters, double[] x, double[] y, int steps, long t0) {
        SGD sgd = new SGD(ParameterStore.of(parameters), Housing.LR, 0);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long c1 = cpu.getCurrentThreadCpuTime();
        long t1 = System.nanoTime();
        double loss = 0;
        for (int s = 0; s < steps; s++) {
            sgd.zeroGrad();
            loss = step.step(x, y);
            sgd.step();
        }
        long t2 = System.nanoTime();
        long c2 = cpu.getCurrentThreadCpuTime();
        return new Run((t2 - t1) / 1e9, (t1 - t0) / 1e9, loss, (c2 - c1) / 1e9);
    }
}
