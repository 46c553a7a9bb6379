"""PyTorch float64 references for grad.tensor.Tensor (TorchFixturesTest).

Each program draws its inputs from a seeded generator, computes named intermediate results with torch,
and back-propagates a scalar loss; the inputs, every named result and every input's gradient are
written to src/test/resources/grad/tensor/torch_programs.json, which the Java test replays op by op.
A result that is not a scalar enters the loss as (result * w).sum() with its own random weights w (an
input named w_<result>), so that every gradient is non-trivial.

Re-run (Debian's python3-torch; the pyenv python3 has no torch), from the repository root:
    /usr/bin/python3 src/test/python/tensor_fixtures.py
"""
import json
import math
import os

import torch

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "grad", "tensor", "torch_programs.json")


class Program:
    def __init__(self, seed):
        self.gen = torch.Generator().manual_seed(seed)
        self.inputs, self.values, self.terms = {}, {}, []

    def input(self, name, *shape, positive=False):
        t = torch.randn(shape, generator=self.gen)
        if positive:
            t = t.abs() + 0.5
        t.requires_grad_(True)
        self.inputs[name] = t
        return t

    def keep(self, name, t):
        """Records t and adds it to the loss, weighted by random weights w_<name>."""
        self.values[name] = t
        w = torch.randn(tuple(t.shape), generator=self.gen)
        self.inputs["w_" + name] = w
        self.terms.append((t * w).sum())
        return t

    def result(self):
        loss = sum(self.terms)
        self.values["loss"] = loss
        loss.backward()
        enc = lambda t: {"shape": list(t.shape), "data": t.detach().reshape(-1).tolist()}
        grads = {n: enc(t.grad if t.grad is not None else torch.zeros_like(t))
                 for n, t in self.inputs.items() if t.requires_grad}
        return {"inputs": {n: enc(t) for n, t in self.inputs.items()},
                "values": {n: enc(t) for n, t in self.values.items()},
                "grads": grads}


def layer():
    p = Program(1)
    x, w, b = p.input("x", 4, 3), p.input("w", 3, 5), p.input("b", 5)
    h = p.keep("h", x @ w + b)
    t = p.keep("t", torch.tanh(h))
    p.keep("logp", torch.log_softmax(t, 1))
    return p.result()


def attention():
    p = Program(2)
    q, k, v = p.input("q", 2, 4, 3), p.input("k", 2, 4, 3), p.input("v", 2, 4, 3)
    s = p.keep("scores", q @ k.transpose(-2, -1) / math.sqrt(3))
    a = p.keep("attn", torch.softmax(s, -1))
    p.keep("out", a @ v)
    return p.result()


def broadcast():
    p = Program(3)
    x, y = p.input("x", 2, 3), p.input("y", 2, 1, positive=True)
    r = p.keep("r", x.reshape(3, 2).reshape(-1, 3))
    e = p.keep("e", torch.exp(r * y))
    l = p.keep("l", torch.log(e + y))
    p.keep("relu", torch.relu(l - y * 2))
    p.keep("back", (l / y).reshape(6))
    return p.result()


def elementwise():
    p = Program(4)
    a, b = p.input("a", 3, 1, 4), p.input("b", 2, 4, positive=True)
    p.keep("add", a + b)
    p.keep("sub", a - b)
    p.keep("mul", a * b)
    p.keep("div", a / b)
    p.keep("adds", a + 1.5)
    p.keep("subs", a - 1.5)
    p.keep("muls", a * -2.5)
    p.keep("divs", a / 3.0)
    p.keep("neg", -a)
    p.keep("pow", b ** 3.0)
    p.keep("powf", b ** -1.5)
    p.keep("sqrt", torch.sqrt(b))
    p.keep("sigmoid", torch.sigmoid(a))
    p.keep("tanh", torch.tanh(a))
    p.keep("exp", torch.exp(a))
    p.keep("log", torch.log(b))
    p.keep("relu", torch.relu(a))
    return p.result()


def matmul():
    p = Program(5)
    a, b = p.input("a", 2, 3, 4), p.input("b", 4, 5)
    c, d = p.input("c", 2, 1, 3, 4), p.input("d", 3, 4, 2)
    u, v, m = p.input("u", 4), p.input("v", 4), p.input("m", 3, 4)
    p.keep("batched", a @ b)
    p.keep("broadcast", c @ d)
    p.keep("vv", u @ v)
    p.keep("vm", u @ b)
    p.keep("mv", m @ v)
    p.keep("bv", a @ v)
    p.keep("vb", u @ d)
    return p.result()


def reductions():
    p = Program(6)
    x = p.input("x", 2, 3, 4)
    p.keep("sum", x.sum())
    p.keep("mean", x.mean())
    for d in (0, 1, 2, -1, -2):
        for keep in (False, True):
            tag = ("%d" % d).replace("-", "m") + ("k" if keep else "")
            p.keep("sum" + tag, x.sum(d, keepdim=keep))
            p.keep("mean" + tag, x.mean(d, keepdim=keep))
            p.keep("max" + tag, x.max(d, keepdim=keep).values)
    return p.result()


def layout():
    p = Program(7)
    x, y, z = p.input("x", 2, 3), p.input("y", 2, 2), p.input("z", 2, 3)
    s, emb = p.input("s", 2, 3, 3), p.input("emb", 4, 3)
    logits = p.input("logits", 5, 4)
    p.keep("cat0", torch.cat([x, z], 0))
    p.keep("cat1", torch.cat([x, y, z], 1))
    p.keep("catm1", torch.cat([y, x], -1))
    p.keep("stack0", torch.stack([x, z], 0))
    p.keep("stack1", torch.stack([x, z], 1))
    p.keep("stackm1", torch.stack([x, z, x], -1))
    p.keep("slice", x[:, 1:3])
    p.keep("slice0", s[1:2])
    p.keep("slicem", s[:, :, -2:])
    p.keep("transpose", s.transpose(0, 2))
    p.keep("permute", s.permute(2, 0, 1))
    p.keep("unsqueeze", x.unsqueeze(1))
    p.keep("squeeze", x.unsqueeze(-1).squeeze(-1))
    causal = torch.triu(torch.ones(3, 3, dtype=torch.bool), diagonal=1)
    p.keep("masked", s.masked_fill(causal, -1e9).softmax(-1))
    p.keep("maskedrow", x.masked_fill(torch.tensor([True, False, True]), 0.25))
    p.keep("rows", emb[[2, 0, 2, 3]])
    p.keep("softmax0", torch.softmax(logits, 0))
    p.keep("logsoftmaxm1", torch.log_softmax(logits, -1))
    p.keep("ce", torch.nn.functional.cross_entropy(logits, torch.tensor([3, 0, 1, 3, 2])))
    return p.result()


def modules():
    p = Program(8)
    F = torch.nn.functional
    x, w, b = p.input("x", 2, 3, 4), p.input("w", 5, 4), p.input("b", 5)
    emb, g, gb = p.input("emb", 6, 4), p.input("g", 4), p.input("gb", 4)
    p.keep("linear", F.linear(x, w, b))
    p.keep("linearnobias", F.linear(x, w))
    p.keep("embedding", F.embedding(torch.tensor([5, 1, 1]), emb))
    p.keep("rmsnorm", x / torch.sqrt((x * x).mean(-1, keepdim=True) + 1e-5) * g)
    p.keep("layernorm", F.layer_norm(x, (4,), g, gb, 1e-5))
    p.keep("gelu", F.gelu(x * 2, approximate="tanh"))
    return p.result()


def main():
    programs = {f.__name__: f() for f in (layer, attention, broadcast, elementwise, matmul, reductions, layout, modules)}
    with open(OUT, "w") as f:
        json.dump({"torch": torch.__version__, "programs": programs}, f, indent=0)
        f.write("\n")


if __name__ == "__main__":
    main()
