/**
 * The host-side signals with real faults, in a QEMU guest of the live lab running the
 * packaged Bynar (`bynar signals`, the shipped launcher and flags):
 *
 * - a slow disk: QMP `block_set_io_throttle` caps one virtio disk at a few IOPS while the
 *   guest reads all of them with O_DIRECT → `io_latency_outlier` fires for that disk only
 *   (and nothing fires before the throttle: no false alarm);
 * - I/O errors: a blkdebug disk armed to answer EIO, read once in the guest → the kernel logs
 *   `I/O error, dev vdX` → `kernel_io_errors` fires for that disk only.
 *
 * The detection delay (fault applied → `bynar signals` reported it) is printed.
 * Needs root and QEMU (tools/test.sh installs it); boots its own instance `signals-lab`.
 * `BYNAR_SKIP_LIVE=1` marks it ignored. About 2–3 minutes under TCG.
 *
 * @module
 */
import { deepStrictEqual as assertEquals, ok as assert } from "node:assert/strict";
import { boot, type DiskSpec, type Guest } from "../live/lab.ts";

const DISKS: DiskSpec[] = [
  { kind: "virtio", id: "fast1", serial: "SIG-FAST-1", sizeMiB: 64 },
  { kind: "virtio", id: "fast2", serial: "SIG-FAST-2", sizeMiB: 64 },
  { kind: "virtio", id: "slow", serial: "SIG-SLOW", sizeMiB: 64 },
  { kind: "virtio", id: "err", serial: "SIG-ERR", sizeMiB: 64, blkdebug: true },
];

interface Reading {
  signal: string;
  diskKey: string;
  status: string;
  strength: string;
  value: number | null;
  reason: string;
}

interface Pass {
  readings: Reading[];
  decisions: { diskKey: string; level: string; fired: string[] }[];
  disks: { diskKey: string; path: string }[];
}

/** Reads every data disk with O_DIRECT in the background while `bynar signals` runs. */
const LOAD = `
for s in SIG-FAST-1 SIG-FAST-2 SIG-SLOW; do
  for d in /sys/block/vd*; do
    if [ "$(cat $d/serial 2>/dev/null)" = "$s" ]; then dev=/dev/$(basename $d); fi
  done
  ( i=0; while [ $i -lt 100000 ]; do
      dd if=$dev of=/dev/null bs=4k count=64 skip=$(( (i * 64) % 16000 )) iflag=direct 2>/dev/null
      i=$((i+1))
    done ) &
done
`;

async function signals(guest: Guest, args: string): Promise<Pass> {
  const r = await guest.exec(
    `${LOAD}
     /usr/bin/bynar signals --format json ${args} > /tmp/out.json
     rc=$?; kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; cat /tmp/out.json; exit $rc`,
    { timeoutMs: 180_000 },
  );
  assertEquals(r.code, 0, r.stderr + r.stdout);
  return JSON.parse(r.stdout) as Pass;
}

function fired(pass: Pass, signal: string): string[] {
  return pass.readings.filter((r) => r.signal === signal && r.status === "fired")
    .map((r) => r.diskKey).sort();
}

function show(pass: Pass, signal: string): string {
  return pass.readings.filter((r) => r.signal === signal)
    .map((r) => `${r.diskKey}: ${r.status} ${r.reason}`).join("\n");
}

Deno.test({
  name:
    "live signals: a throttled disk is the latency outlier; a blkdebug disk's EIO fires kernel_io_errors",
  ignore: Deno.env.get("BYNAR_SKIP_LIVE") === "1",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const guest = await boot("signals-lab", { disks: DISKS });
    try {
      // Baseline: every disk under the same load, nothing throttled: no alarm.
      const base = await signals(guest, "--interval 10");
      assertEquals(base.disks.length, 4, JSON.stringify(base.disks));
      assertEquals(fired(base, "io_latency_outlier"), [], show(base, "io_latency_outlier"));
      assertEquals(fired(base, "kernel_io_errors"), [], show(base, "kernel_io_errors"));
      assertEquals(base.decisions.filter((d) => d.level !== "none"), []);
      console.log(`baseline latency:\n${show(base, "io_latency_outlier")}`);

      // Slow disk: 10 IOPS on one drive.
      const t0 = performance.now();
      await guest.qmp("block_set_io_throttle", {
        // The BlockBackend hangs off the virtio-blk-pci proxy's virtio-blk child.
        id: "/machine/peripheral/slow/virtio-backend",
        bps: 0,
        bps_rd: 0,
        bps_wr: 0,
        iops: 10,
        iops_rd: 0,
        iops_wr: 0,
      });
      const slow = await signals(guest, "--interval 10");
      const delay = (performance.now() - t0) / 1000;
      console.log(`slow disk:\n${show(slow, "io_latency_outlier")}`);
      console.log(`slow disk detection delay: ${delay.toFixed(1)} s (throttle -> report)`);
      assertEquals(fired(slow, "io_latency_outlier"), ["serial:SIG-SLOW"]);
      const slowDecision = slow.decisions.find((d) => d.diskKey === "serial:SIG-SLOW")!;
      assert(slowDecision.level !== "none");
      assertEquals(
        slow.decisions.filter((d) => d.level !== "none").map((d) => d.diskKey),
        ["serial:SIG-SLOW"],
      );
      await guest.qmp("block_set_io_throttle", {
        // The BlockBackend hangs off the virtio-blk-pci proxy's virtio-blk child.
        id: "/machine/peripheral/slow/virtio-backend",
        bps: 0,
        bps_rd: 0,
        bps_wr: 0,
        iops: 0,
        iops_rd: 0,
        iops_wr: 0,
      });

      // I/O errors: arm blkdebug, read the disk once in the guest.
      const t1 = performance.now();
      await guest.armIoErrors("err");
      const rd = await guest.exec(
        `for d in /sys/block/vd*; do [ "$(cat $d/serial)" = SIG-ERR ] && dev=/dev/$(basename $d); done
         dd if=$dev of=/dev/null bs=4k count=1 iflag=direct`,
      );
      assert(rd.code !== 0, `the armed disk read without error: ${rd.stderr}`);
      const err = await signals(guest, "--interval 2");
      const delayErr = (performance.now() - t1) / 1000;
      console.log(`I/O errors:\n${show(err, "kernel_io_errors")}`);
      console.log(`I/O error detection delay: ${delayErr.toFixed(1)} s (armed -> report)`);
      assertEquals(fired(err, "kernel_io_errors"), ["serial:SIG-ERR"]);
      assertEquals(
        err.decisions.filter((d) => d.level !== "none").map((d) => d.diskKey),
        ["serial:SIG-ERR"],
      );
    } finally {
      await guest.shutdown();
    }
  },
});
