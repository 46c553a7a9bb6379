package grad.optim;

import java.util.Map;

/** Restoring an optimizer's saved buffers, each checked for its size. */
final class States {
    private States() {
    }

    /** Copies {@code state.get(name)} into {@code into}, which it must fill exactly. */
    static void load(Map<String, double[]> state, String name, double[] into) {
        double[] saved = state.get(name);
        if (saved == null) {
            throw new IllegalArgumentException("the optimizer state has no " + name);
        }
        if (saved.length != into.length) {
            throw new IllegalArgumentException("expected " + into.length + " values of " + name + ", got " + saved.length);
        }
        System.arraycopy(saved, 0, into, 0, into.length);
    }
}
