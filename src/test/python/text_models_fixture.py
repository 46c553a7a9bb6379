"""Writes src/test/resources/grad/text/torch_models.json: for each model of `grad text` (bigram, mlp,
rnn, gru, gpt), random float64 weights in grad's text model file format, and PyTorch's loss and the
gradient of every parameter on a few names, so that TextModelsTorchTest can check grad's models and
both of its engines against an independent implementation (the same architectures written here in
PyTorch: makemore's bigram, MLP, RNN and GRU; microgpt's GPT).

Re-run from the repository root with Debian's python3-torch (torch 1.13):
    /usr/bin/python3 src/test/python/text_models_fixture.py
"""
import json
import torch
import torch.nn.functional as F

torch.manual_seed(1234)
DT = torch.float64
DOCS = ["emma", "ava", "olivia", "b", "zoe", "isabella"]
CHARS = sorted(set("".join(DOCS)))
V = len(CHARS) + 1
BOS = len(CHARS)


def ids(doc):
    return [CHARS.index(c) for c in doc]


def rand(*shape, std=0.3):
    return (torch.randn(*shape, dtype=DT) * std).requires_grad_()


def rmsnorm(x):
    return x * (x.pow(2).mean(-1, keepdim=True) + 1e-5) ** -0.5


def gpt_logits(w, cfg, read):
    n, e, h = len(read), cfg["n_embd"], cfg["n_head"]
    d = e // h
    x = rmsnorm(w["wte"][read] + w["wpe"][:n])
    mask = torch.triu(torch.ones(n, n, dtype=torch.bool), 1)
    for i in range(cfg["n_layer"]):
        p = "layer%d." % i
        a = rmsnorm(x)
        q, k, v = [(a @ w[p + "attn_w" + c].T).view(n, h, d).transpose(0, 1) for c in "qkv"]
        att = (q @ k.transpose(1, 2) / d ** 0.5).masked_fill(mask, float("-inf")).softmax(-1)
        x = x + (att @ v).transpose(0, 1).reshape(n, e) @ w[p + "attn_wo"].T
        x = x + torch.relu(rmsnorm(x) @ w[p + "mlp_fc1"].T) @ w[p + "mlp_fc2"].T
    return x @ w["lm_head"].T


def mlp_logits(w, cfg, read):
    b = cfg["block_size"]
    padded = [BOS] * (b - 1) + read
    ctx = torch.tensor([padded[t:t + b] for t in range(len(read))])
    emb = w["wte"][ctx].view(len(read), -1)
    return torch.tanh(emb @ w["mlp.0.weight"].T + w["mlp.0.bias"]) @ w["mlp.2.weight"].T + w["mlp.2.bias"]


def rnn_logits(w, cfg, read, gru):
    h = w["start"]
    states = []
    for t in read:
        x = w["wte"][t].view(1, -1)
        xh = torch.cat([x, h], 1)
        lin = lambda name, inp: inp @ w["cell.%s.weight" % name].T + w["cell.%s.bias" % name]
        if gru:
            r = torch.sigmoid(lin("xh_to_r", xh))
            hbar = torch.tanh(lin("xh_to_hbar", torch.cat([x, r * h], 1)))
            z = torch.sigmoid(lin("xh_to_z", xh))
            h = (1 - z) * h + z * hbar
        else:
            h = torch.tanh(lin("xh_to_h", xh))
        states.append(h)
    return torch.cat(states, 0) @ w["lm_head.weight"].T + w["lm_head.bias"]


def model(kind, cfg):
    e, e2 = cfg.get("n_embd"), cfg.get("n_embd2")
    if kind == "bigram":
        return {"logits": rand(V, V)}, lambda w, r: w["logits"][r]
    if kind == "mlp":
        b = cfg["block_size"]
        w = {"wte": rand(V, e), "mlp.0.weight": rand(e2, b * e), "mlp.0.bias": rand(e2),
             "mlp.2.weight": rand(V, e2), "mlp.2.bias": rand(V)}
        return w, lambda w, r: mlp_logits(w, cfg, r)
    if kind in ("rnn", "gru"):
        w = {"start": rand(1, e2), "wte": rand(V, e)}
        for g in (["xh_to_z", "xh_to_r", "xh_to_hbar"] if kind == "gru" else ["xh_to_h"]):
            w["cell.%s.weight" % g] = rand(e2, e + e2)
            w["cell.%s.bias" % g] = rand(e2)
        w["lm_head.weight"] = rand(V, e2)
        w["lm_head.bias"] = rand(V)
        return w, lambda w, r: rnn_logits(w, cfg, r, kind == "gru")
    w = {"wte": rand(V, e), "wpe": rand(cfg["block_size"], e), "lm_head": rand(V, e)}
    for i in range(cfg["n_layer"]):
        p = "layer%d." % i
        for name, shape in [("attn_wq", (e, e)), ("attn_wk", (e, e)), ("attn_wv", (e, e)), ("attn_wo", (e, e)),
                            ("mlp_fc1", (4 * e, e)), ("mlp_fc2", (e, 4 * e))]:
            w[p + name] = rand(*shape)
    return w, lambda w, r: gpt_logits(w, cfg, r)


CONFIGS = {
    "bigram": {},
    "mlp": {"block_size": 3, "n_embd": 4, "n_embd2": 6},
    "rnn": {"n_embd": 4, "n_embd2": 5},
    "gru": {"n_embd": 4, "n_embd2": 5},
    "gpt": {"n_layer": 2, "n_embd": 8, "n_head": 2, "block_size": 9},
}

out = {"docs": DOCS, "models": {}}
for kind, cfg in CONFIGS.items():
    w, logits_of = model(kind, cfg)
    total, tokens, per_doc = 0, 0, []
    for doc in DOCS:
        read, target = [BOS] + ids(doc), ids(doc) + [BOS]
        s = F.cross_entropy(logits_of(w, read), torch.tensor(target), reduction="sum")
        per_doc.append(s.item())
        total, tokens = total + s, tokens + len(target)
    loss = total / tokens
    loss.backward()
    out["models"][kind] = {
        "file": {"format": "grad-text", "version": 1, "model": kind, "config": cfg, "vocab": CHARS,
                 "tensors": {k: {"shape": list(t.shape), "data": t.detach().flatten().tolist()} for k, t in w.items()}},
        "loss": loss.item(),
        "doc_loss_sums": per_doc,
        "tokens": tokens,
        "grads": {k: t.grad.flatten().tolist() for k, t in w.items()},
    }

with open("src/test/resources/grad/text/torch_models.json", "w") as f:
    json.dump(out, f, indent=1)
print("wrote src/test/resources/grad/text/torch_models.json; torch", torch.__version__)
