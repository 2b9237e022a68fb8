/**
 * Test-only builders of raw sectors (MBR/EBR entries, GPT headers with correct CRC32)
 * and a seeded PRNG, shared by the parser's unit and fuzz tests (internal).
 *
 * @module
 */

/**
 * A deterministic PRNG (mulberry32) so a failing fuzz case reproduces from its seed.
 *
 * @param seed The seed.
 * @returns A function returning uint32 values.
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const CRC_TABLE = new Uint32Array(256).map((_, i) => {
  let c = i;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/**
 * CRC32 (IEEE) of bytes.
 *
 * @param b The bytes.
 * @returns The CRC.
 */
export function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One MBR/EBR entry. */
export interface MbrEntry {
  /** Type byte. */
  type: number;
  /** Start LBA (relative as the table defines). */
  start: number;
  /** Size in sectors. */
  size: number;
  /** Boot indicator. */
  boot?: number;
}

/**
 * Writes an MBR/EBR (entries + 0x55AA) into `image` at byte `at`.
 *
 * @param image The image.
 * @param at Byte offset of the sector.
 * @param entries Up to four entries.
 */
export function writeMbr(image: Uint8Array, at: number, entries: MbrEntry[]): void {
  const v = new DataView(image.buffer, image.byteOffset);
  entries.forEach((e, i) => {
    const p = at + 446 + i * 16;
    image[p] = e.boot ?? 0;
    image[p + 4] = e.type;
    v.setUint32(p + 8, e.start, true);
    v.setUint32(p + 12, e.size, true);
  });
  image[at + 510] = 0x55;
  image[at + 511] = 0xaa;
}

/** Fields of a GPT header to write. */
export interface GptHeaderFields {
  /** This header's LBA. */
  myLba: number;
  /** The other header's LBA. */
  altLba: number;
  /** First usable LBA. */
  firstUsable: number;
  /** Last usable LBA. */
  lastUsable: number;
  /** LBA of the entry array. */
  entriesLba: number;
  /** Number of entries. */
  count: number;
  /** Entry size. */
  entrySize: number;
  /** CRC32 of the entry array. */
  entriesCrc: number;
}

/**
 * Writes a valid GPT header (with its CRC32) at byte `at`.
 *
 * @param image The image.
 * @param at Byte offset.
 * @param f The fields.
 */
export function writeGptHeader(image: Uint8Array, at: number, f: GptHeaderFields): void {
  const v = new DataView(image.buffer, image.byteOffset);
  image.set(new TextEncoder().encode("EFI PART"), at);
  v.setUint32(at + 8, 0x00010000, true);
  v.setUint32(at + 12, 92, true);
  v.setUint32(at + 16, 0, true);
  v.setBigUint64(at + 24, BigInt(f.myLba), true);
  v.setBigUint64(at + 32, BigInt(f.altLba), true);
  v.setBigUint64(at + 40, BigInt(f.firstUsable), true);
  v.setBigUint64(at + 48, BigInt(f.lastUsable), true);
  for (let i = 0; i < 16; i++) image[at + 56 + i] = 0x11 * (i + 1) & 0xff;
  v.setBigUint64(at + 72, BigInt(f.entriesLba), true);
  v.setUint32(at + 80, f.count >>> 0, true);
  v.setUint32(at + 84, f.entrySize, true);
  v.setUint32(at + 88, f.entriesCrc >>> 0, true);
  v.setUint32(at + 16, crc32(image.subarray(at, at + 92)), true);
}
