import assert from "node:assert/strict";
import { PageParseError, parsePartitionTable } from "./mod.ts";
import { crc32, writeGptHeader, writeMbr } from "../../tests/builders/sectors.ts";
import { wasmParser } from "../wasm/mod.ts";

function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof PageParseError, `expected PageParseError, got ${err}`);
    return err.reason;
  }
  throw new Error("expected a PageParseError");
}

Deno.test("an EBR pointing back to itself is an ebr_loop error, not a hang", () => {
  const img = new Uint8Array(4 * 1024 * 1024);
  writeMbr(img, 0, [{ type: 0x83, start: 2048, size: 100 }, {
    type: 0x05,
    start: 4096,
    size: 2048,
  }]);
  // EBR at 4096: logical at +1, next EBR at extended start + 0 = itself.
  writeMbr(img, 4096 * 512, [{ type: 0x83, start: 1, size: 10 }, {
    type: 0x05,
    start: 0,
    size: 10,
  }]);
  assert.equal(reason(() => parsePartitionTable(img)), "ebr_loop");
});

Deno.test("a two-EBR cycle is an ebr_loop error", () => {
  const img = new Uint8Array(4 * 1024 * 1024);
  writeMbr(img, 0, [{ type: 0x0f, start: 2048, size: 4096 }]);
  writeMbr(img, 2048 * 512, [{ type: 0x83, start: 1, size: 10 }, {
    type: 0x05,
    start: 100,
    size: 50,
  }]);
  writeMbr(img, 2148 * 512, [{ type: 0x83, start: 1, size: 10 }, {
    type: 0x05,
    start: 0,
    size: 50,
  }]);
  assert.equal(reason(() => parsePartitionTable(img)), "ebr_loop");
});

Deno.test("an EBR chain yields logical partitions numbered from 5", () => {
  const img = new Uint8Array(4 * 1024 * 1024);
  writeMbr(img, 0, [{ type: 0x05, start: 2048, size: 4096, boot: 0 }]);
  writeMbr(img, 2048 * 512, [{ type: 0x83, start: 2, size: 10 }, {
    type: 0x05,
    start: 100,
    size: 50,
  }]);
  writeMbr(img, 2148 * 512, [{ type: 0x82, start: 2, size: 20 }]);
  const t = parsePartitionTable(img);
  assert.deepEqual(
    t.partitions.map((p) => [p.number, p.start, p.size, p.type]),
    [[1, 2048, 4096, "5"], [5, 2050, 10, "83"], [6, 2150, 20, "82"]],
  );
});

Deno.test("a GPT claiming 2^32-1 entries in both headers is a typed error", () => {
  const sectors = 2048;
  const img = new Uint8Array(sectors * 512);
  writeMbr(img, 0, [{ type: 0xee, start: 1, size: sectors - 1 }]);
  const fields = {
    firstUsable: 34,
    lastUsable: sectors - 34,
    count: 0xffffffff,
    entrySize: 128,
    entriesCrc: 0,
  };
  writeGptHeader(img, 512, { ...fields, myLba: 1, altLba: sectors - 1, entriesLba: 2 });
  writeGptHeader(img, (sectors - 1) * 512, {
    ...fields,
    myLba: sectors - 1,
    altLba: 1,
    entriesLba: sectors - 33,
  });
  assert.equal(reason(() => parsePartitionTable(img)), "gpt_too_many_entries");
});

Deno.test("a primary GPT with too many entries falls back to a valid backup", () => {
  const sectors = 2048;
  const img = new Uint8Array(sectors * 512);
  writeMbr(img, 0, [{ type: 0xee, start: 1, size: sectors - 1 }]);
  const entries = new Uint8Array(128 * 128);
  entries.fill(0x22, 0, 16); // type GUID
  entries.fill(0x33, 16, 32); // unique GUID
  new DataView(entries.buffer).setBigUint64(32, 100n, true);
  new DataView(entries.buffer).setBigUint64(40, 199n, true);
  img.set(entries, (sectors - 33) * 512);
  const base = { firstUsable: 34, lastUsable: sectors - 34, entrySize: 128 };
  writeGptHeader(img, 512, {
    ...base,
    myLba: 1,
    altLba: sectors - 1,
    entriesLba: 2,
    count: 0xffffffff,
    entriesCrc: 0,
  });
  writeGptHeader(img, (sectors - 1) * 512, {
    ...base,
    myLba: sectors - 1,
    altLba: 1,
    entriesLba: sectors - 33,
    count: 128,
    entriesCrc: crc32(entries),
  });
  const t = parsePartitionTable(img);
  assert.equal(t.source, "backup");
  assert.deepEqual(t.partitions.map((p) => [p.number, p.start, p.size]), [[1, 100, 100]]);
  assert.equal(t.partitions[0]!.type, "22222222-2222-2222-2222-222222222222");
});

Deno.test("truncated and out-of-range inputs are typed errors", () => {
  assert.equal(reason(() => parsePartitionTable(new Uint8Array(100))), "input_short");
  const img = new Uint8Array(8192);
  writeMbr(img, 0, [{ type: 0xee, start: 1, size: 15 }]);
  writeGptHeader(img, 512, {
    myLba: 1,
    altLba: 15,
    firstUsable: 2,
    lastUsable: 14,
    entriesLba: 1_000_000,
    count: 4,
    entrySize: 128,
    entriesCrc: 0,
  });
  assert.equal(reason(() => parsePartitionTable(img)), "out_of_range");
  assert.throws(() => parsePartitionTable(img, { sectorSize: 1000 }), RangeError);
});

Deno.test("the WASM CRC32 equals the reference CRC32", () => {
  const parser = wasmParser();
  const data = new TextEncoder().encode("123456789");
  parser.views().u8.set(data, parser.exports.input(data.length));
  assert.equal(parser.exports.crc32Input(data.length) >>> 0, 0xcbf43926);
  assert.equal(crc32(data), 0xcbf43926);
});
