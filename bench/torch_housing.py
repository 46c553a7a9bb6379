"""rust-micrograd's housing workload in PyTorch float64, the baseline of make bench's housing figures
(grad.bench.HousingBench): datasets/housing.csv, 13 standardised features (population std), a 13-8-1
ReLU network without a bias on the last layer, MSE, 1000 full-batch SGD steps at lr 0.01, on the CPU.
Prints the seconds of the training loop alone (wall), the final loss, and the loop's CPU seconds (all threads).

Run (Debian's python3-torch), from the repository root:
    /usr/bin/python3 bench/torch_housing.py [steps]
"""
import csv
import sys
import time

import torch

torch.set_default_dtype(torch.float64)
torch.manual_seed(13)
steps = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
with open("datasets/housing.csv") as f:
    rows = [[float(v) for v in r] for r in list(csv.reader(f))[1:]]
data = torch.tensor(rows)
x, y = data[:, :13], data[:, 13:]
x = (x - x.mean(0)) / x.std(0, unbiased=False)
model = torch.nn.Sequential(torch.nn.Linear(13, 8), torch.nn.ReLU(), torch.nn.Linear(8, 1, bias=False))
sgd = torch.optim.SGD(model.parameters(), lr=0.01)
start = time.perf_counter()
cpu = time.process_time()
for _ in range(steps):
    sgd.zero_grad()
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    sgd.step()
print("%.6f %.6f %.6f" % (time.perf_counter() - start, loss.item(), time.process_time() - cpu))
