#!/usr/bin/env bash
# End-to-end throughput and memory of `figcheck check` and `figcheck figures`.
#
# Builds a deterministic corpus of about 50 MB in 2,000 Markdown files from the project's
# own drafts (examples/ and tests/fixtures/), each file a different draw of their
# paragraphs with every number varied, then times both commands over it with 1 and 2
# threads (/usr/bin/time -v: wall time and peak RSS), and a scaling run of `check` on
# one document at 1x, 10x and 100x its size.
#
# Usage: benches/throughput.sh [CORPUS_DIR]   (default: target/bench-corpus)
# Env:   FIGCHECK_BENCH_BYTES (default 50000000), FIGCHECK_BENCH_FILES (default 2000),
#        FIGCHECK_BENCH_SEED (default 1), FIGCHECK_BENCH_CORPUS (time an existing folder
#        instead of building one).
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${FIGCHECK_BENCH_CORPUS:-${1:-target/bench-corpus}}
bytes=${FIGCHECK_BENCH_BYTES:-50000000}
files=${FIGCHECK_BENCH_FILES:-2000}
seed=${FIGCHECK_BENCH_SEED:-1}

cargo build --release --quiet
bin=target/release/figcheck
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package: time)" >&2; exit 2; }

if [ -z "${FIGCHECK_BENCH_CORPUS:-}" ]; then
  python3 - "$corpus" "$bytes" "$files" "$seed" <<'PY'
import pathlib, random, re, shutil, sys

out, total, nfiles, seed = pathlib.Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
sources = sorted(pathlib.Path("examples").glob("*")) + sorted(pathlib.Path("tests/fixtures").glob("*"))
paragraphs, titles = [], []
for path in sources:
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        block = block.strip()
        if not block or block.startswith("<!--"):
            continue
        (titles if block.startswith("#") else paragraphs).append(block.lstrip("# "))

def vary(text):
    # Every digit run gets other digits of the same length (no leading zero).
    def repl(m):
        digits = [str(rng.randrange(10)) for _ in m.group(0)]
        if len(digits) > 1 and digits[0] == "0":
            digits[0] = str(rng.randrange(1, 10))
        return "".join(digits)
    return re.sub(r"\d+", repl, text)

if out.exists():
    shutil.rmtree(out)
per_file = total // nfiles
written = 0
for i in range(nfiles):
    folder = out / f"d{i // 100:02d}"
    folder.mkdir(parents=True, exist_ok=True)
    parts = [f"# {vary(rng.choice(titles))}", ""]
    size = 0
    while size < per_file:
        para = vary(rng.choice(paragraphs))
        parts += [para, ""]
        size += len(para.encode()) + 2
    text = "\n".join(parts)
    (folder / f"f{i:04d}.md").write_text(text, encoding="utf-8")
    written += len(text.encode())
print(f"corpus: {nfiles} files, {written / 1e6:.1f} MB in {out}", file=sys.stderr)
PY
fi

mb=$(du -sb "$corpus" | awk '{print $1 / 1e6}')
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "corpus:  $corpus, ${mb} MB"
printf '%-8s %-8s %10s %10s %12s\n' command threads "wall (s)" "MB/s" "peak RSS"

measure() { # command threads args...
  local name=$1 threads=$2
  shift 2
  local log
  log=$(mktemp)
  /usr/bin/time -v "$bin" "$name" -j "$threads" "$@" "$corpus" > /dev/null 2> "$log" || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f MB", $2 / 1024}' "$log")
  printf '%-8s %-8s %10s %10.0f %12s\n' "$name" "$threads" "$wall" "$(awk -v m="$mb" -v w="$wall" 'BEGIN {print (w > 0 ? m / w : 0)}')" "$rss"
  rm -f "$log"
}
for threads in 1 2; do
  measure check "$threads" --no-config --format jsonl
  measure figures "$threads" --format jsonl
done

# Scaling: one document at 1x, 10x and 100x; best of five runs each.
scale_dir=$(mktemp -d)
one=$(find "$corpus" -name '*.md' | sort | sed -n 1p)
for times in 1 10 100; do
  for ((i = 0; i < times; i++)); do cat "$one"; echo; done > "$scale_dir/x$times.md"
done
best() {
  local best=999999999999
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s%N)
    "$bin" check --no-config --format jsonl "$1" > /dev/null || true
    end=$(date +%s%N)
    best=$(( (end - start) < best ? (end - start) : best ))
  done
  echo $(( best / 1000 ))
}
t1=$(best "$scale_dir/x1.md")
t10=$(best "$scale_dir/x10.md")
t100=$(best "$scale_dir/x100.md")
echo "scaling (check on one document, best of 5, microseconds including process start):"
echo "  1x $(stat -c %s "$scale_dir/x1.md") bytes: $t1; 10x: $t10; 100x: $t100; 100x/1x = $(awk -v a="$t100" -v b="$t1" 'BEGIN {printf "%.1f", a / b}')"
rm -rf "$scale_dir"
