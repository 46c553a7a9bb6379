package grad.text;

import grad.engine.Value;
import grad.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * One document's loss as a {@link Value} graph over {@code n} positions: the tokens read and the tokens
 * to predict are one-hot leaves (so that a compiled program takes them as inputs), and so is the
 * factor the summed loss is scaled by (1 / the tokens in the batch).
 */
final class Unrolled {
    /** The tokens read, one-hot, row-major {@code [n, V+1]}, then the scale. */
    final List<Value> inputs;
    /** The tokens to predict, one-hot, row-major {@code [n, V+1]}. */
    final List<Value> targets;
    /** {@code scale · Σₜ −log softmax(logitsₜ)[targetₜ]}. */
    final Value loss;
    /** The logits of the token after each one read, row-major {@code [n, V+1]}. */
    final List<Value> logits;

    private Unrolled(List<Value> inputs, List<Value> targets, Value loss, List<Value> logits) {
        this.inputs = inputs;
        this.targets = targets;
        this.loss = loss;
        this.logits = logits;
    }

    /** The graph of {@code model} on the one-hot tokens {@code x} and targets {@code y} ({@code [n, V+1]} each). */
    static Unrolled of(TextModel model, int n, double[] x, double[] y, double scale) {
        int v = model.vocabulary().size();
        Tensor read = Tensor.of(x, n, v);
        Tensor next = Tensor.of(y, n, v);
        Tensor factor = Tensor.scalar(scale);
        Tensor logits = model.logits(read);
        Value loss = next.mul(logits.logSoftmax(1)).sum().neg().mul(factor).values().get(0);
        List<Value> inputs = new java.util.ArrayList<>(read.values());
        inputs.addAll(factor.values());
        return new Unrolled(inputs, next.values(), loss, logits.values());
    }

    /**
     * Placeholders for a graph to compile: no token, scale 1. Shorter documents run on it too: every
     * model reads its tokens in order (position t sees tokens 0 … t only), and a position with no target
     * adds exactly 0 to the loss and to every gradient, so the padding changes no bit of the result.
     */
    static Unrolled blank(TextModel model, int n) {
        int cells = n * model.vocabulary().size();
        return of(model, n, new double[cells], new double[cells], 1);
    }

    /**
     * The one-hot rows of a document's tokens: {@code x} gets BOS then its characters, {@code y} its
     * characters then BOS (EOS).
     */
    static void oneHot(int[] doc, int bos, int v, double[] x, double[] y) {
        Arrays.fill(x, 0);
        Arrays.fill(y, 0);
        for (int t = 0; t <= doc.length; t++) {
            x[t * v + (t == 0 ? bos : doc[t - 1])] = 1;
            y[t * v + (t == doc.length ? bos : doc[t])] = 1;
        }
    }

    /** The one-hot rows of tokens already read ({@code read[0]} is BOS); no target. */
    static void oneHotRead(int[] read, int v, double[] x) {
        Arrays.fill(x, 0);
        for (int t = 0; t < read.length; t++) {
            x[t * v + read[t]] = 1;
        }
    }
}
