"""PyTorch's tokens per second on the bench's GPT-2 (grad.bench.Gpt2Bench writes the model; make bench runs this).

    /usr/bin/python3 bench/torch_gpt2.py MODEL_DIR THREADS TOKENS ID [ID...]

Loads MODEL_DIR/config.json and MODEL_DIR/model.safetensors (read by hand, memory-mapped: no `transformers` or
`safetensors` package needed), then, with torch.set_num_threads(THREADS) and float32, feeds the prompt ids through
GPT-2's forward pass with a key/value cache (as Hugging Face's generate does) and generates TOKENS tokens greedily.
A first, shorter generation warms up; the second is timed, from after the prompt to the last token.
Prints one JSON line: {"tokens_per_second": ..., "ids": [the generated ids]}.
"""
import json
import mmap
import os
import struct
import sys
import time

import numpy as np
import torch


def load(model_dir):
    with open(os.path.join(model_dir, "config.json")) as f:
        config = json.load(f)
    f = open(os.path.join(model_dir, "model.safetensors"), "rb")
    data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    weights = {}
    for name, e in header.items():
        if name == "__metadata__":
            continue
        assert e["dtype"] == "F32", name
        begin, end = e["data_offsets"]
        array = np.frombuffer(data, dtype="<f4", count=(end - begin) // 4, offset=8 + n + begin)
        weights[name] = torch.from_numpy(array).view(*e["shape"])
    return config, weights


def layer_norm(x, w, b):
    return torch.nn.functional.layer_norm(x, (x.shape[-1],), w, b, eps=1e-5)


def gelu(x):
    return 0.5 * x * (1 + torch.tanh(0.7978845608028654 * (x + 0.044715 * x * x * x)))


def step(config, w, token, position, cache):
    """One token through the model; cache[l] holds the keys and values of the earlier positions."""
    width, heads = config["n_embd"], config["n_head"]
    d = width // heads
    x = w["wte.weight"][token] + w["wpe.weight"][position]
    for l in range(config["n_layer"]):
        p = f"h.{l}."
        qkv = torch.addmv(w[p + "attn.c_attn.bias"], w[p + "attn.c_attn.weight"].T, layer_norm(x, w[p + "ln_1.weight"], w[p + "ln_1.bias"]))
        q, k, v = qkv.split(width)
        keys, values = cache[l]
        keys[position], values[position] = k, v
        K = keys[:position + 1].view(-1, heads, d).transpose(0, 1)
        V = values[:position + 1].view(-1, heads, d).transpose(0, 1)
        att = torch.softmax((K @ q.view(heads, d, 1)).squeeze(-1) / d ** 0.5, dim=-1)
        y = (att.unsqueeze(1) @ V).reshape(width)
        x = x + torch.addmv(w[p + "attn.c_proj.bias"], w[p + "attn.c_proj.weight"].T, y)
        h = gelu(torch.addmv(w[p + "mlp.c_fc.bias"], w[p + "mlp.c_fc.weight"].T, layer_norm(x, w[p + "ln_2.weight"], w[p + "ln_2.bias"])))
        x = x + torch.addmv(w[p + "mlp.c_proj.bias"], w[p + "mlp.c_proj.weight"].T, h)
    return w["wte.weight"] @ layer_norm(x, w["ln_f.weight"], w["ln_f.bias"])


def generate(config, w, prompt, tokens):
    """Greedy generation; returns the ids and the seconds from after the prompt to the last token."""
    width = config["n_embd"]
    cache = [(torch.zeros(len(prompt) + tokens, width), torch.zeros(len(prompt) + tokens, width))
             for _ in range(config["n_layer"])]
    for i, t in enumerate(prompt):
        logits = step(config, w, t, i, cache)
    start = time.perf_counter()
    ids = []
    for g in range(tokens):
        ids.append(int(torch.argmax(logits)))
        if g < tokens - 1:
            logits = step(config, w, ids[-1], len(prompt) + g, cache)
    return ids, time.perf_counter() - start


def main():
    model_dir, threads, tokens = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    prompt = [int(a) for a in sys.argv[4:]]
    torch.set_num_threads(threads)
    config, w = load(model_dir)
    with torch.inference_mode():
        generate(config, w, prompt, min(tokens, 10))
        ids, seconds = generate(config, w, prompt, tokens)
    print(json.dumps({"tokens_per_second": (tokens - 1) / seconds, "ids": ids}))


if __name__ == "__main__":
    main()
