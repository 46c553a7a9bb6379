package grad.nn;

import grad.engine.Tape;
import grad.engine.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Softmax and log-softmax, shifted by the largest input first so that large logits never overflow
 * ({@code exp(1000)} is infinite; {@code exp(1000 − 1000)} is 1). The shift is a constant: softmax does
 * not change when every input moves by the same amount, so the gradients are exact.
 */
public final class Softmax {
    private Softmax() {
    }

    /** {@code exp(zᵢ − max) / Σⱼ exp(zⱼ − max)} over values. */
    public static List<Value> softmax(List<Value> logits) {
        List<Value> exps = new ArrayList<>(logits.size());
        for (Value z : shifted(logits)) {
            exps.add(z.exp());
        }
        Value sum = Value.sum(exps);
        List<Value> probs = new ArrayList<>(exps.size());
        for (Value e : exps) {
            probs.add(e.div(sum));
        }
        return probs;
    }

    /** {@code (zᵢ − max) − log Σⱼ exp(zⱼ − max)} over values. */
    public static List<Value> logSoftmax(List<Value> logits) {
        List<Value> shifted = shifted(logits);
        List<Value> exps = new ArrayList<>(logits.size());
        for (Value z : shifted) {
            exps.add(z.exp());
        }
        Value logSum = Value.sum(exps).log();
        List<Value> out = new ArrayList<>(logits.size());
        for (Value z : shifted) {
            out.add(z.sub(logSum));
        }
        return out;
    }

    /** {@code zᵢ − max}, the max being a constant leaf. */
    private static List<Value> shifted(List<Value> logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (Value v : logits) {
            max = Math.max(max, v.data());
        }
        Value shift = Value.of(max, "max");
        List<Value> out = new ArrayList<>(logits.size());
        for (Value z : logits) {
            out.add(z.sub(shift));
        }
        return out;
    }

    /** Records the softmax of the {@code n} nodes from {@code first}; returns the first of {@code n} probability nodes. */
    public static int softmax(Tape tape, int first, int n) {
        int exps = exps(tape, shifted(tape, first, n), n);
        int sum = sum(tape, exps, n);
        int probs = tape.size();
        for (int i = 0; i < n; i++) {
            tape.div(exps + i, sum);
        }
        return probs;
    }

    /** Records the log-softmax of the {@code n} nodes from {@code first}; returns the first of {@code n} nodes. */
    public static int logSoftmax(Tape tape, int first, int n) {
        int shifted = shifted(tape, first, n);
        int logSum = tape.log(sum(tape, exps(tape, shifted, n), n));
        int out = tape.size();
        for (int i = 0; i < n; i++) {
            tape.sub(shifted + i, logSum);
        }
        return out;
    }

    /** Records {@code zᵢ − max} for the {@code n} nodes from {@code first}, the max being a constant leaf. */
    private static int shifted(Tape tape, int first, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, tape.data(first + i));
        }
        int shift = tape.leaf(max);
        int out = tape.size();
        for (int i = 0; i < n; i++) {
            tape.sub(first + i, shift);
        }
        return out;
    }

    private static int exps(Tape tape, int first, int n) {
        int out = tape.size();
        for (int i = 0; i < n; i++) {
            tape.exp(first + i);
        }
        return out;
    }

    /** Records the sum of the {@code n} nodes from {@code first} as a chain of additions; returns its node. */
    static int sum(Tape tape, int first, int n) {
        int sum = first;
        for (int i = 1; i < n; i++) {
            sum = tape.add(sum, first + i);
        }
        return sum;
    }
}
