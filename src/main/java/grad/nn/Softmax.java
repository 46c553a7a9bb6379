package grad.nn;

import grad.engine.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Softmax and log-softmax, shifted by the largest input first so that large logits never overflow
 * ({@code exp(1000)} is infinite; {@code exp(1000 − 1000)} is 1). The shift is detached, a constant to
 * the backward pass: softmax does not change when every input moves by the same amount, so the
 * gradients are exact.
 */
public final class Softmax {
    private Softmax() {
    }

    /** {@code exp(zᵢ − max) / Σⱼ exp(zⱼ − max)}. */
    public static List<Value> softmax(List<Value> logits) {
        List<Value> exps = exps(shifted(logits));
        Value sum = Value.sum(exps);
        List<Value> probs = new ArrayList<>(exps.size());
        for (Value e : exps) {
            probs.add(e.div(sum));
        }
        return probs;
    }

    /** {@code (zᵢ − max) − log Σⱼ exp(zⱼ − max)}. */
    public static List<Value> logSoftmax(List<Value> logits) {
        List<Value> shifted = shifted(logits);
        Value logSum = Value.sum(exps(shifted)).log();
        List<Value> out = new ArrayList<>(logits.size());
        for (Value z : shifted) {
            out.add(z.sub(logSum));
        }
        return out;
    }

    /** {@code zᵢ − max}, the max detached. */
    private static List<Value> shifted(List<Value> logits) {
        Value max = logits.get(0);
        for (int i = 1; i < logits.size(); i++) {
            max = max.max(logits.get(i));
        }
        Value shift = max.detach().label("max");
        List<Value> out = new ArrayList<>(logits.size());
        for (Value z : logits) {
            out.add(z.sub(shift));
        }
        return out;
    }

    private static List<Value> exps(List<Value> values) {
        List<Value> out = new ArrayList<>(values.size());
        for (Value v : values) {
            out.add(v.exp());
        }
        return out;
    }

    /** The index of the largest score, the first one on ties: the predicted class. */
    public static int argmax(double[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }
}
