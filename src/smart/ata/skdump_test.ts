import assert from "node:assert/strict";
import { encodeSkdump, parseSkdump } from "./skdump.ts";
import { ParseError } from "../../errors.ts";

const BLOBS = new URL("../../../../shared/fixtures/smart-blobs/", import.meta.url);

Deno.test("parseSkdump reads every real dump and re-encodes it byte for byte", async () => {
  let withoutStatus = 0;
  let count = 0;
  for await (const e of Deno.readDir(BLOBS)) {
    const bytes = await Deno.readFile(new URL(e.name, BLOBS));
    const pages = parseSkdump(bytes, { name: e.name });
    assert.equal(pages.identify?.length, 512, e.name);
    assert.equal(pages.data?.length, 512, e.name);
    if (pages.status === null) withoutStatus++;
    assert.deepEqual(encodeSkdump(pages), bytes, e.name);
    count++;
  }
  assert.equal(count, 14);
  // Observed: all 14 fixture dumps carry SMST (the no-SMST case is built in the FFI tests).
  assert.equal(withoutStatus, 0);
});

Deno.test("parseSkdump rejects truncated and mis-sized sections", () => {
  const good = encodeSkdump({
    identify: new Uint8Array(512),
    status: new Uint8Array(4),
    data: new Uint8Array(512),
    thresholds: null,
  });
  assert.throws(() => parseSkdump(good.subarray(0, good.length - 1)), ParseError);
  assert.throws(() => parseSkdump(good.subarray(0, 5)), /truncated section header/);
  const bad = good.slice();
  new DataView(bad.buffer).setUint32(4, 500, false);
  assert.throws(() => parseSkdump(bad), /IDFY has 500 bytes, expected 512/);
  assert.throws(() => parseSkdump(new Uint8Array(0)), /neither an IDFY nor an SMDT/);
});

Deno.test("parseSkdump skips unknown sections", () => {
  const known = encodeSkdump({
    identify: new Uint8Array(512).fill(7),
    status: null,
    data: new Uint8Array(512),
    thresholds: null,
  });
  const extra = new Uint8Array([0x58, 0x58, 0x58, 0x58, 0, 0, 0, 2, 1, 2]);
  const pages = parseSkdump(new Uint8Array([...extra, ...known]));
  assert.equal(pages.identify?.[0], 7);
  assert.equal(pages.status, null);
});
