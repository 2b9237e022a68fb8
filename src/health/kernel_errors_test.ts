/**
 * The kernel error records: a sysfs fixture tree for the parsing, and a REAL ext4 on a
 * loop device whose error count the kernel raises (`trigger_fs_error`, which goes through
 * ext4's own error path: superblock error record, errors_count, first_error_time/func).
 */
import { ok, strictEqual } from "node:assert/strict";
import { createLoop, destroyLoop, mountLoop } from "../../tests/helpers/loop.ts";
import { fsErrorReason, ioErrorReason, readExt4Errors, readScsiIoErrors } from "./kernel_errors.ts";

Deno.test("ext4 error record and SCSI ioerr_cnt parsed from a sysfs tree", async () => {
  const sys = await Deno.makeTempDir({ prefix: "bynar-sysfs-" });
  try {
    await Deno.mkdir(`${sys}/fs/ext4/sdb1`, { recursive: true });
    const w = (p: string, t: string) => Deno.writeTextFileSync(`${sys}/${p}`, t);
    w("fs/ext4/sdb1/errors_count", "3\n");
    w("fs/ext4/sdb1/first_error_time", "1796676048\n");
    w("fs/ext4/sdb1/first_error_func", "ext4_find_entry\n");
    w("fs/ext4/sdb1/last_error_time", "1796676148\n");
    w("fs/ext4/sdb1/last_error_func", "ext4_readdir\n");
    await Deno.mkdir(`${sys}/block/sdb/device`, { recursive: true });
    w("block/sdb/device/ioerr_cnt", "0x1a\n");
    const r = readExt4Errors("sdb1", { sys })!;
    strictEqual(r.errorsCount, 3);
    strictEqual(r.firstErrorTime!.toISOString(), "2026-12-07T20:40:48.000Z");
    strictEqual(r.firstErrorFunc, "ext4_find_entry");
    const reason = fsErrorReason(r, { mountpoint: "/srv/a" })!;
    ok(reason.includes("ext4 on /dev/sdb1 mounted at /srv/a has recorded 3 errors"), reason);
    ok(reason.includes("first at 2026-12-07T20:40:48.000Z in ext4_find_entry"), reason);
    ok(reason.includes("last at 2026-12-07T20:42:28.000Z in ext4_readdir"), reason);
    strictEqual(readExt4Errors("sdc1", { sys }), null);
    strictEqual(readScsiIoErrors("sdb", { sys }), 26);
    strictEqual(readScsiIoErrors("nvme0n1", { sys }), null);
  } finally {
    await Deno.remove(sys, { recursive: true });
  }
});

Deno.test("I/O error delta: rises are reported, re-attach resets, no baseline is silent", () => {
  strictEqual(ioErrorReason("sdb", { now: 5, before: null }), null);
  strictEqual(ioErrorReason("sdb", { now: 5, before: 5 }), null);
  // A few failed commands between checks are what SMART tools cause on a healthy disk.
  strictEqual(ioErrorReason("sdb", { now: 9, before: 5 }), null);
  ok(ioErrorReason("sdb", { now: 17, before: 5 })!.includes("failed 12 I/O commands"));
  ok(ioErrorReason("sdb", { now: 7, before: 5, minDelta: 1 })!.includes("failed 2 I/O commands"));
  ok(ioErrorReason("sdb", { now: 1, before: 5, minDelta: 1 })!.includes("failed 1 I/O command "));
  ok(ioErrorReason("sdb", { now: 11, before: 5000 })!.includes("failed 11 I/O commands"));
});

Deno.test(
  "a real ext4 on a loop device: the kernel's error count is read through /sys",
  { sanitizeResources: false, sanitizeOps: false },
  async () => {
    const dir = await Deno.makeTempDir({ prefix: "bynar-ke-" });
    const loop = await createLoop(dir, { fs: "ext4" });
    try {
      const mp = await mountLoop(loop, dir);
      const name = loop.device.slice("/dev/".length);
      strictEqual(readExt4Errors(name)!.errorsCount, 0);
      strictEqual(fsErrorReason(readExt4Errors(name)!), null);
      Deno.writeTextFileSync(`/sys/fs/ext4/${name}/trigger_fs_error`, "bynar test\n");
      // ext4 updates the superblock's error record from a work item: wait for it.
      let r = readExt4Errors(name)!;
      for (let i = 0; i < 100 && r.errorsCount === 0; i++) {
        await new Promise((ok) => setTimeout(ok, 50));
        r = readExt4Errors(name)!;
      }
      strictEqual(r.errorsCount, 1);
      ok(r.firstErrorTime !== null && Date.now() - r.firstErrorTime.getTime() < 120_000);
      strictEqual(r.firstErrorFunc, "trigger_test_error");
      ok(fsErrorReason(r, { mountpoint: mp })!.includes("has recorded 1 error "));
    } finally {
      await destroyLoop(loop);
      await Deno.remove(dir, { recursive: true });
    }
  },
);
