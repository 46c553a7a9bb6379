"""Writes src/test/resources/grad/optim/adam.json: the first 3 steps of torch.optim.Adam and AdamW, in float64,
on a tiny fixed model (2 inputs, 3 tanh neurons, 1 linear output; MSE on 4 fixed rows). For each case it keeps
the starting parameters, each step's gradients (from the model at that step's parameters) and the parameters
after each step; AdamTest replays the same gradients through grad.optim.Adam / AdamW and compares.

Parameters are flattened as grad's ParameterStore lays them out: layers.0.weight [3][2] row-major,
layers.0.bias [3], layers.1.weight [1][3], layers.1.bias [1].

Re-run from the repository root with Debian's torch (the pyenv python3 on PATH has none):
    /usr/bin/python3 src/test/python/adam_fixture.py
"""
import json
import torch

torch.set_default_dtype(torch.float64)

W0 = [[0.5, -0.3], [0.8, 0.2], [-0.6, 0.4]]
B0 = [0.1, -0.2, 0.05]
W1 = [[0.7, -0.5, 0.3]]
B1 = [0.0]
X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
Y = [[0.0], [1.0], [1.0], [0.0]]

CASES = [
    ("adam", "adam", {}),
    ("adam_l2", "adam", {"lr": 0.01, "betas": (0.8, 0.99), "eps": 1e-6, "weight_decay": 0.1}),
    ("adamw", "adamw", {}),
    ("adamw_strong", "adamw", {"lr": 0.05, "betas": (0.5, 0.9), "eps": 1e-4, "weight_decay": 0.5}),
]


def flat(tensors):
    return [v for t in tensors for v in t.detach().reshape(-1).tolist()]


def run(kind, options):
    l0 = torch.nn.Linear(2, 3)
    l1 = torch.nn.Linear(3, 1)
    with torch.no_grad():
        l0.weight.copy_(torch.tensor(W0))
        l0.bias.copy_(torch.tensor(B0))
        l1.weight.copy_(torch.tensor(W1))
        l1.bias.copy_(torch.tensor(B1))
    params = [l0.weight, l0.bias, l1.weight, l1.bias]
    make = torch.optim.Adam if kind == "adam" else torch.optim.AdamW
    opt = make(params, **options)
    group = opt.param_groups[0]
    case = {
        "optimizer": kind,
        "lr": group["lr"], "beta1": group["betas"][0], "beta2": group["betas"][1],
        "eps": group["eps"], "weight_decay": group["weight_decay"],
        "start": flat(params), "grads": [], "after": [],
    }
    x, y = torch.tensor(X), torch.tensor(Y)
    for _ in range(3):
        opt.zero_grad()
        loss = ((l1(torch.tanh(l0(x))) - y) ** 2).sum()
        loss.backward()
        case["grads"].append(flat(p.grad for p in params))
        opt.step()
        case["after"].append(flat(params))
    return case


if __name__ == "__main__":
    out = {name: run(kind, options) for name, kind, options in CASES}
    with open("src/test/resources/grad/optim/adam.json", "w") as f:
        json.dump({"torch": torch.__version__, "cases": out}, f, indent=1)
        f.write("\n")
