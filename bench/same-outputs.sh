#!/usr/bin/env bash
# usage: bench/same-outputs.sh OLD.jar NEW.jar [WORK_DIR]
#
# Runs the README's default runs with both jars, each into its own folder, and compares every file they
# write (metrics, model files, pictures, pages, and each run's stdout and stderr) byte for byte. Prints
# every difference; exits 1 if there is any, 2 on bad usage, 0 when both jars wrote the same bytes.
# The runs are those of `make gallery` and the README, with fewer epochs where it says so.
set -u
if [ $# -lt 2 ] || [ ! -f "$1" ] || [ ! -f "$2" ]; then
    echo "usage: bench/same-outputs.sh OLD.jar NEW.jar [WORK_DIR]" >&2
    exit 2
fi
OLD=$(realpath "$1")
NEW=$(realpath "$2")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${3:-$(mktemp -d /tmp/same-outputs.XXXXXX)}
mkdir -p "$WORK"
WORK=$(realpath "$WORK")
JAVA=${JAVA:-java}

# the README's spiral recipe (the Makefile's SPIRAL), for 20 epochs rather than 100
SPIRAL=$(sed -n 's/^SPIRAL := //p' "$ROOT/Makefile" | sed 's/--epochs [0-9]*/--epochs 20/')
[ -n "$SPIRAL" ] || { echo "same-outputs: no SPIRAL recipe in $ROOT/Makefile" >&2; exit 2; }

# a 2-D regression (x, y → a value), so that the network picture's regression panel is drawn too
plane_values() {
    awk 'BEGIN { print "x,y,value"; for (i = 0; i < 200; i++) { x = (i % 20) / 4 - 2.5; y = int(i / 20) / 2 - 2.5;
                 printf "%.2f,%.2f,%.4f\n", x, y, x * y + 0.3 * x } }'
}

# name | arguments, as in the README: each run starts in its own folder, which links the repository's
# datasets/ and src/ (so the paths, which the metrics files record, are the same on both sides)
RUNS=(
    "xor|--dataset xor --lr 0.005"
    "moons|--dataset moons --lr 0.001"
    "circles|--dataset circles --lr 0.001"
    "linear|--dataset linear --lr 0.001"
    "spiral|$SPIRAL"
    "graphviz|--dataset xor --lr 0.005 --epochs 1 --graphviz --no-plots"
    "save-model|--dataset moons --epochs 20 --save-model moons.json"
    "load-model|--load-model ../save-model/moons.json --epochs 30 --save-model moons.json"
    "flowers|--dataset datasets/flowers.csv --hidden-units 8 --epochs 30 --lr 0.01"
    "houses|--dataset src/test/resources/grad/cli/houses.csv --delimiter ; --label price --epochs 30"
    "plane-regression|--dataset plane_values.csv --label value --epochs 20"
    "text|text --steps 50"
)

# Runs every run with one jar in WORK/<side>/<run>/ (outputs in output/, stdout and stderr beside it).
run_all() {
    local side=$1 jar=$2 entry name args dir
    for entry in "${RUNS[@]}"; do
        name=${entry%%|*}
        args=${entry#*|}
        dir="$WORK/$side/$name"
        rm -rf "$dir" && mkdir -p "$dir"
        ln -s "$ROOT/datasets" "$dir/datasets"
        ln -s "$ROOT/src" "$dir/src"
        plane_values > "$dir/plane_values.csv"
        # shellcheck disable=SC2086  # the arguments are words
        (cd "$dir" && $JAVA -jar "$jar" $args -o output > stdout.txt 2> stderr.txt)
        echo "$?" > "$dir/exit-status.txt"
        echo "same-outputs: $side $name (exit $(cat "$dir/exit-status.txt"))"
    done
}

# the load-model run reads the save-model run's file, so each side's runs go in order
run_all old "$OLD"
run_all new "$NEW"

differences=0
while IFS= read -r file; do
    if [ ! -e "$WORK/new/$file" ]; then
        echo "only in old: $file"
        differences=$((differences + 1))
    elif ! cmp -s "$WORK/old/$file" "$WORK/new/$file"; then
        echo "differs: $file ($(cmp "$WORK/old/$file" "$WORK/new/$file" 2>&1 | head -1))"
        differences=$((differences + 1))
    fi
done < <(cd "$WORK/old" && find . -type f | sort)
while IFS= read -r file; do
    if [ ! -e "$WORK/old/$file" ]; then
        echo "only in new: $file"
        differences=$((differences + 1))
    fi
done < <(cd "$WORK/new" && find . -type f | sort)

files=$(cd "$WORK/old" && find . -type f | wc -l)
if [ "$differences" -gt 0 ]; then
    echo "same-outputs: $differences of $files files differ (outputs in $WORK)"
    exit 1
fi
echo "same-outputs: all $files files are byte-identical (outputs in $WORK)"
