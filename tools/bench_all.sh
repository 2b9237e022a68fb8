#!/usr/bin/env bash
# The performance benchmarks of issue 16, in one run, as ratios measured side by side
# (interleaved rounds, medians; tests/bench/paired.ts):
#   1. packaged `bynar --check` vs `deno eval 0` (same pinned Deno): warm and cold V8 code
#      cache, with peak RSS and CPU time (GNU time); also on a loop device of its own (start-up
#      and pass without any subprocess), and next to BENCH_BASELINE_TREE/usr/bin/bynar when
#      that names an unpacked older package (before/after);
#   2. idle RSS of the detector daemon (and of disk-manager when BENCH_CEPH_DIR names a
#      directory with a ceph.json for a reachable cluster);
#   3. the in-process check over 1/8/24 disks from recorded pages vs a smartctl loop
#      (deno bench tests/bench/check_disks_bench.ts);
#   4. `--check` over 1/8/24 emulated disks vs a `smartctl -j -a` loop in a live-lab guest
#      (tests/bench/guest_check_bench.ts; skipped with --no-guest).
# Run as root from the repository: sudo tools/bench_all.sh [--runs N] [--no-guest]
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1 RUST_BACKTRACE=0
runs=15
guest=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --no-guest) guest=0; shift ;;
    *) echo "usage: $0 [--runs N] [--no-guest]" >&2; exit 64 ;;
  esac
done
tree=$(deno run -A tests/bench/shipped_tree.ts)
bynar="$tree/usr/bin/bynar"
rt="$tree/usr/lib/bynar/deno"
scratch=$(mktemp -d /run/bynar/bench-XXXXXX)
pids=()
loop=
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "$loop" ]; then losetup -d "$loop" || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT
: >"$scratch/defaults"
warm="$scratch/warm"
mkdir -p "$warm"
env="env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin BYNAR_DEFAULTS=$scratch/defaults"
check="--check --db $scratch/bynar.db"
# fill the warm code cache
$env DENO_DIR="$warm" "$bynar" $check >/dev/null || true
echo "## start-up: packaged bynar vs deno eval 0 ($(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "package: $tree; runs: $runs interleaved rounds"
echo
echo "| command | median wall ms | min wall ms | wall ratio to deno eval 0 (median of rounds) | peak RSS MiB (median) | CPU ms (median, user+sys) | exit codes |"
echo "|---|---|---|---|---|---|---|"
deno run -A tests/bench/paired.ts --runs "$runs" --warmup 2 --rss \
  --cmd "deno eval 0 (warm)=$env DENO_DIR=$warm $rt eval 0" \
  --cmd "bynar --check (warm code cache)=$env DENO_DIR=$warm $bynar $check" \
  --cmd "bynar --check --no-db (warm)=$env DENO_DIR=$warm $bynar --check --no-db" \
  --cmd "bynar --version (warm)=$env DENO_DIR=$warm $bynar --version"
# a loop device of our own: no SMART to read, so no subprocess (a free one, detached on exit)
truncate -s 64M "$scratch/loop.img"
loop=$(losetup -f --show "$scratch/loop.img")
onloop="--check --include-loop --device $loop"
baseline=()
if [ -n "${BENCH_BASELINE_TREE:-}" ]; then
  $env DENO_DIR="$scratch/warm-base" "$BENCH_BASELINE_TREE/usr/bin/bynar" $onloop --db "$scratch/base.db" >/dev/null || true
  baseline=(--cmd "baseline bynar --check, loop device=$env DENO_DIR=$scratch/warm-base $BENCH_BASELINE_TREE/usr/bin/bynar $onloop --db $scratch/base.db")
fi
$env DENO_DIR="$warm" "$bynar" $onloop --db "$scratch/loop.db" >/dev/null || true
deno run -A tests/bench/paired.ts --runs "$runs" --warmup 2 --rss \
  --cmd "deno eval 0 (warm)=$env DENO_DIR=$warm $rt eval 0" \
  --cmd "bynar --check, loop device (warm)=$env DENO_DIR=$warm $bynar $onloop --db $scratch/loop.db" \
  "${baseline[@]}"
deno run -A tests/bench/paired.ts --runs "$runs" --warmup 1 --rss \
  --prepare "deno eval 0 (cold)=rm -rf $scratch/cold1" \
  --cmd "deno eval 0 (cold)=$env DENO_DIR=$scratch/cold1 $rt eval 0" \
  --prepare "bynar --check (empty code cache)=rm -rf $scratch/cold2" \
  --cmd "bynar --check (empty code cache)=$env DENO_DIR=$scratch/cold2 $bynar $check"
echo
echo "## idle RSS of the daemons"
echo
cfg="$scratch/cfg"
mkdir -p "$cfg"
echo "BYNAR_ALLOW_RUN=/usr/bin/true" >"$cfg/defaults"
cat >"$cfg/bynar.json" <<JSON
{"database_path": "$cfg/detect.db", "manager_port": 1, "ticket_backend": "command",
 "ticket_command": ["/usr/bin/true"], "interval_seconds": 300}
JSON
env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin BYNAR_DEFAULTS="$cfg/defaults" DENO_DIR="$warm" \
  BYNAR_TOKEN=bench "$bynar" detect --config-dir "$cfg" >"$cfg/detect.log" 2>&1 &
pids+=($!)
detect=$!
if [ -n "${BENCH_CEPH_DIR:-}" ]; then
  cp "$BENCH_CEPH_DIR/ceph.json" "$cfg/ceph.json"
  echo '{"insecure_http": true, "port": 45771, "metrics_port": 45772}' >"$cfg/disk-manager.json"
  env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin BYNAR_DEFAULTS="$cfg/defaults" DENO_DIR="$warm" \
    "$bynar" disk-manager --config-dir "$cfg" >"$cfg/dm.log" 2>&1 &
  pids+=($!)
  dm=$!
fi
sleep 20
rss() { awk '/^(VmRSS|RssAnon|RssFile):/ {printf "%s %.1f MiB; ", $1, $2/1024}' "/proc/$1/status"; }
echo "- detector (bynar detect, 20 s after start, between passes): $(rss $detect)"
if [ -n "${dm:-}" ]; then
  echo "- disk-manager (20 s after start, no requests): $(rss $dm)"
else
  echo "- disk-manager: not measured (needs a reachable Ceph cluster: BENCH_CEPH_DIR=<dir with ceph.json>)"
fi
echo
echo "## in-process check over 1/8/24 disks from recorded pages (deno bench)"
echo
deno bench --allow-all tests/bench/check_disks_bench.ts 2>&1 | grep -E '^\|' || true
if [ "$guest" = 1 ]; then
  echo
  echo "## live guest (QEMU/TCG): --check over 1/8/24 emulated disks vs a smartctl -j -a loop"
  echo
  deno run -A tests/bench/guest_check_bench.ts --runs 5 --profile
fi
