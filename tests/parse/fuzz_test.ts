/**
 * Fuzz: thousands of mutated and random SMART pages, NVMe pages and sector images. Every
 * input ends in a result or a typed PageParseError (never a trap, hang or out-of-bounds
 * read), and the WASM and TypeScript page parsers agree on every input. Seeded PRNG: a
 * failure message names the seed and iteration, which reproduce it.
 */
import assert from "node:assert/strict";
import { PageParseError, parsePartitionTable } from "../../src/partitions/mod.ts";
import {
  parseAtaIdentifyWasm,
  parseAtaSmartWasm,
  parseNvmeHealthWasm,
  parseSkdump,
} from "../../src/smart/mod.ts";
import {
  parseAtaIdentifyTs,
  parseAtaSmartTs,
  parseNvmeHealthTs,
} from "../smart/reference_parser.ts";
import { prng, writeGptHeader, writeMbr } from "../builders/sectors.ts";

const SEED = Number(Deno.env.get("BYNAR_FUZZ_SEED") ?? 0x5eed);
const BLOBS = new URL("../../../shared/fixtures/smart-blobs/", import.meta.url);

async function fixturePages(): Promise<Uint8Array[][]> {
  const out: Uint8Array[][] = [];
  for await (const e of Deno.readDir(BLOBS)) {
    const p = parseSkdump(await Deno.readFile(new URL(e.name, BLOBS)));
    out.push([p.identify!, p.data!, p.thresholds ?? new Uint8Array(512)]);
  }
  return out;
}

function mutate(page: Uint8Array, rnd: () => number): Uint8Array {
  const copy = new Uint8Array(page);
  const n = 1 + (rnd() % 16);
  for (let i = 0; i < n; i++) copy[rnd() % copy.length] = rnd() & 0xff;
  return copy;
}

function random(len: number, rnd: () => number): Uint8Array {
  const b = new Uint8Array(len);
  for (let i = 0; i < len; i++) b[i] = rnd() & 0xff;
  return b;
}

function typedOrResult(fn: () => unknown, where: string): unknown {
  try {
    return fn();
  } catch (err) {
    assert.ok(err instanceof PageParseError, `${where}: untyped failure ${err}`);
    return err.reason;
  }
}

Deno.test(`fuzz: 3000 mutated and random ATA pages, WASM equals TS (seed ${SEED})`, async () => {
  const fixtures = await fixturePages();
  const rnd = prng(SEED);
  for (let i = 0; i < 3000; i++) {
    const where = `seed ${SEED} iteration ${i}`;
    const base = fixtures[rnd() % fixtures.length]!;
    const pick = rnd() % 4;
    const [idf, data, thr] = pick === 0
      ? [random(512, rnd), random(512, rnd), random(512, rnd)]
      : [mutate(base[0]!, rnd), mutate(base[1]!, rnd), mutate(base[2]!, rnd)];
    const useThr = rnd() % 3 !== 0 ? thr : null;
    assert.deepEqual(
      typedOrResult(() => parseAtaIdentifyWasm(idf), where),
      typedOrResult(() => parseAtaIdentifyTs(idf), where),
      where,
    );
    assert.deepEqual(
      typedOrResult(() => parseAtaSmartWasm(data, useThr), where),
      typedOrResult(() => parseAtaSmartTs(data, useThr), where),
      where,
    );
    // Short pages are typed errors in both parsers.
    const short = data.subarray(0, rnd() % 512);
    assert.equal(typedOrResult(() => parseAtaSmartWasm(short, null), where), "input_short");
    assert.equal(typedOrResult(() => parseAtaIdentifyWasm(short), where), "input_short");
  }
});

Deno.test(`fuzz: 2000 random NVMe health pages, WASM equals TS (seed ${SEED})`, () => {
  const rnd = prng(SEED + 1);
  for (let i = 0; i < 2000; i++) {
    const page = random(512, rnd);
    assert.deepEqual(parseNvmeHealthWasm(page), parseNvmeHealthTs(page), `iteration ${i}`);
  }
  assert.equal(
    typedOrResult(() => parseNvmeHealthWasm(new Uint8Array(100)), "short"),
    "input_short",
  );
});

/** Small valid images to mutate: a GPT with entries and a DOS table with an EBR chain. */
function seedImages(): Uint8Array[] {
  const sectors = 4096;
  const gpt = new Uint8Array(sectors * 512);
  writeMbr(gpt, 0, [{ type: 0xee, start: 1, size: sectors - 1 }]);
  const entries = new Uint8Array(128 * 128);
  const v = new DataView(entries.buffer);
  for (let i = 0; i < 5; i++) {
    entries.fill(0x40 + i, i * 128, i * 128 + 32);
    v.setBigUint64(i * 128 + 32, BigInt(100 + i * 200), true);
    v.setBigUint64(i * 128 + 40, BigInt(199 + i * 200), true);
    entries.set([0x61 + i, 0, 0x62, 0], i * 128 + 56);
  }
  gpt.set(entries, 2 * 512);
  gpt.set(entries, (sectors - 33) * 512);
  const crcOf = (b: Uint8Array): number => {
    let c = 0xffffffff;
    for (const x of b) {
      c ^= x;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return (c ^ 0xffffffff) >>> 0;
  };
  const base = {
    firstUsable: 34,
    lastUsable: sectors - 34,
    count: 128,
    entrySize: 128,
    entriesCrc: crcOf(entries),
  };
  writeGptHeader(gpt, 512, { ...base, myLba: 1, altLba: sectors - 1, entriesLba: 2 });
  writeGptHeader(gpt, (sectors - 1) * 512, {
    ...base,
    myLba: sectors - 1,
    altLba: 1,
    entriesLba: sectors - 33,
  });
  const dos = new Uint8Array(sectors * 512);
  writeMbr(dos, 0, [{ type: 0x83, start: 64, size: 100, boot: 0x80 }, {
    type: 0x05,
    start: 1000,
    size: 2000,
  }]);
  for (let k = 0; k < 6; k++) {
    const at = 1000 + k * 100;
    writeMbr(dos, at * 512, [
      { type: 0x83, start: 1, size: 50 },
      ...(k < 5 ? [{ type: 0x05, start: (k + 1) * 100, size: 60 }] : []),
    ]);
  }
  return [gpt, dos];
}

Deno.test(`fuzz: 3000 mutated and random sector images end in a result or a typed error (seed ${SEED})`, () => {
  const rnd = prng(SEED + 2);
  const images = seedImages();
  // The seeds themselves parse.
  assert.equal(parsePartitionTable(images[0]!).partitions.length, 5);
  assert.equal(parsePartitionTable(images[1]!).partitions.length, 8);
  const hot = [0, 1, 2, 3, 4095, 4094, 4063, 1000, 1100, 1200, 1300, 1400, 1500];
  const seen = new Map<string, number>();
  for (let i = 0; i < 3000; i++) {
    const where = `seed ${SEED + 2} iteration ${i}`;
    const img = images[rnd() % images.length]!;
    // Mutate bytes in the sectors the parser reads, then restore them.
    const saved: [number, number][] = [];
    const n = 1 + (rnd() % 12);
    for (let k = 0; k < n; k++) {
      const sector = rnd() % 4 === 0 ? rnd() % 4096 : hot[rnd() % hot.length]!;
      const pos = sector * 512 + (rnd() % 4 === 0 ? 440 + (rnd() % 72) : rnd() % 512);
      saved.push([pos, img[pos]!]);
      img[pos] = rnd() & 0xff;
    }
    const sectorSize = [0, 512, 4096][rnd() % 3]!;
    const r = typedOrResult(() => parsePartitionTable(img, { sectorSize }), where);
    const key = typeof r === "string" ? r : "ok";
    seen.set(key, (seen.get(key) ?? 0) + 1);
    if (typeof r !== "string") {
      const t = r as ReturnType<typeof parsePartitionTable>;
      for (const p of t.partitions) {
        assert.ok(Number.isSafeInteger(p.start) && Number.isSafeInteger(p.size), where);
      }
    }
    for (const [pos, b] of saved.reverse()) img[pos] = b;
  }
  // Random whole images of random sizes.
  for (let i = 0; i < 500; i++) {
    const img = random(512 * (1 + (rnd() % 64)), rnd);
    if (rnd() % 2) {
      writeMbr(img, 0, [{ type: [0xee, 0x05, 0x83][rnd() % 3]!, start: rnd() % 64, size: rnd() }]);
    }
    const r = typedOrResult(() => parsePartitionTable(img), `random image ${i}`);
    seen.set(
      typeof r === "string" ? r : "ok",
      (seen.get(typeof r === "string" ? r : "ok") ?? 0) + 1,
    );
  }
  // The mutations exercise both successful parses and several error paths.
  assert.ok((seen.get("ok") ?? 0) > 100, JSON.stringify([...seen]));
  assert.ok(seen.size >= 5, JSON.stringify([...seen]));
  console.log("outcomes:", JSON.stringify(Object.fromEntries(seen)));
});
