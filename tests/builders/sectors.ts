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

/** 128-bit counters of the NVMe health log: smartctl JSON name → byte offset. */
const NVME_COUNTERS: [string, number][] = [
  ["data_units_read", 32],
  ["data_units_written", 48],
  ["host_reads", 64],
  ["host_writes", 80],
  ["controller_busy_time", 96],
  ["power_cycles", 112],
  ["power_on_hours", 128],
  ["unsafe_shutdowns", 144],
  ["media_errors", 160],
  ["num_err_log_entries", 176],
];

function putLe(page: Uint8Array, at: number, bytes: number, value: bigint): void {
  for (let i = 0; i < bytes; i++) page[at + i] = Number((value >> BigInt(8 * i)) & 0xffn);
}

/**
 * Builds the 512-byte NVMe SMART / Health Information log page (02h) a drive would have
 * returned for a `smartctl --json -a` output, from its
 * `nvme_smart_health_information_log` object. Numbers are read from the JSON text as
 * bigints, so 128-bit counters keep every digit; an absent temperature is 0 K.
 *
 * @param text The smartctl JSON text.
 * @returns The page, or null when the output has no NVMe health log.
 */
export function nvmeHealthPageFromSmartctl(text: string): Uint8Array | null {
  const start = text.indexOf('"nvme_smart_health_information_log"');
  if (start < 0) return null;
  const body = text.slice(start, text.indexOf("}", start));
  const f = new Map<string, bigint>();
  for (const m of body.matchAll(/"(\w+)":\s*(\d+)/g)) f.set(m[1]!, BigInt(m[2]!));
  const sensors = /"temperature_sensors":\s*\[([^\]]*)\]/.exec(body)?.[1]?.split(",") ?? [];
  const page = new Uint8Array(512);
  page[0] = Number(f.get("critical_warning") ?? 0n);
  const t = f.get("temperature");
  putLe(page, 1, 2, t === undefined ? 0n : t + 273n);
  page[3] = Number(f.get("available_spare") ?? 0n);
  page[4] = Number(f.get("available_spare_threshold") ?? 0n);
  page[5] = Number(f.get("percentage_used") ?? 0n);
  for (const [name, at] of NVME_COUNTERS) putLe(page, at, 16, f.get(name) ?? 0n);
  putLe(page, 192, 4, f.get("warning_temp_time") ?? 0n);
  putLe(page, 196, 4, f.get("critical_comp_time") ?? 0n);
  sensors.forEach((c, i) => {
    const celsius = Number(c.trim()); // null (an unreported sensor) stays 0 K
    if (c.trim() !== "" && Number.isInteger(celsius)) {
      putLe(page, 200 + 2 * i, 2, BigInt(celsius + 273));
    }
  });
  return page;
}
