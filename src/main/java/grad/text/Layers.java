package grad.text;

import grad.tensor.Tensor;

/** The few layers the text models share, in PyTorch's words. */
final class Layers {
    private Layers() {
    }

    /** {@code x · Wᵀ (+ b)}: PyTorch's {@code Linear}, weight {@code [out, in]}, bias {@code [out]} or null. */
    static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        Tensor y = x.matmul(weight.transpose(0, 1));
        return bias == null ? y : y.add(bias);
    }

    /** microgpt's rmsnorm along the last dimension, without a gain: {@code x · (mean(x²) + 1e-5)^−½}. */
    static Tensor rmsnorm(Tensor x) {
        Tensor ms = x.mul(x).mean(-1, true);
        return x.mul(ms.add(1e-5).pow(-0.5));
    }

    /** The rows {@code from … to−1} of a matrix. */
    static Tensor rows(Tensor x, int from, int to) {
        return x.slice(0, from, to);
    }
}
