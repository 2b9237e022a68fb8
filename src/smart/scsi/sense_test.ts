import assert from "node:assert/strict";
import { describeSense, parseSense } from "./sense.ts";

Deno.test("fixed-format sense carries the ATA registers of ATA PASS-THROUGH (SAT-3 12.2.2.6)", () => {
  // SAT-3 fixed format (as libata builds it for errors with D_SENSE=0): 70h, key 1, ERROR/STATUS/DEVICE/COUNT in
  // bytes 3-6, additional length 0Ah, LBA low/mid/high in bytes 9-11, ASC/ASCQ 00h/1Dh.
  const s = parseSense(
    new Uint8Array([
      0x70,
      0,
      0x01,
      0x00,
      0x50,
      0xa0,
      0x00,
      0x0a,
      0x00,
      0x00,
      0xf4,
      0x2c,
      0x00,
      0x1d,
      0,
      0,
      0,
      0,
    ]),
  );
  assert.deepEqual(s, {
    format: "fixed",
    deferred: false,
    key: 1,
    asc: 0,
    ascq: 0x1d,
    ata: {
      error: 0,
      status: 0x50,
      device: 0xa0,
      count: 0,
      extend: false,
      lbaLow: 0,
      lbaMid: 0xf4,
      lbaHigh: 0x2c,
    },
  });
});

Deno.test("RETURN STATUS sense as Linux 6.1 libata returns it (captured in the live guest)", () => {
  // smartctl -d sat -r ioctl,2 -H on an AHCI disk, D_SENSE 0 or 1 alike: "Sense buffer, len=22".
  const s = parseSense(
    new Uint8Array([
      0x72,
      0x01,
      0x00,
      0x1d,
      0x00,
      0x00,
      0x00,
      0x0e,
      0x09,
      0x0c,
      0x00,
      0x00,
      0x00,
      0x00,
      0x00,
      0x00,
      0x00,
      0x4f,
      0x00,
      0xc2,
      0x00,
      0x50,
    ]),
  );
  assert.equal(s?.format, "descriptor");
  assert.deepEqual([s?.key, s?.asc, s?.ascq], [1, 0, 0x1d]);
  assert.deepEqual([s?.ata?.lbaMid, s?.ata?.lbaHigh, s?.ata?.status], [0x4f, 0xc2, 0x50]);
});

Deno.test("descriptor-format sense: the ATA Status Return descriptor 09h", () => {
  const s = parseSense(
    new Uint8Array([
      0x72,
      0x01,
      0x00,
      0x1d,
      0,
      0,
      0,
      14, // header, additional length 14
      0x09,
      0x0c,
      0x00,
      0x04,
      0x00,
      0x01,
      0x00,
      0x02,
      0x00,
      0x4f,
      0x00,
      0xc2,
      0xa0,
      0x51,
    ]),
  );
  assert.equal(s?.format, "descriptor");
  assert.equal(s?.key, 1);
  assert.deepEqual(s?.ata, {
    extend: false,
    error: 0x04,
    count: 0x01,
    lbaLow: 0x02,
    lbaMid: 0x4f,
    lbaHigh: 0xc2,
    device: 0xa0,
    status: 0x51,
  });
});

Deno.test("sense without ATA registers; garbage is null", () => {
  const illegal = parseSense(
    new Uint8Array([0x70, 0, 0x05, 0, 0, 0, 0, 0x0a, 0, 0, 0, 0, 0x20, 0x00, 0, 0, 0, 0]),
  );
  assert.equal(illegal?.ata, null);
  assert.equal(describeSense(illegal!), "ILLEGAL REQUEST, ASC/ASCQ 20h/00h (fixed sense)");
  assert.equal(parseSense(new Uint8Array(0)), null);
  assert.equal(parseSense(new Uint8Array([0x00, 1, 2, 3, 4, 5, 6, 7])), null);
  // An informational-exceptions sense (scsi_debug failure prediction): 5Dh/00h.
  const ie = parseSense(new Uint8Array([0x72, 0x01, 0x5d, 0x00, 0, 0, 0, 0]));
  assert.equal(ie?.asc, 0x5d);
  assert.equal(ie?.ata, null);
});
