import assert from "node:assert/strict";
import { FfiError } from "../errors.ts";
import { runCommand } from "../process/run.ts";
import {
  describeNvmeStatus,
  encodeGetLogPage,
  isNvmeDevicePath,
  NVME_ADMIN_CMD_SIZE,
  NVME_IOCTL_ADMIN_CMD,
} from "./_nvme.ts";
import { nvmeGetLogPageNative } from "./_native.ts";
import { nvmeAdminGetLogPage } from "./mod.ts";

Deno.test("nvme: NVME_IOCTL_ADMIN_CMD is _IOWR('N', 0x41, 72 bytes)", () => {
  const IOC_WRITE = 1n, IOC_READ = 2n;
  const ioc = ((IOC_READ | IOC_WRITE) << 30n) | (BigInt(NVME_ADMIN_CMD_SIZE) << 16n) |
    (BigInt("N".charCodeAt(0)) << 8n) | 0x41n;
  assert.equal(ioc, NVME_IOCTL_ADMIN_CMD);
  assert.equal(NVME_IOCTL_ADMIN_CMD, 0xc0484e41n);
});

Deno.test("nvme: Get Log Page for the SMART log encodes every field at its offset", () => {
  const addr = 0x7f12_3456_789an;
  const cmd = encodeGetLogPage({ lid: 0x02, nsid: 0xffffffff, length: 512 }, addr);
  assert.equal(cmd.length, 72);
  const v = new DataView(cmd.buffer);
  assert.equal(v.getUint8(0), 0x02, "opcode Get Log Page");
  assert.equal(v.getUint8(1), 0, "flags");
  assert.equal(v.getUint16(2, true), 0, "rsvd1");
  assert.equal(v.getUint32(4, true), 0xffffffff, "nsid");
  assert.equal(v.getUint32(8, true), 0, "cdw2");
  assert.equal(v.getUint32(12, true), 0, "cdw3");
  assert.equal(v.getBigUint64(16, true), 0n, "metadata");
  assert.equal(v.getBigUint64(24, true), addr, "addr");
  assert.equal(v.getUint32(32, true), 0, "metadata_len");
  assert.equal(v.getUint32(36, true), 512, "data_len");
  assert.equal(v.getUint32(40, true), ((512 / 4 - 1) << 16) | 0x02, "cdw10");
  assert.equal(v.getUint32(40, true), 0x007f0002);
  for (const off of [44, 48, 52, 56, 60, 64, 68]) {
    assert.equal(v.getUint32(off, true), 0, `@${off}`);
  }
  // bytes: 02 00 00 00 ff ff ff ff … at 40: 02 00 7f 00
  assert.deepEqual([...cmd.subarray(0, 8)], [2, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]);
  assert.deepEqual([...cmd.subarray(40, 44)], [0x02, 0x00, 0x7f, 0x00]);
});

Deno.test("nvme: long logs split the dword count into NUMDL/NUMDU; bad requests are refused", () => {
  const big = encodeGetLogPage({ lid: 0xc0, nsid: 1, length: 1 << 20, timeoutMs: 5000 }, 1n);
  const v = new DataView(big.buffer);
  const numd = (1 << 20) / 4 - 1; // 0x3ffff
  assert.equal(v.getUint32(40, true), ((numd & 0xffff) << 16 | 0xc0) >>> 0);
  assert.equal(v.getUint32(44, true), numd >>> 16);
  assert.equal(v.getUint32(64, true), 5000);
  for (
    const bad of [
      { lid: 256, nsid: 1, length: 512 },
      { lid: 2, nsid: -1, length: 512 },
      { lid: 2, nsid: 1, length: 510 },
      { lid: 2, nsid: 1, length: 0 },
      { lid: 2, nsid: 1, length: 512, timeoutMs: -1 },
    ]
  ) {
    assert.throws(() => encodeGetLogPage(bad, 0n), RangeError, JSON.stringify(bad));
  }
});

Deno.test("nvme: device path patterns and status descriptions", () => {
  for (const p of ["/dev/nvme0", "/dev/nvme0n1", "/dev/nvme12n3p4"]) {
    assert.equal(isNvmeDevicePath(p), true, p);
  }
  for (const p of ["/dev/nvme-fabrics", "/dev/nvme0n", "/dev/sda", "/dev/ng0n1", "/dev/nvme0x"]) {
    assert.equal(isNvmeDevicePath(p), false, p);
  }
  assert.equal(
    describeNvmeStatus(0x4109),
    "0x4109 (SCT 1, SC 0x09: invalid log page, do not retry)",
  );
  assert.equal(describeNvmeStatus(0x0002), "0x0002 (SCT 0, SC 0x02: invalid field in command)");
});

Deno.test("nvme: nvmeAdminGetLogPage refuses non-NVMe paths and reports absent devices", async () => {
  for (const p of ["/dev/null", "/etc/passwd", "/dev/../etc/passwd", "nvme0", "/dev/zero"]) {
    await assert.rejects(() => nvmeAdminGetLogPage(p), Deno.errors.NotCapable, p);
  }
  if (![...Deno.readDirSync("/dev")].some((e) => e.name.startsWith("nvme"))) {
    await assert.rejects(() => nvmeAdminGetLogPage("/dev/nvme0n1"), Deno.errors.NotFound);
  }
});

Deno.test("nvme: the real ioctl on a loop device this test attaches fails with a typed error", async () => {
  const dir = await Deno.makeTempDir({ prefix: "bynar-nvme-ioctl-" });
  const file = `${dir}/disk.img`;
  await Deno.writeFile(file, new Uint8Array(0));
  await Deno.truncate(file, 1024 * 1024); // sparse
  const attach = await runCommand("losetup", ["--find", "--show", file], { timeoutMs: 30_000 });
  assert.equal(attach.code, 0, attach.stderr);
  const device = attach.stdout.trim();
  try {
    assert.match(device, /^\/dev\/loop\d+$/);
    // The public entry refuses before opening anything.
    await assert.rejects(() => nvmeAdminGetLogPage(device), Deno.errors.NotCapable);
    // The ioctl itself, let through: the kernel answers ENOTTY or EINVAL, learnt by the
    // synchronous replay of the fast failure.
    const req = { lid: 2, nsid: 0xffffffff, length: 512 };
    const err = await nvmeGetLogPageNative(device, req, { accept: () => true }).then(
      () => assert.fail("a loop device answered an NVMe admin command"),
      (e: unknown) => e,
    );
    assert.ok(err instanceof FfiError, String(err));
    assert.ok(err.errno === 25 || err.errno === 22, `errno ${err.errno}`);
    assert.equal(err.op, "ioctl NVME_IOCTL_ADMIN_CMD");
    assert.equal(err.device, device);
    assert.match(err.message, /failed with (ENOTTY|EINVAL) \(.+\); not an NVMe device/);
    // A failure slower than the replay window is not replayed: no errno, no blocking.
    let t = 0;
    const slow = await nvmeGetLogPageNative(device, req, {
      accept: () => true,
      clock: () => (t += 1000),
      replayWithinMs: 200,
    }).then(() => null, (e: unknown) => e);
    assert.ok(slow instanceof FfiError);
    assert.equal(slow.errno, undefined);
    assert.match(slow.message, /failed after 1000 ms \(errno not observable/);
    // The descriptor guard refuses a device the caller did not accept.
    await assert.rejects(
      () => nvmeGetLogPageNative(device, req, { accept: (r) => r.startsWith("/dev/nvme") }),
      Deno.errors.NotCapable,
    );
  } finally {
    await runCommand("losetup", ["--detach", device], { timeoutMs: 30_000 });
    await Deno.remove(dir, { recursive: true });
  }
});
