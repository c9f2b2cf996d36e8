#!/usr/bin/env bash
# Scaling check on pathological documents (issues 5 and 6): each input is generated at a size and at
# four times that size, timed with the release binary, and the time ratio is printed next to the
# size ratio. A ratio far above 4 means some stage grows faster than the input (a quadratic walk).
#
#   scripts/bench-patho.sh            # prints the table; exits 1 if a ratio exceeds $LIMIT (default 8)
#
# Inputs, each one document:
#   nopunct   words of news prose (offices, names, places) without any punctuation: no sentence ends
#   line      one line repeating a sentence with an office, a quotation and a date
#   quotes    opening quotation marks only
# Environment: BENCH_DIR (default target/bench-patho), SIZE_KB (the small size, default 500), LIMIT.
set -euo pipefail

cd "$(dirname "$0")/.."
WORK=${BENCH_DIR:-$PWD/target/bench-patho}
SIZE_KB=${SIZE_KB:-500}
LIMIT=${LIMIT:-8}
mkdir -p "$WORK"
cargo build --release --quiet
CC=$PWD/target/release/crosscheck

python3 - "$WORK" "$SIZE_KB" << 'EOF'
import os, sys
work, size_kb = sys.argv[1], int(sys.argv[2])
words = ("le président Assimi Goïta a déclaré que la charte du Liptako Gourma sera révisée selon une "
         "source à Bamako Niamey ministre général de la Défense Abdoulaye Diop").split()
line = ("Le ministre malien de la Défense, Abdoulaye Diop, a déclaré le 12 mars 2024 : « La charte "
        "sera révisée ». ")
def write(name, n_bytes, make):
    d = os.path.join(work, name)
    os.makedirs(d, exist_ok=True)
    text = make(n_bytes)
    with open(os.path.join(d, "doc.txt"), "w", encoding="utf-8") as f:
        f.write(text)
def nopunct(n):
    out, k, size = [], 7, 0
    while size < n:
        k = (k * 1103515245 + 12345) % 2147483648
        w = words[(k >> 8) % len(words)]
        out.append(w)
        size += len(w.encode()) + 1
    return " ".join(out)
for scale, tag in ((1, "small"), (4, "large")):
    n = size_kb * 1000 * scale
    write(f"nopunct-{tag}", n, nopunct)
    write(f"line-{tag}", n, lambda n: line * (n // len(line.encode()) + 1))
    write(f"quotes-{tag}", n, lambda n: "« " * (n // 3))
EOF

seconds() {
    local start end
    start=$(date +%s.%N)
    "$CC" check "$1" --no-kb --format json --quiet > /dev/null || true
    end=$(date +%s.%N)
    python3 -c "print(f'{$end - $start:.3f}')"
}

echo "| input | ${SIZE_KB} KB s | $((SIZE_KB * 4)) KB s | time ratio (size ratio 4) |"
echo "|---|---|---|---|"
worst=0
for input in nopunct line quotes; do
    small=$(seconds "$WORK/$input-small")
    large=$(seconds "$WORK/$input-large")
    ratio=$(python3 -c "print(f'{$large / max($small, 0.001):.2f}')")
    echo "| $input | $small | $large | $ratio |"
    worst=$(python3 -c "print(max($worst, $ratio))")
done
if python3 -c "import sys; sys.exit(0 if $worst <= $LIMIT else 1)"; then
    echo "worst ratio $worst: within $LIMIT"
else
    echo "worst ratio $worst: above $LIMIT, some stage grows faster than the input" >&2
    exit 1
fi
