/**
 * Partition table parsing (protective/legacy MBR with the EBR chain, GPT with CRC32
 * checks and backup fallback) in WebAssembly, reading only the sectors it needs.
 *
 * The WASM side is a resumable state machine: it asks for a byte range, the host reads
 * exactly that range (from memory or a file/device) and feeds it back, until the table
 * is parsed or a typed error is returned. An EBR loop or a GPT claiming 2^32 entries ends
 * in a {@linkcode PageParseError}, never a hang.
 *
 * @module
 */
import {
  copyIn,
  guidString,
  hex32,
  PageParseError,
  utf16z,
  type WasmParser,
  wasmParser,
} from "../wasm/mod.ts";
import type { PartitionEntry, PartitionTable } from "./types.ts";
import { ParseError } from "../errors.ts";
import { isHostFsFailure, open as openHostFile, readText } from "../hostfs/mod.ts";

/** Options of the partition table parsers. */
export interface PartitionParseOptions {
  /**
   * Logical sector size in bytes (512 or 4096); 0 detects GPT at 512 or 4096 and
   * otherwise assumes 512.
   * @default 0 (auto; block devices use their queue/logical_block_size)
   */
  sectorSize?: number | undefined;
  /** The device or file name, for error messages. */
  device?: string;
}

const WHAT = "the partition table";

function begin(parser: WasmParser, size: number, options: PartitionParseOptions): number {
  const ss = options.sectorSize ?? 0;
  if (ss !== 0 && ss !== 512 && ss !== 4096) {
    throw new RangeError(`Cannot parse partition table: sector size ${ss} is not 512 or 4096`);
  }
  return parser.exports.ptBegin(ss, size);
}

function collect(parser: WasmParser): PartitionTable {
  const out = parser.out;
  const { u8, u32, f64 } = parser.views();
  const w = out >>> 2;
  const gpt = u32[w] === 1;
  const count = u32[w + 2]!;
  const diskId = u32[w + 4]!;
  const partitions: PartitionEntry[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const r = out + 128 + i * 128;
    const number = u32[r >>> 2]!;
    const type = u32[(r >>> 2) + 1]!;
    partitions[i] = {
      number,
      start: f64[(r + 8) >>> 3]!,
      size: f64[(r + 16) >>> 3]!,
      type: gpt ? guidString(u8, r + 24) : (type & 0xff).toString(16),
      uuid: gpt
        ? guidString(u8, r + 40)
        : `${hex32(diskId)}-${number.toString(16).padStart(2, "0")}`,
      name: gpt ? utf16z(u8, r + 56, 36) : null,
      bootable: !gpt && (type & 0x100) !== 0,
    };
  }
  return {
    table: gpt ? "gpt" : "dos",
    id: gpt ? guidString(u8, out + 32) : "0x" + hex32(diskId),
    source: u32[w + 1] === 1 ? "backup" : "primary",
    sectorSize: u32[w + 3]!,
    partitions,
  };
}

/**
 * Parses the partition table of an in-memory disk image.
 *
 * @param image The whole image (only the needed ranges are read).
 * @param options Sector size and a name for messages.
 * @returns The table.
 * @throws {PageParseError} When there is no table or it is malformed (reason in `reason`).
 * @throws {RangeError} When `sectorSize` is not 0, 512 or 4096.
 */
export function parsePartitionTable(
  image: Uint8Array,
  options: PartitionParseOptions = {},
): PartitionTable {
  const parser = wasmParser();
  let rc = begin(parser, image.length, options);
  while (rc === 1) {
    const off = parser.exports.ptNeedOffset();
    const len = parser.exports.ptNeedLength();
    copyIn(parser, image.subarray(off, off + len));
    rc = parser.exports.ptStep(len);
  }
  if (rc < 0) throw new PageParseError(rc, WHAT, options);
  return collect(parser);
}

/** Reads byte ranges of a disk or image: the I/O port of {@linkcode readPartitionTable}. */
export interface RangeReader {
  /** Total size in bytes. */
  size: number;
  /** Logical sector size reported by the device, or 0 when unknown (a regular file). */
  sectorSize: number;
  /** Reads exactly `length` bytes at `offset` (fewer only at end of file). */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Releases the file. */
  close(): void;
}

async function blockSectorSize(major: number, minor: number): Promise<number> {
  for (const rel of ["queue/logical_block_size", "../queue/logical_block_size"]) {
    try {
      const text = await readText(`/sys/dev/block/${major}:${minor}/${rel}`);
      const n = Number.parseInt(text.trim(), 10);
      if (n === 512 || n === 4096) return n;
    } catch (err) {
      if (isHostFsFailure(err)) throw err;
      // try the next location
    }
  }
  return 0;
}

/**
 * Opens a file or block device for ranged reads. Block devices under /dev are read
 * through `src/hostfs` (libc `pread` off the main thread: Deno cannot open /dev under
 * narrow permissions); image files through Deno.
 *
 * @param path The image file or device.
 * @returns The reader (close it when done).
 * @throws {Deno.errors.NotFound} When the path does not exist.
 * @throws {Deno.errors.NotCapable} When the path is outside Deno's read grant.
 */
export async function openRangeReader(path: string): Promise<RangeReader> {
  const file = await openHostFile(path);
  try {
    const sectorSize = file.info.isBlockDevice && file.info.rdev
      ? await blockSectorSize(file.info.rdevMajor, file.info.rdevMinor)
      : 0;
    return {
      size: file.size,
      sectorSize,
      read: (offset: number, length: number): Promise<Uint8Array> => file.read(offset, length),
      close: (): void => file.close(),
    };
  } catch (err) {
    file.close();
    throw err;
  }
}

/**
 * Reads the partition table of a disk image or block device, reading only the sectors
 * the parser asks for (the first LBAs, the GPT entry array, the EBR chain and, when the
 * primary GPT is corrupt, the last LBAs).
 *
 * @param path The image file or device.
 * @param options Sector size (default: the device's, or auto for files).
 * @returns The table, with `source` saying whether the backup GPT was used.
 * @throws {PageParseError} When there is no table or it is malformed.
 * @throws {ParseError} When the device cannot be read.
 */
export async function readPartitionTable(
  path: string,
  options: PartitionParseOptions = {},
): Promise<PartitionTable> {
  let reader: RangeReader;
  try {
    reader = await openRangeReader(path);
  } catch (cause) {
    throw new ParseError(`Cannot read partition table of "${path}": ${String(cause)}`, {
      device: path,
      cause,
    });
  }
  try {
    const opts = { sectorSize: options.sectorSize ?? reader.sectorSize, device: path };
    const parser = wasmParser();
    let rc = begin(parser, reader.size, opts);
    while (rc === 1) {
      const len = parser.exports.ptNeedLength();
      const bytes = await reader.read(parser.exports.ptNeedOffset(), len);
      copyIn(parser, bytes);
      rc = parser.exports.ptStep(bytes.length);
    }
    if (rc < 0) throw new PageParseError(rc, WHAT, { device: path });
    return collect(parser);
  } finally {
    reader.close();
  }
}
