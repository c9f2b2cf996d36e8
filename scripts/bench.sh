#!/usr/bin/env bash
# End-to-end benchmark (issue 5): crosscheck against ripgrep on generated French news.
#
#   scripts/bench.sh                  # 10 MB and 100 MB corpora, seed 42
#   BENCH_SIZES="10" scripts/bench.sh # only 10 MB
#
# Builds release, generates the corpora with examples/gen_corpus.rs (deterministic; reused when the
# generator, seed and size are unchanged), then times in the same run, on a warm page cache:
#   crosscheck check DIR --no-kb --format json > /dev/null
#   rg -c -w -F -f GAZETTEER DIR > /dev/null        (the corpus' 50 most frequent names and terms)
# and prints MB/s, peak RSS (/usr/bin/time -v), the throughput ratio, the 10 MB → 100 MB time ratio,
# a draft-against-index time when `crosscheck check --help` lists `--draft`, and the accuracy on
# the smallest corpus (shared/eval/score.py against the generator's planted.toml).
#
# Environment: BENCH_DIR (default target/bench), BENCH_SEED (42), BENCH_SIZES ("10 100"),
# BENCH_RUNS (best of N timings, default 3; a command that takes over a minute runs once),
# BENCH_TIMEOUT (seconds per command, default 1800),
# SCORE (path of score.py, default ../shared/eval/score.py).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${BENCH_DIR:-$ROOT/target/bench}
SEED=${BENCH_SEED:-42}
SIZES=${BENCH_SIZES:-"10 100"}
RUNS=${BENCH_RUNS:-3}
TIMEOUT=${BENCH_TIMEOUT:-1800}
SCORE=${SCORE:-$ROOT/../shared/eval/score.py}
CC=$WORK/crosscheck
GEN=$WORK/gen_corpus
mkdir -p "$WORK"

log() { printf '%s\n' "$*" >&2; }

# ------------------------------------------------------------------------------------ tools
apt_install() {
    if command -v apt-get > /dev/null && [ "$(id -u)" = 0 ]; then
        apt-get install -y -qq "$@" > /dev/null || { apt-get update -qq > /dev/null && apt-get install -y -qq "$@" > /dev/null; }
    else
        return 1
    fi
}
if [ ! -x /usr/bin/time ]; then
    log "installing GNU time"
    apt_install time || { log "error: /usr/bin/time is missing (apt-get install time)"; exit 2; }
fi
if ! command -v rg > /dev/null; then
    log "installing ripgrep"
    apt_install ripgrep || cargo install ripgrep --locked
fi

# ------------------------------------------------------------------------------------ build
log "building release binary and corpus generator"
cargo build --release --quiet
cargo build --release --quiet --example gen_corpus
# Snapshots: target/ may be rebuilt by someone else while this runs.
cp "$ROOT/target/release/crosscheck" "$CC"
cp "$ROOT/target/release/examples/gen_corpus" "$GEN"
REV=$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src 2> /dev/null || echo '+uncommitted')

# ------------------------------------------------------------------------------------ helpers
# run LABEL CMD...: runs CMD (stdout discarded) up to RUNS times (once when a run takes over a
# minute); sets SECS (best wall time), RSS_KB
# (largest peak RSS); SECS is "timeout" when a run exceeds BENCH_TIMEOUT.
run() {
    local label=$1 best="" rss=0 t0 t1 secs kb rc
    shift
    for _ in $(seq "$RUNS"); do
        t0=$(date +%s.%N)
        rc=0
        /usr/bin/time -v -o "$WORK/time.txt" timeout "$TIMEOUT" "$@" > /dev/null 2> "$WORK/stderr.txt" || rc=$?
        t1=$(date +%s.%N)
        if [ "$rc" = 124 ]; then
            SECS=timeout RSS_KB=0
            log "  $label: timed out after ${TIMEOUT}s"
            return
        fi
        # crosscheck exits 1 when it reports findings, rg when it finds nothing: both are fine.
        if [ "$rc" -gt 1 ]; then
            log "error: $label exited with $rc:"
            tail -5 "$WORK/stderr.txt" >&2
            exit 2
        fi
        secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}')
        kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
        if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN {exit !(a < b)}'; then best=$secs; fi
        if [ "$kb" -gt "$rss" ]; then rss=$kb; fi
        if awk -v a="$secs" 'BEGIN {exit !(a > 60)}'; then break; fi
    done
    SECS=$best RSS_KB=$rss
    log "  $label: ${SECS}s, peak RSS $((RSS_KB / 1024)) MB"
}
# mbps MB SECS, div A B: "-" when a run timed out.
mbps() { if [ "$2" = timeout ]; then echo "-"; else awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a / b}'; fi; }
div() { if [ "$1" = timeout ] || [ "$2" = timeout ]; then echo "-"; else awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; fi; }

# ------------------------------------------------------------------------------------ corpora
GEN_HASH=$(sha256sum "$ROOT/examples/gen_corpus.rs" | cut -c1-16)
declare -A MB_OF CC_S CC_RSS RG_S RG_RSS
for size in $SIZES; do
    dir=$WORK/corpus-${size}mb
    stamp="seed=$SEED size=$size gen=$GEN_HASH"
    if [ ! -f "$dir/.stamp" ] || [ "$(cat "$dir/.stamp")" != "$stamp" ]; then
        log "generating ${size} MB corpus in $dir"
        rm -rf "$dir"
        "$GEN" --mb "$size" "$dir" --seed "$SEED" --gazetteer "$WORK/gazetteer-${size}mb.txt"
        echo "$stamp" > "$dir/.stamp"
    fi
    bytes=$(find "$dir" -name '*.md' -printf '%s\n' | awk '{s += $1} END {print s}')
    MB_OF[$size]=$(awk -v b="$bytes" 'BEGIN {printf "%.3f", b / 1e6}')
    files=$(find "$dir" -name '*.md' | wc -l)
    log "timing ${size} MB corpus: $files files, $bytes bytes (best of $RUNS, warm cache)"
    cat "$dir"/*/*.md > /dev/null
    run "crosscheck" "$CC" check "$dir" --no-kb --format json
    CC_S[$size]=$SECS CC_RSS[$size]=$RSS_KB
    run "rg" rg -c -w -F -f "$WORK/gazetteer-${size}mb.txt" "$dir"
    RG_S[$size]=$SECS RG_RSS[$size]=$RSS_KB
done

# ------------------------------------------------------------------------------------ draft
# The draft is a copy of the first article the answer key says carries a discrepancy.
DRAFT_MS="n/a (no --draft option)"
largest=${SIZES##* }
if "$CC" check --help 2> /dev/null | grep -q -- '--draft'; then
    dir=$WORK/corpus-${largest}mb
    draft_rel=$(grep -m1 -o 'file = "[^"]*", text = "[^"]*", required = true' "$dir/planted.toml" | sed 's/file = "\([^"]*\)".*/\1/')
    cp "$dir/$draft_rel" "$WORK/draft.md"
    if "$CC" index --help > /dev/null 2>&1; then
        log "indexing the ${largest} MB corpus"
        # From scratch each time (an existing index would be updated, not rebuilt).
        run "index" sh -c 'rm -f "$1" && "$2" index "$3" -o "$1" -q' sh "$WORK/archive.idx" "$CC" "$dir"
        index_s=$SECS index_rss=$RSS_KB
        touch "$dir/$draft_rel"
        run "index update" "$CC" index "$dir" -o "$WORK/archive.idx" -q
        update_s=$SECS
        run "draft (index)" "$CC" check --index "$WORK/archive.idx" --draft "$WORK/draft.md" --no-kb --format json
        DRAFT_MS="$(awk -v s="$SECS" 'BEGIN {printf "%.0f", s * 1000}') ms with the index, peak RSS $((RSS_KB / 1024)) MB (index built from scratch in ${index_s}s with $((index_rss / 1024)) MB, updated after touching one file in ${update_s}s; $(du -m "$WORK/archive.idx" | cut -f1) MB on disk); draft = $draft_rel"
    else
        run "draft (no index)" "$CC" check "$dir" --draft "$WORK/draft.md" --no-kb --format json
        DRAFT_MS="$(awk -v s="$SECS" 'BEGIN {printf "%.0f", s * 1000}') ms without an index (no \`index\` command yet: the archive is re-read); draft = $draft_rel"
    fi
fi

# ------------------------------------------------------------------------------------ accuracy
ACCURACY="n/a (score.py not found at $SCORE)"
smallest=${SIZES%% *}
if [ -f "$SCORE" ] && command -v python3 > /dev/null; then
    dir=$WORK/corpus-${smallest}mb
    rc=0
    "$CC" check "$dir" --no-kb --format json > "$WORK/findings-${smallest}mb.json" || rc=$?
    if [ "$rc" -le 1 ]; then
        python3 "$SCORE" "$dir/planted.toml" "$WORK/findings-${smallest}mb.json" --corpus "$dir" > "$WORK/score-${smallest}mb.txt" || true
        ACCURACY=$(tail -1 "$WORK/score-${smallest}mb.txt")
    fi
fi

# ------------------------------------------------------------------------------------ report
cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
mem=$(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo)
echo "## Results ($(date -u +%Y-%m-%d), $(nproc) cores, $cpu, $mem RAM, rg $(rg --version | head -1 | cut -d' ' -f2), crosscheck $REV)"
echo
echo "| corpus | MB | crosscheck s | crosscheck MB/s | crosscheck peak RSS MB | rg s | rg MB/s | rg peak RSS MB | crosscheck/rg throughput |"
echo "|---|---|---|---|---|---|---|---|---|"
for size in $SIZES; do
    mb=${MB_OF[$size]}
    printf '| %s MB | %.1f | %s | %s | %d | %s | %s | %d | %s |\n' "$size" "$mb" \
        "${CC_S[$size]}" "$(mbps "$mb" "${CC_S[$size]}")" $((CC_RSS[$size] / 1024)) \
        "${RG_S[$size]}" "$(mbps "$mb" "${RG_S[$size]}")" $((RG_RSS[$size] / 1024)) \
        "$(div "${RG_S[$size]}" "${CC_S[$size]}")"
done
echo
if [ "$smallest" != "$largest" ]; then
    echo "- time ratio ${smallest} MB → ${largest} MB: crosscheck $(div "${CC_S[$largest]}" "${CC_S[$smallest]}"), rg $(div "${RG_S[$largest]}" "${RG_S[$smallest]}") (sizes ratio $(div "${MB_OF[$largest]}" "${MB_OF[$smallest]}"))"
fi
echo "- draft against the index of the ${largest} MB corpus: $DRAFT_MS"
echo "- accuracy on the ${smallest} MB corpus (planted discrepancies): $ACCURACY"
