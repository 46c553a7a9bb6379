package grad.tensor;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every op's value and every input's gradient against PyTorch float64 to 1e-12 relative, on the fixed
 * random programs of {@code src/test/python/tensor_fixtures.py} (see {@link TorchProgram}).
 */
class TorchFixturesTest {

    @Test
    void layerWithBroadcastBiasTanhAndLogSoftmax() {
        TorchProgram p = TorchProgram.named("layer");
        Tensor h = p.keep("h", p.input("x").matmul(p.input("w")).add(p.input("b")));
        Tensor t = p.keep("t", h.tanh());
        p.keep("logp", t.logSoftmax(1));
        p.finish();
    }

    @Test
    void softmaxAttentionWithATranspose() {
        TorchProgram p = TorchProgram.named("attention");
        Tensor s = p.keep("scores", p.input("q").matmul(p.input("k").transpose(-2, -1)).div(Math.sqrt(3)));
        Tensor a = p.keep("attn", s.softmax(-1));
        p.keep("out", a.matmul(p.input("v")));
        p.finish();
    }

    @Test
    void reshapeExpLogReluWithAColumnBroadcastAgainstAMatrix() {
        TorchProgram p = TorchProgram.named("broadcast");
        Tensor y = p.input("y");
        Tensor r = p.keep("r", p.input("x").reshape(3, 2).reshape(-1, 3));
        Tensor e = p.keep("e", r.mul(y).exp());
        Tensor l = p.keep("l", e.add(y).log());
        p.keep("relu", l.sub(y.mul(2)).relu());
        p.keep("back", l.div(y).reshape(6));
        p.finish();
    }

    @Test
    void elementwiseOpsBroadcastThreeByOneByFourAgainstTwoByFour() {
        TorchProgram p = TorchProgram.named("elementwise");
        Tensor a = p.input("a"), b = p.input("b");
        p.keep("add", a.add(b));
        p.keep("sub", a.sub(b));
        p.keep("mul", a.mul(b));
        p.keep("div", a.div(b));
        p.keep("adds", a.add(1.5));
        p.keep("subs", a.sub(1.5));
        p.keep("muls", a.mul(-2.5));
        p.keep("divs", a.div(3.0));
        p.keep("neg", a.neg());
        p.keep("pow", b.pow(3.0));
        p.keep("powf", b.pow(-1.5));
        p.keep("sqrt", b.sqrt());
        p.keep("sigmoid", a.sigmoid());
        p.keep("tanh", a.tanh());
        p.keep("exp", a.exp());
        p.keep("log", b.log());
        p.keep("relu", a.relu());
        p.finish();
    }

    @Test
    void matmulBatchedBroadcastAndVectors() {
        TorchProgram p = TorchProgram.named("matmul");
        Tensor a = p.input("a"), b = p.input("b"), d = p.input("d"), u = p.input("u"), v = p.input("v");
        p.keep("batched", a.matmul(b));
        p.keep("broadcast", p.input("c").matmul(d));
        p.keep("vv", u.matmul(v));
        p.keep("vm", u.matmul(b));
        p.keep("mv", p.input("m").matmul(v));
        p.keep("bv", a.matmul(v));
        p.keep("vb", u.matmul(d));
        p.finish();
    }

    @Test
    void everyReductionWithAndWithoutKeepdim() {
        TorchProgram p = TorchProgram.named("reductions");
        Tensor x = p.input("x");
        p.keep("sum", x.sum());
        p.keep("mean", x.mean());
        for (int d : new int[] {0, 1, 2, -1, -2}) {
            for (boolean keep : new boolean[] {false, true}) {
                String tag = Integer.toString(d).replace("-", "m") + (keep ? "k" : "");
                p.keep("sum" + tag, keep ? x.sum(d, true) : x.sum(d));
                p.keep("mean" + tag, keep ? x.mean(d, true) : x.mean(d));
                p.keep("max" + tag, keep ? x.max(d, true) : x.max(d));
            }
        }
        p.finish();
    }

    @Test
    void catStackSliceMaskedFillRowsAndCrossEntropy() {
        TorchProgram p = TorchProgram.named("layout");
        Tensor x = p.input("x"), y = p.input("y"), z = p.input("z"), s = p.input("s"), logits = p.input("logits");
        p.keep("cat0", Tensor.cat(List.of(x, z), 0));
        p.keep("cat1", Tensor.cat(List.of(x, y, z), 1));
        p.keep("catm1", Tensor.cat(List.of(y, x), -1));
        p.keep("stack0", Tensor.stack(List.of(x, z), 0));
        p.keep("stack1", Tensor.stack(List.of(x, z), 1));
        p.keep("stackm1", Tensor.stack(List.of(x, z, x), -1));
        p.keep("slice", x.slice(1, 1, 3));
        p.keep("slice0", s.slice(0, 1, 2));
        p.keep("slicem", s.slice(2, -2, Integer.MAX_VALUE));
        p.keep("transpose", s.transpose(0, 2));
        p.keep("permute", s.permute(2, 0, 1));
        p.keep("unsqueeze", x.unsqueeze(1));
        p.keep("squeeze", x.unsqueeze(-1).squeeze(-1));
        boolean[] causal = {false, true, true, false, false, true, false, false, false};
        p.keep("masked", s.maskedFill(causal, -1e9).softmax(-1));
        p.keep("maskedrow", x.maskedFill(new boolean[] {true, false, true}, 0.25));
        p.keep("rows", p.input("emb").rows(new int[] {2, 0, 2, 3}));
        p.keep("softmax0", logits.softmax(0));
        p.keep("logsoftmaxm1", logits.logSoftmax(-1));
        p.keep("ce", logits.crossEntropy(new int[] {3, 0, 1, 3, 2}));
        p.finish();
    }
}
