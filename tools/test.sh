#!/usr/bin/env bash
# Runs Bynar's whole test suite on a fresh Debian 12 machine of this kind.
#
# As root it installs what the tests need (apt packages, the pinned Deno from npm, the npm
# dependencies), brings up the real single-host Ceph test cluster on loop devices it
# creates, runs `deno test`, tears the cluster down (even on failure) and prints one line
# `N passed, N failed`.
#
# Usage: sudo tools/test.sh [extra deno test args, e.g. a path filter]
set -uo pipefail
cd "$(dirname "$0")/.."
export RUST_BACKTRACE=0 NO_COLOR=1 DENO_NO_UPDATE_CHECK=1

APT_PACKAGES=(
  libatasmart4 libatasmart-bin smartmontools libblkid1 util-linux fdisk gdisk
  e2fsprogs xfsprogs protobuf-compiler openssl curl wrk hyperfine jq
  ceph-mon ceph-mgr ceph-osd ceph-common librados2 udev systemd dpkg-dev
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

CLUSTER_UP=0
cleanup() {
  if [ "$CLUSTER_UP" -eq 1 ]; then
    log "tearing down the Ceph test cluster"
    "$DENO" run -A tests/ceph/cluster.ts down >&2 || true
  fi
}
trap cleanup EXIT

if [ -f tests/ceph/cluster.ts ] && [ "$(id -u)" -eq 0 ] && [ "${BYNAR_SKIP_CEPH:-0}" != "1" ]; then
  log "starting the Ceph test cluster"
  if "$DENO" run -A tests/ceph/cluster.ts up >&2; then CLUSTER_UP=1; else log "Ceph cluster failed to start"; fi
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
echo "${passed} passed, ${failed} failed"
[ "$rc" -eq 0 ]
