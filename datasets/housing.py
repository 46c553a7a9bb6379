"""Writes datasets/housing.csv: 506 generated rows shaped like the Boston housing data (13 features,
the median value in $1000s last), for rust-micrograd's housing example (src/test/java/grad/examples).
The numbers are made up, drawn from a seeded generator: no real data, no licence to carry.

Re-run (any Python 3, standard library only), from the repository root:
    python3 datasets/housing.py
"""
import math
import os
import random

COLUMNS = ["crim", "zn", "indus", "chas", "nox", "rm", "age", "dis", "rad", "tax", "ptratio", "b", "lstat", "medv"]


def row(rng):
    indus = rng.uniform(0.5, 27.0)
    nox = 0.38 + 0.012 * indus + rng.gauss(0, 0.04)
    rm = rng.gauss(6.3, 0.7)
    age = min(100.0, max(3.0, 30 + 2.2 * indus + rng.gauss(0, 18)))
    dis = max(1.1, 9.5 - 0.07 * age + rng.gauss(0, 1.2))
    rad = rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 24])
    tax = 190 + 13 * indus + (300 if rad == 24 else 0) + rng.gauss(0, 40)
    crim = math.exp(rng.gauss(-1.0, 1.6) + (1.5 if rad == 24 else 0))
    zn = 0.0 if rng.random() < 0.7 else rng.choice([12.5, 20, 25, 40, 80])
    chas = 1 if rng.random() < 0.07 else 0
    ptratio = min(22.0, max(12.6, rng.gauss(18.5, 2.0)))
    b = min(396.9, max(0.3, 396.9 - abs(rng.gauss(0, 40))))
    lstat = max(1.7, 30 - 3.2 * (rm - 4) + 0.08 * age + rng.gauss(0, 4))
    medv = (22 + 6.5 * (rm - 6.3) - 0.45 * (lstat - 12) - 0.9 * (ptratio - 18.5) - 0.2 * crim
            + 3 * chas - 1.2 * (dis - 3.8) * (nox - 0.55) * 10 + rng.gauss(0, 2.5))
    medv = min(50.0, max(5.0, medv))
    return [crim, zn, indus, chas, nox, rm, age, dis, rad, tax, ptratio, b, lstat, medv]


def main():
    rng = random.Random(506)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "housing.csv")
    with open(out + ".tmp", "w") as f:
        f.write(",".join(COLUMNS) + "\n")
        for _ in range(506):
            f.write(",".join("%.4f" % x for x in row(rng)) + "\n")
    os.replace(out + ".tmp", out)


if __name__ == "__main__":
    main()
