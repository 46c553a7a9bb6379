"""Writes the tiny GPT-2 of grad's gpt2 tests and what PyTorch and GPT-2's own BPE algorithm make of it.

Re-run from the repository root (needs Debian's python3-torch and python3-regex; the tests only read the output):
    /usr/bin/python3 src/test/python/gpt2_fixture.py

It writes, under src/test/resources/grad/gpt2/:
  tiny/config.json, tiny/vocab.json, tiny/merges.txt, tiny/model.safetensors -- a GPT-2-shaped checkpoint in
      Hugging Face's layout (2 layers, 2 heads, width 16, context 32), its BPE merges learned below from CORPUS,
      its weights drawn from a seeded torch generator;
  reference.json -- the encodings of tricky strings by the reference encoder (GPT-2's encoder.py algorithm,
      written out here because neither `transformers` nor `tiktoken` is packaged in Debian), and the logits,
      attention weights and greedy continuation of a prompt by GPT-2's forward pass written in plain torch,
      in float64 from the float32 weights, recomputing the whole sequence at every step (no key/value cache).
"""
import json
import os
import struct
from collections import Counter

import regex
import torch

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "grad", "gpt2")
LAYERS, HEADS, WIDTH, CONTEXT, MERGES = 2, 2, 16, 32, 300
PATTERN = regex.compile(r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+""")
EOT = "<|endoftext|>"
CORPUS = """Hello, I'm a language model, and I like to talk about the weather. The weather is nice today,
isn't it? We've been walking in the park; they'll be here at 12:30 or 14:45. It's 3.14159 and 2.71828.
A model learns what comes next: the next word, the next token, the next character. Language models
don't know the weather, they're predicting text. The quick brown fox jumps over the lazy dog 1234567890.
Naïve café owners in Zürich say "Grüß Gott", and in Kraków "dzień dobry". Привет, мир! 日本語のテキスト。
Emoji too: 🤗 🚀 👍🏽 ✨. Hello again, hello world, hello model; the model says hello back.
    Indented lines, tabs\tand newlines\n\nare whitespace too. I'd say we'll see what you've learned.
"""
TRICKY = [
    "Hello, I'm a language model,",
    "Hello world",
    "  leading and   multiple spaces  ",
    "trailing space ",
    "don't you're we've I'm they'll he'd it's",
    "'S 'LL 'Re uppercase contractions",
    "numbers 12345 and 3.14159 and 1,000,000 and ٣٤٥",
    "tabs\tand\nnewlines\n\n  end",
    "\r\n windows line",
    "naïve café Ωmega Привет 日本語",
    "emoji 🤗🚀 and 👍🏽 ✨",
    "<|endoftext|>next document",
    "a<|endoftext|>b <|endoftext|> c<|endoftext|>",
    "\u00a0nbsp and\u3000ideographic space",
    "mixed123abc!!!??? ...",
    "unseen: xylophone quizzical zephyr",
    "",
]
PROMPT = "Hello, I'm a language model,"
GREEDY_TOKENS = 10


def bytes_to_unicode():
    """GPT-2's encoder.py: printable bytes stand for themselves, the rest get characters from U+0100 on."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, map(chr, cs)))


BYTE_ENCODER = bytes_to_unicode()


def pieces(text):
    return [''.join(BYTE_ENCODER[b] for b in p.encode("utf-8")) for p in PATTERN.findall(text)]


def train_bpe(text, merges):
    """Byte-level BPE: repeatedly merge the most frequent adjacent pair (ties: the smallest pair)."""
    words = Counter(tuple(p) for p in pieces(text))
    learned = []
    for _ in range(merges):
        pairs = Counter()
        for word, n in words.items():
            for a, b in zip(word, word[1:]):
                pairs[(a, b)] += n
        if not pairs:
            break
        best = min(pairs, key=lambda p: (-pairs[p], p))
        learned.append(best)
        merged = Counter()
        for word, n in words.items():
            out, i = [], 0
            while i < len(word):
                if i + 1 < len(word) and (word[i], word[i + 1]) == best:
                    out.append(word[i] + word[i + 1])
                    i += 2
                else:
                    out.append(word[i])
                    i += 1
            merged[tuple(out)] += n
        words = merged
    return learned


class Encoder:
    """GPT-2's encoder.py (bpe by merge rank), with <|endoftext|> cut out first as Hugging Face's tokenizer does."""

    def __init__(self, vocab, merges):
        self.vocab = vocab
        self.ranks = {m: i for i, m in enumerate(merges)}

    def bpe(self, token):
        word = tuple(token)
        while len(word) > 1:
            pairs = set(zip(word, word[1:]))
            bigram = min(pairs, key=lambda p: self.ranks.get(p, float("inf")))
            if bigram not in self.ranks:
                break
            first, second = bigram
            new_word, i = [], 0
            while i < len(word):
                try:
                    j = word.index(first, i)
                    new_word.extend(word[i:j])
                    i = j
                except ValueError:
                    new_word.extend(word[i:])
                    break
                if word[i] == first and i < len(word) - 1 and word[i + 1] == second:
                    new_word.append(first + second)
                    i += 2
                else:
                    new_word.append(word[i])
                    i += 1
            word = tuple(new_word)
        return word

    def encode(self, text):
        ids = []
        parts = text.split(EOT)
        for k, part in enumerate(parts):
            if k > 0:
                ids.append(self.vocab[EOT])
            for p in pieces(part):
                ids.extend(self.vocab[t] for t in self.bpe(p))
        return ids


def weights(generator):
    def normal(*shape, std):
        return torch.randn(*shape, generator=generator) * std

    w = {"wte.weight": normal(VOCAB, WIDTH, std=0.5), "wpe.weight": normal(CONTEXT, WIDTH, std=0.3)}
    for l in range(LAYERS):
        p = f"h.{l}."
        w[p + "ln_1.weight"] = 1 + normal(WIDTH, std=0.2)
        w[p + "ln_1.bias"] = normal(WIDTH, std=0.1)
        w[p + "attn.bias"] = torch.tril(torch.ones(CONTEXT, CONTEXT)).view(1, 1, CONTEXT, CONTEXT)
        w[p + "attn.c_attn.weight"] = normal(WIDTH, 3 * WIDTH, std=0.4)
        w[p + "attn.c_attn.bias"] = normal(3 * WIDTH, std=0.1)
        w[p + "attn.c_proj.weight"] = normal(WIDTH, WIDTH, std=0.3)
        w[p + "attn.c_proj.bias"] = normal(WIDTH, std=0.1)
        w[p + "ln_2.weight"] = 1 + normal(WIDTH, std=0.2)
        w[p + "ln_2.bias"] = normal(WIDTH, std=0.1)
        w[p + "mlp.c_fc.weight"] = normal(WIDTH, 4 * WIDTH, std=0.3)
        w[p + "mlp.c_fc.bias"] = normal(4 * WIDTH, std=0.1)
        w[p + "mlp.c_proj.weight"] = normal(4 * WIDTH, WIDTH, std=0.2)
        w[p + "mlp.c_proj.bias"] = normal(WIDTH, std=0.1)
    w["ln_f.weight"] = 1 + normal(WIDTH, std=0.2)
    w["ln_f.bias"] = normal(WIDTH, std=0.1)
    return w


def write_safetensors(path, tensors):
    header, offset, blobs = {"__metadata__": {"format": "pt"}}, 0, []
    for name, t in tensors.items():
        data = t.to(torch.float32).contiguous().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    head = json.dumps(header, separators=(",", ":")).encode("utf-8")
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(head)) + head + b"".join(blobs))


def layer_norm(x, g, b):
    return torch.nn.functional.layer_norm(x, (WIDTH,), g, b, eps=1e-5)


def gelu(x):
    return 0.5 * x * (1 + torch.tanh(torch.sqrt(torch.tensor(2 / torch.pi, dtype=x.dtype)) * (x + 0.044715 * x ** 3)))


def forward(w, ids, attention=None):
    """GPT-2's forward pass over the whole sequence; the logits at every position."""
    n, d = len(ids), WIDTH // HEADS
    x = w["wte.weight"][ids] + w["wpe.weight"][:n]
    mask = torch.tril(torch.ones(n, n, dtype=torch.bool))
    for l in range(LAYERS):
        p = f"h.{l}."
        qkv = layer_norm(x, w[p + "ln_1.weight"], w[p + "ln_1.bias"]) @ w[p + "attn.c_attn.weight"] + w[p + "attn.c_attn.bias"]
        q, k, v = (t.view(n, HEADS, d).transpose(0, 1) for t in qkv.split(WIDTH, dim=1))
        scores = (q @ k.transpose(1, 2)) / d ** 0.5
        att = torch.softmax(scores.masked_fill(~mask, float("-inf")), dim=-1)
        if attention is not None:
            attention.append(att.tolist())
        y = (att @ v).transpose(0, 1).reshape(n, WIDTH)
        x = x + y @ w[p + "attn.c_proj.weight"] + w[p + "attn.c_proj.bias"]
        h = gelu(layer_norm(x, w[p + "ln_2.weight"], w[p + "ln_2.bias"]) @ w[p + "mlp.c_fc.weight"] + w[p + "mlp.c_fc.bias"])
        x = x + h @ w[p + "mlp.c_proj.weight"] + w[p + "mlp.c_proj.bias"]
    return layer_norm(x, w["ln_f.weight"], w["ln_f.bias"]) @ w["wte.weight"].T


def main():
    global VOCAB
    merges = train_bpe(CORPUS, MERGES)
    vocab = {}
    for ch in BYTE_ENCODER.values():
        vocab.setdefault(ch, len(vocab))
    for a, b in merges:
        vocab.setdefault(a + b, len(vocab))
    vocab[EOT] = len(vocab)
    VOCAB = len(vocab)
    encoder = Encoder(vocab, merges)
    tiny = os.path.join(OUT, "tiny")
    os.makedirs(tiny, exist_ok=True)
    with open(os.path.join(tiny, "vocab.json"), "w", encoding="utf-8") as f:
        json.dump(vocab, f, ensure_ascii=False)
    with open(os.path.join(tiny, "merges.txt"), "w", encoding="utf-8") as f:
        f.write("#version: 0.2\n" + "".join(f"{a} {b}\n" for a, b in merges))
    with open(os.path.join(tiny, "config.json"), "w") as f:
        json.dump({"activation_function": "gelu_new", "model_type": "gpt2", "n_ctx": CONTEXT, "n_embd": WIDTH,
                   "n_head": HEADS, "n_layer": LAYERS, "n_positions": CONTEXT, "layer_norm_epsilon": 1e-5,
                   "vocab_size": VOCAB}, f, indent=2)
    generator = torch.Generator().manual_seed(29)
    w32 = weights(generator)
    write_safetensors(os.path.join(tiny, "model.safetensors"), w32)
    w = {k: v.to(torch.float64) for k, v in w32.items()}

    ids = encoder.encode(PROMPT)
    attention = []
    logits = forward(w, ids, attention)
    greedy = list(ids)
    for _ in range(GREEDY_TOKENS):
        greedy.append(int(torch.argmax(forward(w, greedy)[-1])))
    reference = {
        "encodings": [{"text": t, "ids": encoder.encode(t)} for t in TRICKY],
        "prompt": PROMPT, "prompt_ids": ids,
        "logits": logits.tolist(),
        "attention": attention,
        "greedy": greedy[len(ids):],
        "parameters": sum(v.numel() for k, v in w32.items() if not k.endswith(".attn.bias")),
    }
    with open(os.path.join(OUT, "reference.json"), "w", encoding="utf-8") as f:
        json.dump(reference, f, ensure_ascii=False, indent=1)
    print(f"vocab {VOCAB}, {len(merges)} merges, prompt {ids}, greedy {greedy[len(ids):]}")


if __name__ == "__main__":
    main()
