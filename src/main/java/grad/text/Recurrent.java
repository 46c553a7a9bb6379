package grad.text;

import grad.engine.ParameterStore;
import grad.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * makemore's RNN: a hidden state of {@code n_embd2} numbers, from a learned start, updated by each
 * token's embedding through an Elman cell ({@code h = tanh(W·[x, h] + b)}) or a GRU cell; the logits
 * are a linear map of the state.
 */
final class Recurrent implements TextModel {
    private final boolean gru;
    private final Vocabulary vocab;
    private final int nEmbd;
    private final int nEmbd2;
    private final Weights weights;
    private final Tensor start;
    private final Tensor wte;
    private final Tensor[] cell;
    private final Tensor headW;
    private final Tensor headB;

    Recurrent(boolean gru, Vocabulary vocab, int nEmbd, int nEmbd2, long seed) {
        this.gru = gru;
        this.vocab = vocab;
        this.nEmbd = nEmbd;
        this.nEmbd2 = nEmbd2;
        weights = new Weights(seed);
        start = weights.zeros("start", 1, nEmbd2);
        wte = weights.normal("wte", 1.0, vocab.size(), nEmbd);
        double bound = 1 / Math.sqrt(nEmbd + nEmbd2);
        List<String> gates = gru ? List.of("xh_to_z", "xh_to_r", "xh_to_hbar") : List.of("xh_to_h");
        cell = new Tensor[2 * gates.size()];
        for (int g = 0; g < gates.size(); g++) {
            cell[2 * g] = weights.uniform("cell." + gates.get(g) + ".weight", bound, nEmbd2, nEmbd + nEmbd2);
            cell[2 * g + 1] = weights.uniform("cell." + gates.get(g) + ".bias", bound, nEmbd2);
        }
        double headBound = 1 / Math.sqrt(nEmbd2);
        headW = weights.uniform("lm_head.weight", headBound, vocab.size(), nEmbd2);
        headB = weights.uniform("lm_head.bias", headBound, vocab.size());
    }

    @Override
    public TextModelKind kind() {
        return gru ? TextModelKind.GRU : TextModelKind.RNN;
    }

    @Override
    public Vocabulary vocabulary() {
        return vocab;
    }

    @Override
    public Map<String, Integer> config() {
        Map<String, Integer> c = new LinkedHashMap<>();
        c.put("n_embd", nEmbd);
        c.put("n_embd2", nEmbd2);
        return c;
    }

    @Override
    public Map<String, ParameterStore.Shaped> namedParameters() {
        return weights.named();
    }

    @Override
    public Tensor logits(Tensor tokens) {
        Tensor emb = wte.rows(tokens);                             // [n, E]
        Tensor h = start;
        List<Tensor> states = new ArrayList<>();
        for (int t = 0; t < tokens.size(0); t++) {
            Tensor x = Layers.rows(emb, t, t + 1);
            h = gru ? gruCell(x, h) : Layers.linear(Tensor.cat(List.of(x, h), 1), cell[0], cell[1]).tanh();
            states.add(h);
        }
        return Layers.linear(Tensor.cat(states, 0), headW, headB);
    }

    /** makemore's GRU cell: reset gate r, update gate z, candidate hbar; {@code h = (1 − z)·h + z·hbar}. */
    private Tensor gruCell(Tensor x, Tensor h) {
        Tensor xh = Tensor.cat(List.of(x, h), 1);
        Tensor r = Layers.linear(xh, cell[2], cell[3]).sigmoid();
        Tensor hbar = Layers.linear(Tensor.cat(List.of(x, r.mul(h)), 1), cell[4], cell[5]).tanh();
        Tensor z = Layers.linear(xh, cell[0], cell[1]).sigmoid();
        return z.neg().add(1).mul(h).add(z.mul(hbar));
    }
}
