#!/usr/bin/env bash
# Benchmarks `bynar --check` on this host as a process: wall time (hyperfine) and peak RSS
# (GNU time), cold (page cache dropped before every run) and warm, next to `smartctl -j -a`
# over the same disks and an empty Deno program. Prints a Markdown table. Run as root.
#
# Usage: sudo tools/bench_check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export RUST_BACKTRACE=0 NO_COLOR=1
DENO="$PWD/tools/deno/node_modules/.bin/deno"
work=$(mktemp -d /tmp/bynar-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
"$DENO" bundle --quiet --platform=deno -o "$work/bynar.js" src/main.ts
echo 'console.log("x")' >"$work/empty.js"
DB="$work/bynar.db"
# the disks the check reads SMART from (the same list smartctl is given)
mapfile -t disks < <("$DENO" run -A "$work/bynar.js" --check --no-db --format json | jq -r '.disks[].path')
smart_cmd="for d in ${disks[*]}; do smartctl -j -a \$d >/dev/null || true; done"
declare -A cmds=(
  ["bynar --check (bundle)"]="$DENO run -A $work/bynar.js --check --db $DB"
  ["bynar --check (from source)"]="$DENO run -A --quiet src/main.ts --check --db $DB"
  ["smartctl -j -a over the same ${#disks[@]} disk(s)"]="$smart_cmd"
  ["deno: empty program"]="$DENO run -A $work/empty.js"
)
order=("bynar --check (bundle)" "bynar --check (from source)" "smartctl -j -a over the same ${#disks[@]} disk(s)" "deno: empty program")
echo "| command | warm mean ± σ (ms) | cold mean ± σ (ms) | peak RSS warm (MiB) |"
echo "|---|---|---|---|"
for name in "${order[@]}"; do
  cmd=${cmds[$name]}
  hyperfine -N --shell=bash -w 3 -r 20 -i --export-json "$work/w.json" "$cmd" >/dev/null 2>&1 || hyperfine --shell=bash -w 3 -r 20 -i --export-json "$work/w.json" "$cmd" >/dev/null
  hyperfine --shell=bash -r 10 -i --prepare 'sync; echo 3 > /proc/sys/vm/drop_caches' --export-json "$work/c.json" "$cmd" >/dev/null
  w=$(jq -r '.results[0] | "\(.mean*1000|floor) ± \(.stddev*1000|floor)"' "$work/w.json")
  c=$(jq -r '.results[0] | "\(.mean*1000|floor) ± \(.stddev*1000|floor)"' "$work/c.json")
  rss=$(/usr/bin/time -f "%M" bash -c "$cmd" 2>&1 >/dev/null | tail -1)
  printf '| %s | %s | %s | %.1f |\n' "$name" "$w" "$c" "$(echo "$rss/1024" | bc -l)"
done
