#!/usr/bin/env python3
"""grad's default run written the way a user would without grad: PyTorch + matplotlib + Pillow.

The baseline of `make bench` (issue 17). It does what `java -jar grad.jar --dataset xor --lr 0.005` does:
1000 xor points in [-5, 5)^2, a 2-10-2 ReLU MLP with He init for weights and biases, MSE on the softmax
against one-hot labels, minibatches of 50, SGD with momentum 0.9, 50 epochs, float64; at each print epoch
(1, 6, 11, ..., 50) a decision-boundary PNG drawn from a 200x200 probability grid; the training curves;
a GIF of the boundary frames.

Usage: python3 bench/torch_xor.py OUTPUT_DIR
"""
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import torch
from PIL import Image

SEED = 42
CLASS_SIZE = 1000  # xor: this many points in total
HIDDEN = 10
LR = 0.005
MOMENTUM = 0.9
BATCH = 50
EPOCHS = 50
PRINT_EVERY = 5
GRID = 200


def xor_data(n, rng):
    xy = rng.uniform(-5, 5, size=(n, 2))
    labels = (xy[:, 0] * xy[:, 1] < 0).astype(np.int64)  # 0 if same sign, else 1
    return torch.from_numpy(xy), torch.from_numpy(labels)


def he_init(model):
    for layer in model:
        if isinstance(layer, torch.nn.Linear):
            std = (2.0 / layer.in_features) ** 0.5
            torch.nn.init.normal_(layer.weight, 0.0, std)
            torch.nn.init.normal_(layer.bias, 0.0, std)


def loss_fn(logits, labels):
    one_hot = torch.nn.functional.one_hot(labels, 2).to(logits.dtype)
    return torch.mean((torch.softmax(logits, dim=1) - one_hot) ** 2)


def plot_boundary(model, x, y, epoch, path):
    xs = np.linspace(-5.5, 5.5, GRID)
    gx, gy = np.meshgrid(xs, xs)
    grid = torch.from_numpy(np.column_stack([gx.ravel(), gy.ravel()]))
    with torch.no_grad():
        p = torch.softmax(model(grid), dim=1)[:, 1].numpy().reshape(GRID, GRID)
    fig, ax = plt.subplots(figsize=(6, 6))
    ax.contourf(gx, gy, p, levels=20, cmap="RdBu", alpha=0.8, vmin=0, vmax=1)
    ax.contour(gx, gy, p, levels=[0.5], colors="black", linewidths=1)
    ax.scatter(x[:, 0], x[:, 1], c=y, cmap="RdBu", edgecolors="k", s=12, linewidths=0.3)
    ax.set_title(f"xor: decision boundary, epoch {epoch}")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    fig.savefig(path, dpi=100)
    plt.close(fig)


def plot_curves(losses, accuracies, path):
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4))
    epochs = range(1, len(losses) + 1)
    a.plot(epochs, losses)
    a.set_title("loss")
    a.set_xlabel("epoch")
    b.plot(epochs, accuracies)
    b.set_title("accuracy")
    b.set_xlabel("epoch")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def main(out):
    out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(SEED)
    torch.set_default_dtype(torch.float64)
    rng = np.random.default_rng(SEED)
    x, y = xor_data(CLASS_SIZE, rng)

    model = torch.nn.Sequential(torch.nn.Linear(2, HIDDEN), torch.nn.ReLU(), torch.nn.Linear(HIDDEN, 2))
    he_init(model)
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)

    losses, accuracies, frames = [], [], []
    for epoch in range(1, EPOCHS + 1):
        order = torch.randperm(len(x))
        total = 0.0
        for start in range(0, len(x), BATCH):
            batch = order[start:start + BATCH]
            optimizer.zero_grad()
            loss = loss_fn(model(x[batch]), y[batch])
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        with torch.no_grad():
            accuracy = (model(x).argmax(dim=1) == y).double().mean().item()
        losses.append(total / len(x))
        accuracies.append(accuracy)
        if epoch == 1 or epoch % PRINT_EVERY == 1 or epoch == EPOCHS:
            print(f"epoch {epoch:3d}  loss {losses[-1]:.4f}  accuracy {accuracy:.3f}")
            frame = out / f"decision_boundary_epoch_{epoch}_xor.png"
            plot_boundary(model, x.numpy(), y.numpy(), epoch, frame)
            frames.append(frame)

    plot_curves(losses, accuracies, out / "curves_xor.png")
    images = [Image.open(f).convert("RGB") for f in frames]
    images[0].save(out / "decision_boundary_xor.gif", save_all=True, append_images=images[1:], duration=500, loop=0)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: torch_xor.py OUTPUT_DIR")
    main(Path(sys.argv[1]))
