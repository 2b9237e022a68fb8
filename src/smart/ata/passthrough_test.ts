import assert from "node:assert/strict";
import { ataPassThroughCdb, smartReturnStatus } from "./passthrough.ts";

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, "0")).join(" ");

Deno.test("ATA PASS-THROUGH (16) CDBs are the bytes smartctl -d sat sends", () => {
  // SAT-3 §12.2.2: 85h; PROTOCOL 4 (PIO Data-In) << 1 = 08h; T_DIR|BYTE_BLOCK|T_LENGTH=2 =
  // 0Eh; COUNT 1; SMART: FEATURES D0h/D1h/DAh, LBA mid/high 4Fh/C2h, COMMAND B0h.
  assert.equal(
    hex(ataPassThroughCdb("identify")),
    "85 08 0e 00 00 00 01 00 00 00 00 00 00 00 ec 00",
  );
  assert.equal(
    hex(ataPassThroughCdb("smart-read-data")),
    "85 08 0e 00 d0 00 01 00 00 00 4f 00 c2 00 b0 00",
  );
  assert.equal(
    hex(ataPassThroughCdb("smart-read-thresholds")),
    "85 08 0e 00 d1 00 01 00 01 00 4f 00 c2 00 b0 00",
  );
  // Non-data (PROTOCOL 3 << 1 = 06h) with CK_COND (20h): the registers come back as sense.
  assert.equal(
    hex(ataPassThroughCdb("smart-return-status")),
    "85 06 2c 00 da 00 00 00 00 00 4f 00 c2 00 b0 00",
  );
});

Deno.test("SMART RETURN STATUS: 4Fh/C2h good, F4h/2Ch threshold exceeded, else unknown", () => {
  assert.equal(smartReturnStatus(0x4f, 0xc2), "good");
  assert.equal(smartReturnStatus(0xf4, 0x2c), "threshold-exceeded");
  assert.equal(smartReturnStatus(0, 0), null);
});
