/**
 * libblkid through Deno FFI: filesystem superblocks and partition tables.
 *
 * The library is opened lazily on the first probe (never at import). Every probe opens
 * the path read-only (`O_RDONLY | O_NONBLOCK | O_CLOEXEC`), hands the descriptor to
 * `blkid_probe_set_device`, and frees the probe and closes the descriptor before
 * returning. Results are plain objects; no pointer leaves this folder.
 *
 * @example Probe an image file
 * ```ts ignore
 * import { probePartitions, probeSuperblock } from "./ffi/libblkid/mod.ts";
 * const pt = await probePartitions("/tmp/disk.img");
 * const p1 = pt.partitions[0]!;
 * const fs = await probeSuperblock("/tmp/disk.img", { offset: p1.start * 512, size: p1.size * 512 });
 * ```
 *
 * @module
 */
import { FfiError } from "../../src/errors.ts";
import {
  BLKID_PARTS_ENTRY_DETAILS,
  BLKID_SUBLKS_FLAGS,
  BLKID_SYMBOLS,
  LIBBLKID_PATH,
  OPEN_READ_FLAGS,
} from "./_symbols.ts";
import {
  closeLibc,
  errno,
  errnoName,
  errnoText,
  type LazyLibrary,
  lazyLibrary,
  libc,
  withLibc,
} from "../libc/mod.ts";

/** What libblkid found in a superblock (`blkid -p` TYPE, UUID, LABEL, USAGE). */
export interface SuperblockInfo {
  /** Filesystem or signature type: `ext4`, `xfs`, `swap`, `ceph_bluestore`, `LVM2_member`, … */
  type: string | null;
  /** Filesystem UUID, or null when the format has none. */
  uuid: string | null;
  /** Filesystem label, or null. */
  label: string | null;
  /** Usage class: `filesystem`, `raid`, `crypto`, `other`, or null. */
  usage: string | null;
}

/** A byte region of a file or device to probe. */
export interface ProbeRegion {
  /**
   * Start of the region in bytes.
   * @default 0
   */
  offset?: number;
  /**
   * Length of the region in bytes; 0 means "to the end of the file or device".
   * @default 0
   */
  size?: number;
}

/**
 * One entry of a partition table, exactly as libblkid reports it.
 *
 * This is the reference the WASM partition parser is compared against.
 */
export interface PartitionEntry {
  /**
   * Partition number (`blkid_partition_get_partno`): GPT entry index + 1; for MBR 1–4 are
   * primary/extended slots and 5+ logical partitions inside the extended one.
   */
  number: number;
  /** First sector, in 512-byte sectors from the start of the disk (`get_start`). */
  start: number;
  /** Length in 512-byte sectors (`get_size`). */
  size: number;
  /**
   * Partition type: for GPT the lower-case type GUID (`get_type_string`); for tables
   * without a type string (MBR/dos) the type byte as lower-case hex, e.g. `0x83`, `0x5`.
   */
  type: string;
  /**
   * Partition UUID (`get_uuid`): the GPT unique partition GUID; for MBR libblkid's
   * `<disk id>-<nn>` form (e.g. `7c1f4e2a-01`); null when none.
   */
  uuid: string | null;
  /** GPT partition name (`get_name`), null when empty or the table has no names (MBR). */
  name: string | null;
}

/** A partition table as libblkid reports it. */
export interface PartitionTable {
  /** Table type (`blkid_parttable_get_type`): `gpt`, `dos`, `bsd`, `mac`, …; null when none. */
  table: string | null;
  /**
   * Table id (`PTUUID`): the GPT disk GUID, or the MBR disk signature as 8 lower-case hex
   * digits; null when none.
   */
  id: string | null;
  /** Partitions in libblkid's order (table order; MBR logical partitions after primaries). */
  partitions: PartitionEntry[];
}

/** Options for {@linkcode openLibblkid}. */
export interface OpenLibblkidOptions {
  /**
   * Absolute path of libblkid.
   * @default "/usr/lib/x86_64-linux-gnu/libblkid.so.1"
   */
  path?: string;
}

type Blkid = Deno.DynamicLibrary<typeof BLKID_SYMBOLS>["symbols"];

let blkidLib: LazyLibrary<typeof BLKID_SYMBOLS> | null = null;
let inFlight = 0;
let closeRequested = false;

function loadError(library: string, path: string, err: unknown): FfiError {
  return new FfiError(
    library,
    `Cannot load ${library} from "${path}": ${(err as Error).message}; install util-linux's ` +
      `libblkid1 (Debian) or check the path`,
    { cause: err },
  );
}

/**
 * Loads libblkid (and libc for `open`/`close`) now instead of on the first probe.
 *
 * Idempotent: when the library is already open this does nothing.
 *
 * @param options The library path.
 * @throws {FfiError} When the library cannot be loaded.
 * @throws {Deno.errors.NotCapable} Without `--allow-ffi`.
 */
export function openLibblkid(options: OpenLibblkidOptions = {}): void {
  closeRequested = false;
  libc();
  if (blkidLib) return;
  const path = options.path ?? LIBBLKID_PATH;
  try {
    // bound symbol by symbol on first use: a probe uses about half of the table
    blkidLib = lazyLibrary(path, BLKID_SYMBOLS);
  } catch (err) {
    if (err instanceof Deno.errors.NotCapable) throw err;
    throw loadError("libblkid", path, err);
  }
}

/**
 * Unloads libblkid. Idempotent; when probes are still running it unloads after the last
 * one finishes. A later probe loads the library again.
 */
export function closeLibblkid(): void {
  closeRequested = true;
  if (inFlight === 0) unload();
}

/**
 * Tells whether libblkid can be loaded on this host (loading it if needed).
 *
 * @returns True when the library is usable.
 * @throws {Deno.errors.NotCapable} Without `--allow-ffi`.
 */
export function libblkidAvailable(): boolean {
  try {
    openLibblkid();
    return true;
  } catch (err) {
    if (err instanceof FfiError) return false;
    throw err;
  }
}

function unload(): void {
  blkidLib?.close();
  blkidLib = null;
  closeLibc();
  closeRequested = false;
}

function cstr(ptr: Deno.PointerValue): string | null {
  if (ptr === null) return null;
  const s = Deno.UnsafePointerView.getCString(ptr);
  return s === "" ? null : s;
}

function checkRegion(path: string, region: ProbeRegion): { offset: number; size: number } {
  const offset = region.offset ?? 0;
  const size = region.size ?? 0;
  for (const [field, value] of [["offset", offset], ["size", size]] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(
        `Cannot probe "${path}": ${field} must be a non-negative integer, got ${value}`,
      );
    }
  }
  return { offset, size };
}

/**
 * Opens `path` read-only, creates a probe over [offset, offset+size), runs `fn`, and frees
 * everything. The probe pointer never leaves this function.
 */
async function withProbe<T>(
  path: string,
  region: { offset: number; size: number },
  fn: (b: Blkid, probe: Deno.PointerObject) => Promise<T>,
): Promise<T> {
  openLibblkid();
  const b: Blkid = blkidLib!.symbols;
  return await withLibc((c) => probeWith(b, c, path, region, fn));
}

async function probeWith<T>(
  b: Blkid,
  c: ReturnType<typeof libc>,
  path: string,
  region: { offset: number; size: number },
  fn: (b: Blkid, probe: Deno.PointerObject) => Promise<T>,
): Promise<T> {
  inFlight++;
  let fd = -1;
  let probe: Deno.PointerValue = null;
  try {
    fd = c.open(new TextEncoder().encode(path + "\0"), OPEN_READ_FLAGS);
    if (fd < 0) {
      const e = errno(c);
      throw new FfiError(
        "libblkid",
        `Cannot open "${path}" for probing: ${errnoText(c, e).toLowerCase()} (${errnoName(e)})`,
        { op: "open", errno: e, device: path },
      );
    }
    probe = b.blkid_new_probe();
    if (probe === null) {
      throw new FfiError("libblkid", `Cannot probe "${path}": blkid_new_probe returned NULL`, {
        op: "blkid_new_probe",
        device: path,
      });
    }
    const rc = await b.blkid_probe_set_device(
      probe,
      fd,
      BigInt(region.offset),
      BigInt(region.size),
    );
    if (rc !== 0) {
      throw new FfiError(
        "libblkid",
        `Cannot probe "${path}": blkid_probe_set_device failed (offset ${region.offset}, ` +
          `size ${region.size}); check that the region lies inside the file`,
        { op: "blkid_probe_set_device", device: path },
      );
    }
    return await fn(b, probe);
  } finally {
    if (probe !== null) b.blkid_free_probe(probe);
    if (fd >= 0) c.close(fd);
    inFlight--;
    if (closeRequested && inFlight === 0) unload();
  }
}

function lookup(b: Blkid, probe: Deno.PointerObject, name: string): string | null {
  const data = new BigUint64Array(1);
  const len = new BigUint64Array(1);
  const rc = b.blkid_probe_lookup_value(
    probe,
    new TextEncoder().encode(name + "\0"),
    data,
    len,
  );
  if (rc !== 0 || data[0] === 0n) return null;
  return cstr(Deno.UnsafePointer.create(data[0]!));
}

/**
 * Probes the filesystem (or other) signature of a file, a block device, or a byte region
 * of either — like `blkid -p -o export`, limited to TYPE, UUID, LABEL and USAGE.
 *
 * Read-only: the path is opened `O_RDONLY`. Probing a region lets tests read a filesystem
 * inside a partition of an image file without a loop device.
 *
 * @param path The file or block device.
 * @param region Byte offset and size of the region to probe (default: everything).
 * @returns The signature, or null when libblkid found none.
 * @throws {FfiError} When the library cannot be loaded, the path cannot be opened
 *   (`op: "open"`, with `errno`), or the signatures are ambivalent
 *   (`op: "blkid_do_safeprobe"`: more than one conflicting signature).
 * @throws {RangeError} When offset or size is negative or not an integer (as a rejection).
 */
export async function probeSuperblock(
  path: string,
  region: ProbeRegion = {},
): Promise<SuperblockInfo | null> {
  const r = checkRegion(path, region);
  return await withProbe(path, r, async (b, probe) => {
    b.blkid_probe_enable_partitions(probe, 0);
    b.blkid_probe_enable_superblocks(probe, 1);
    b.blkid_probe_set_superblocks_flags(probe, BLKID_SUBLKS_FLAGS);
    const rc = await b.blkid_do_safeprobe(probe);
    if (rc === 1) return null;
    if (rc === -2) {
      throw new FfiError(
        "libblkid",
        `Cannot identify the filesystem on "${path}": more than one signature was found ` +
          `(ambivalent); wipe the stale one with wipefs after checking`,
        { op: "blkid_do_safeprobe", device: path },
      );
    }
    if (rc !== 0) {
      throw new FfiError(
        "libblkid",
        `Cannot read the superblock of "${path}": blkid_do_safeprobe failed (${rc})`,
        { op: "blkid_do_safeprobe", device: path },
      );
    }
    return {
      type: lookup(b, probe, "TYPE"),
      uuid: lookup(b, probe, "UUID"),
      label: lookup(b, probe, "LABEL"),
      usage: lookup(b, probe, "USAGE"),
    };
  });
}

/**
 * Reads the partition table of a block device or an image file through libblkid, with
 * `BLKID_PARTS_ENTRY_DETAILS` so every entry has its uuid, name and type.
 *
 * Sizes and starts are in 512-byte sectors whatever the device's logical sector size.
 * Read-only.
 *
 * @param path The device or image file.
 * @returns The table; `{ table: null, id: null, partitions: [] }` when there is none.
 * @throws {FfiError} When the library cannot be loaded or the path cannot be opened.
 */
export function probePartitions(path: string): Promise<PartitionTable> {
  return withProbe(path, { offset: 0, size: 0 }, async (b, probe) => {
    b.blkid_probe_enable_superblocks(probe, 0);
    b.blkid_probe_enable_partitions(probe, 1);
    b.blkid_probe_set_partitions_flags(probe, BLKID_PARTS_ENTRY_DETAILS);
    const list = await b.blkid_probe_get_partitions(probe);
    if (list === null) return { table: null, id: null, partitions: [] };
    const tab = b.blkid_partlist_get_table(list);
    const n = b.blkid_partlist_numof_partitions(list);
    const partitions: PartitionEntry[] = [];
    for (let i = 0; i < n; i++) {
      const par = b.blkid_partlist_get_partition(list, i);
      if (par === null) continue;
      const typeString = cstr(b.blkid_partition_get_type_string(par));
      partitions.push({
        number: b.blkid_partition_get_partno(par),
        start: Number(b.blkid_partition_get_start(par)),
        size: Number(b.blkid_partition_get_size(par)),
        type: typeString?.toLowerCase() ??
          `0x${(b.blkid_partition_get_type(par) >>> 0).toString(16)}`,
        uuid: cstr(b.blkid_partition_get_uuid(par)),
        name: cstr(b.blkid_partition_get_name(par)),
      });
    }
    if (tab === null) return { table: null, id: null, partitions };
    return {
      table: cstr(b.blkid_parttable_get_type(tab)),
      id: cstr(b.blkid_parttable_get_id(tab)),
      partitions,
    };
  });
}
