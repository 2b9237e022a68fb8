#!/usr/bin/env bash
# Runs Bynar's whole test suite on a fresh Debian 12 machine of this kind.
#
# As root it installs what the tests need (apt packages, the pinned Deno from npm, the npm
# dependencies, the debootstrapped root of the systemd tier), brings up the real single-host
# Ceph test cluster on loop devices it creates (or reuses a running one), runs `deno test`,
# tears down a cluster it brought up unless another run still uses it (even on failure), and
# prints one line `N passed, N failed`. Only these installs use the network.
#
# Usage: sudo tools/test.sh [extra deno test args, e.g. a path filter]
set -uo pipefail
cd "$(dirname "$0")/.."
export RUST_BACKTRACE=0 NO_COLOR=1 DENO_NO_UPDATE_CHECK=1

APT_PACKAGES=(
  libatasmart4 libatasmart-bin smartmontools libblkid1 util-linux fdisk gdisk
  e2fsprogs xfsprogs protobuf-compiler openssl curl wrk hyperfine jq
  ceph-mon ceph-mgr ceph-osd ceph-common librados2 udev systemd dpkg-dev
  # the systemd tier (nspawn-booted Debian 12 root) and the package checks
  systemd-container debootstrap lintian man-db procps prometheus
  # The live-device tier (tests/live/): QEMU/TCG, the Debian kernel, and what goes into the
  # guest image (built from these installed packages on first run, cached in
  # /var/cache/bynar-live; tests/live/image.ts HOST_PACKAGES).
  qemu-system-x86 qemu-utils linux-image-amd64 cpio kmod busybox-static sdparm mount
)

log() { echo "[test.sh] $*" >&2; }

if [ "$(id -u)" -eq 0 ]; then
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing apt packages: ${missing[*]}"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || {
      log "apt-get install failed"; echo "0 passed, 1 failed"; exit 1; }
  fi
else
  log "not root: skipping apt installs (tests needing root will fail)"
fi

DENO=tools/deno/node_modules/.bin/deno
if [ ! -x "$DENO" ]; then
  log "installing the pinned Deno from npm"
  npm ci --prefix tools/deno --no-audit --no-fund >&2 || npm install --prefix tools/deno --no-audit --no-fund >&2
fi
"$DENO" --version >&2
"$DENO" install --frozen >&2 || "$DENO" install >&2

# The static gate first (lint, fmt --check, deno check of every file, the layer/cycle check,
# the WASM module reproduced byte for byte, unit tests): `deno task ok`. A failure here is
# counted as one failed test, and the suite still runs so every other failure shows too.
OK_FAILED=0
if [ "${BYNAR_SKIP_OK:-0}" != "1" ]; then
  log "deno task ok (lint, fmt, check, layers, unit tests)"
  if ! "$DENO" task ok >&2; then OK_FAILED=1; log "deno task ok FAILED"; fi
fi

# Cached artefacts that need the network, built before any test runs (no test needs the
# network): the Debian 12 root the systemd tier boots (debootstrap, once per recipe).
if [ "$(id -u)" -eq 0 ] && [ "${BYNAR_SKIP_NSPAWN:-0}" != "1" ]; then
  log "nspawn root: $("$DENO" run -A tests/systemd/root.ts build 2>&1 | tail -1)"
fi

# The Ceph test cluster is shared by every run on this machine (and by developers running
# single tests). A run tears it down only when it brought it up itself AND no other
# tools/test.sh run is registered as using it; each run registers its pid under
# $RUNS_DIR (entries of dead runs are ignored), guarded by flock.
RUNS_DIR=/run/bynar-test-runs
CLUSTER_BROUGHT_UP=0
mkdir -p "$RUNS_DIR" 2>/dev/null || RUNS_DIR=$(mktemp -d)
touch "$RUNS_DIR/$$"
other_runs() {
  local n=0 f pid
  for f in "$RUNS_DIR"/*; do
    pid=${f##*/}
    [ "$pid" = "$$" ] && continue
    [[ "$pid" =~ ^[0-9]+$ ]] || continue
    if kill -0 "$pid" 2>/dev/null; then n=$((n + 1)); else rm -f "$f"; fi
  done
  echo "$n"
}
cleanup() {
  (
    flock 9
    rm -f "$RUNS_DIR/$$"
    if [ "$CLUSTER_BROUGHT_UP" -eq 1 ]; then
      if [ "$(other_runs)" -eq 0 ]; then
        log "tearing down the Ceph test cluster this run brought up"
        "$DENO" run -A tests/ceph/cluster.ts down >&2 || true
      else
        log "leaving the Ceph test cluster up: another test run uses it"
      fi
    fi
  ) 9>"$RUNS_DIR/.lock"
}
trap cleanup EXIT

if [ -f tests/ceph/cluster.ts ] && [ "$(id -u)" -eq 0 ] && [ "${BYNAR_SKIP_CEPH:-0}" != "1" ]; then
  if "$DENO" run -A tests/ceph/cluster.ts status 2>/dev/null | grep -q '"up": true'; then
    log "reusing the running Ceph test cluster (left up at exit)"
  else
    log "starting the Ceph test cluster"
    if "$DENO" run -A tests/ceph/cluster.ts up >&2; then CLUSTER_BROUGHT_UP=1; else log "Ceph cluster failed to start"; fi
  fi
fi

out=$(mktemp)
"$DENO" test --allow-all --permit-no-files "$@" 2>&1 | tee "$out" >&2
rc=${PIPESTATUS[0]}
summary=$(grep -E '^(ok|FAILED) \| [0-9]+ passed' "$out" | tail -1)
passed=$(sed -E 's/.*\| ([0-9]+) passed.*/\1/' <<<"$summary")
failed=$(sed -E 's/.*\| ([0-9]+) failed.*/\1/' <<<"$summary")
rm -f "$out"
if [ -z "$summary" ]; then
  passed=0; failed=1
  log "deno test printed no summary (exit $rc)"
fi
if [ "$rc" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi
if [ "$OK_FAILED" -eq 1 ]; then failed=$((failed + 1)); rc=1; fi
echo "${passed} passed, ${failed} failed"
[ "$rc" -eq 0 ]
