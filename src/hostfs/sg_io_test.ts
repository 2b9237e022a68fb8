import assert from "node:assert/strict";
import {
  decodeSgIoHdr,
  encodeSgIoHdr,
  isSgIoDevicePath,
  refuseCdb,
  SG_IO_HDR_SIZE,
} from "./_sg_io.ts";
import { scsiReadCommand } from "./mod.ts";

Deno.test("struct sg_io_hdr is encoded at the x86_64 offsets of scsi/sg.h", () => {
  const hdr = encodeSgIoHdr(16, 512, {
    addresses: { cdb: 0x1111n, data: 0x2222n, sense: 0x3333n },
    timeoutMs: 10_000,
  });
  assert.equal(hdr.length, SG_IO_HDR_SIZE);
  const v = new DataView(hdr.buffer);
  assert.equal(v.getInt32(0, true), 0x53, "interface_id 'S'");
  assert.equal(v.getInt32(4, true), -3, "SG_DXFER_FROM_DEV");
  assert.equal(v.getUint8(8), 16, "cmd_len");
  assert.equal(v.getUint8(9), 64, "mx_sb_len");
  assert.equal(v.getUint32(12, true), 512, "dxfer_len");
  assert.equal(v.getBigUint64(16, true), 0x2222n, "dxferp");
  assert.equal(v.getBigUint64(24, true), 0x1111n, "cmdp");
  assert.equal(v.getBigUint64(32, true), 0x3333n, "sbp");
  assert.equal(v.getUint32(40, true), 10_000, "timeout");
  const none = encodeSgIoHdr(16, 0, {
    addresses: { cdb: 1n, data: 2n, sense: 3n },
    timeoutMs: 1,
  });
  const n = new DataView(none.buffer);
  assert.equal(n.getInt32(4, true), -1, "SG_DXFER_NONE");
  assert.equal(n.getBigUint64(16, true), 0n, "no data pointer");
  assert.throws(
    () => encodeSgIoHdr(7, 0, { addresses: { cdb: 1n, data: 0n, sense: 1n }, timeoutMs: 1 }),
    RangeError,
  );
  // What the kernel writes back.
  v.setUint8(64, 2);
  v.setUint8(67, 22);
  v.setUint16(70, 0x08, true);
  v.setInt32(72, 12, true);
  assert.deepEqual(decodeSgIoHdr(hdr), {
    status: 2,
    senseLength: 22,
    hostStatus: 0,
    driverStatus: 8,
    resid: 12,
    durationMs: 0,
  });
});

Deno.test("only read-only commands and whole SCSI nodes are allowed", () => {
  const pt = (b1: number, feature: number, command: number) => {
    const c = new Uint8Array(16);
    c[0] = 0x85;
    c[1] = b1;
    c[4] = feature;
    c[14] = command;
    return c;
  };
  assert.equal(refuseCdb(pt(0x08, 0, 0xec)), null);
  assert.equal(refuseCdb(pt(0x08, 0xd0, 0xb0)), null);
  assert.equal(refuseCdb(pt(0x06, 0xda, 0xb0)), null);
  assert.match(refuseCdb(pt(0x08, 0xd4, 0xb0)) ?? "", /not IDENTIFY DEVICE or SMART/); // self-test
  assert.match(refuseCdb(pt(0x0a, 0, 0x30)) ?? "", /ATA protocol 5/); // PIO data-out WRITE
  assert.match(refuseCdb(new Uint8Array([0x2a, 0, 0, 0, 0, 0, 0, 0, 1, 0])) ?? "", /0x2a/);
  assert.equal(refuseCdb(new Uint8Array([0x4d, 0, 0x6f, 0, 0, 0, 0, 0, 0xff, 0])), null);
  assert.ok(isSgIoDevicePath("/dev/sda"));
  assert.ok(isSgIoDevicePath("/dev/sg3"));
  assert.ok(!isSgIoDevicePath("/dev/sda1"));
  assert.ok(!isSgIoDevicePath("/dev/vda"));
  assert.ok(!isSgIoDevicePath("/dev/nvme0n1"));
});

Deno.test("scsiReadCommand refuses a write and a non-SCSI node before opening anything", async () => {
  const write = new Uint8Array([0x2a, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
  await assert.rejects(
    scsiReadCommand("/dev/null", new Uint8Array(16).fill(0x85, 0, 1), { dataLength: 512 }),
    Deno.errors.NotCapable,
  );
  await assert.rejects(
    scsiReadCommand("/etc/passwd", write, { dataLength: 0 }),
    Deno.errors.NotCapable,
  );
});
