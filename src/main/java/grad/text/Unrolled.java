package grad.text;

import grad.engine.Value;
import grad.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * One document's loss as a {@link Value} graph over {@code n} positions: the ids of the tokens read and
 * of the tokens to predict are leaves (so that a compiled program takes them as inputs and looks them up
 * with {@link Value#pick}), and so are a 0/1 mask of the positions that count and the factor the summed
 * loss is scaled by (1 / the tokens in the batch).
 */
final class Unrolled {
    /** The ids of the tokens read, {@code [n]}, then the scale. */
    final List<Value> inputs;
    /** The ids of the tokens to predict, {@code [n]}, then the mask, {@code [n]}. */
    final List<Value> targets;
    /** {@code scale · Σₜ maskₜ · −log softmax(logitsₜ)[targetₜ]}. */
    final Value loss;
    /** The logits of the token after each one read, row-major {@code [n, V+1]}. */
    final List<Value> logits;

    private Unrolled(List<Value> inputs, List<Value> targets, Value loss, List<Value> logits) {
        this.inputs = inputs;
        this.targets = targets;
        this.loss = loss;
        this.logits = logits;
    }

    /** The graph of {@code model} reading the ids {@code read} and predicting {@code next} where {@code mask} is 1. */
    static Unrolled of(TextModel model, double[] read, double[] next, double[] mask, double scale) {
        int n = read.length;
        int v = model.vocabulary().size();
        Tensor tokens = Tensor.of(read, n);
        Tensor expected = Tensor.of(next, n);
        Tensor counted = Tensor.of(mask, n);
        Tensor factor = Tensor.scalar(scale);
        Tensor logits = model.logits(tokens);
        List<Value> logp = logits.logSoftmax(1).values();
        List<Value> terms = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            Value target = Value.pick(expected.value(t), logp.subList(t * v, (t + 1) * v));
            terms.add(target.mul(counted.value(t)));
        }
        Value loss = Value.sum(terms).neg().mul(factor.value());
        List<Value> inputs = new ArrayList<>(tokens.values());
        inputs.addAll(factor.values());
        List<Value> targets = new ArrayList<>(expected.values());
        targets.addAll(counted.values());
        return new Unrolled(inputs, targets, loss, logits.values());
    }

    /**
     * Placeholders for a graph to compile: every token BOS, no position counted, scale 1. Shorter
     * documents run on it too: every model reads its tokens in order (position t sees tokens 0 … t
     * only), and a position masked out adds exactly 0 to the loss and to every gradient, so the padding
     * changes no bit of the result.
     */
    static Unrolled blank(TextModel model, int n) {
        double[] ids = new double[n];
        java.util.Arrays.fill(ids, model.vocabulary().bos());
        return of(model, ids, ids.clone(), new double[n], 1);
    }

    /**
     * A document padded to {@code len} positions, as a program's inputs and targets: {@code in} gets the
     * ids read (BOS then its characters, then BOS as padding) and then {@code scale}; {@code out} the ids
     * to predict (its characters then BOS, the end; BOS as padding) and then the mask (1 for each of its
     * {@code doc.length + 1} positions, 0 for the padding).
     */
    static void fill(int[] doc, int bos, int len, double scale, double[] in, double[] out) {
        for (int t = 0; t < len; t++) {
            in[t] = t == 0 || t > doc.length ? bos : doc[t - 1];
            out[t] = t < doc.length ? doc[t] : bos;
            out[len + t] = t <= doc.length ? 1 : 0;
        }
        in[len] = scale;
    }
}
