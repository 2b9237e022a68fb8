/**
 * Reads block devices from sysfs (`<roots.sys>/block`), never from a hard-coded /sys.
 * Reads go through `src/hostfs` (libc for the real /sys, Deno for captured trees).
 *
 * @module
 */
import { isHostFsFailure, readBytesSync, readDirSync, readTextSync } from "../hostfs/mod.ts";
import type { Roots } from "./model.ts";

/** A partition as sysfs shows it. */
export interface SysPartition {
  /** Kernel name, e.g. `sda1`, `nvme0n1p2`. */
  name: string;
  /** `major:minor`. */
  devno: string;
  /** `partition` (the partition number). */
  number: number;
  /** `start`, in 512-byte sectors. */
  start: number;
  /** `size`, in 512-byte sectors. */
  sizeSectors: number;
  /** Names in `holders/` (dm/md devices built on it). */
  holders: string[];
}

/** A whole block device (an entry of /sys/block) as sysfs shows it. */
export interface SysBlockDevice {
  /** Kernel name. */
  name: string;
  /** `major:minor`. */
  devno: string;
  /** `size`, in 512-byte sectors. */
  sizeSectors: number;
  /** `queue/rotational`, null when unreadable. */
  rotational: boolean | null;
  /** `removable`. */
  removable: boolean;
  /** `ro`. */
  readOnly: boolean;
  /** `device/vendor`, trimmed. */
  vendor: string | null;
  /** `device/model`, trimmed. */
  model: string | null;
  /** Serial candidates: `device/serial`, `serial`. */
  serials: (string | null)[];
  /** The SCSI unit serial number from `device/vpd_pg80` (VPD page 0x80), when present. */
  vpdSerial: string | null;
  /** WWID candidates: `device/wwid`, `wwid`. */
  wwids: (string | null)[];
  /** `loop/backing_file` (without a ` (deleted)` suffix), for attached loop devices. */
  backingFile: string | null;
  /** Partitions (subdirectories with a `partition` file), by number. */
  partitions: SysPartition[];
  /** Names in `holders/`. */
  holders: string[];
  /** Names in `slaves/`. */
  slaves: string[];
}

/**
 * Reads a sysfs attribute as trimmed text.
 *
 * @param path The attribute file.
 * @returns The value, or null when absent, unreadable or empty.
 * @throws {Deno.errors.NotCapable} Without Deno read permission.
 * @throws {FfiError} When libc cannot be loaded (reads of the host's /sys, /dev).
 */
export function readAttr(path: string): string | null {
  try {
    const v = readTextSync(path).replace(/\0/g, "").trim();
    return v === "" ? null : v;
  } catch (err) {
    if (isHostFsFailure(err)) throw err;
    return null;
  }
}

function readNumber(path: string): number | null {
  const v = readAttr(path);
  if (v === null) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function readFlag(path: string): boolean | null {
  const n = readNumber(path);
  return n === null ? null : n !== 0;
}

/**
 * Lists entry names of a directory.
 *
 * @param path The directory.
 * @returns Sorted names; empty when the directory is absent.
 * @throws {Deno.errors.NotCapable} Without Deno read permission.
 * @throws {FfiError} When libc cannot be loaded (reads of the host's /sys, /dev).
 */
export function listDir(path: string): string[] {
  try {
    return readDirSync(path).map((e) => e.name).sort();
  } catch (err) {
    if (isHostFsFailure(err)) throw err;
    return [];
  }
}

/**
 * Decodes SCSI VPD page 0x80 (unit serial number): 4-byte header, byte 3 = length.
 *
 * @param page The raw page.
 * @returns The serial, or null when the page is short or blank.
 */
export function parseVpdSerial(page: Uint8Array): string | null {
  if (page.length < 4 || page[1] !== 0x80) return null;
  const len = Math.min(page[3]!, page.length - 4);
  const s = new TextDecoder().decode(page.subarray(4, 4 + len)).replace(/\0/g, "").trim();
  return s === "" ? null : s;
}

function readVpdSerial(path: string): string | null {
  try {
    return parseVpdSerial(readBytesSync(path));
  } catch (err) {
    if (isHostFsFailure(err)) throw err;
    return null;
  }
}

function readPartition(dir: string, name: string): SysPartition | null {
  const number = readNumber(`${dir}/partition`);
  const devno = readAttr(`${dir}/dev`);
  if (number === null || devno === null) return null;
  return {
    name,
    devno,
    number,
    start: readNumber(`${dir}/start`) ?? 0,
    sizeSectors: readNumber(`${dir}/size`) ?? 0,
    holders: listDir(`${dir}/holders`),
  };
}

/**
 * Reads one /sys/block entry.
 *
 * @param roots Host roots (`sys`).
 * @param name Kernel name.
 * @returns The device, or null when it has no `dev` attribute (gone or not a block device).
 * @throws {Deno.errors.NotCapable} Without Deno read permission.
 * @throws {FfiError} When libc cannot be loaded (reads of the host's /sys, /dev).
 */
export function readSysBlockDevice(roots: Roots, name: string): SysBlockDevice | null {
  const dir = `${roots.sys}/block/${name}`;
  const devno = readAttr(`${dir}/dev`);
  if (devno === null) return null;
  const partitions: SysPartition[] = [];
  for (const entry of listDir(dir)) {
    if (!entry.startsWith(name) || entry === name) continue;
    const p = readPartition(`${dir}/${entry}`, entry);
    if (p) partitions.push(p);
  }
  partitions.sort((a, b) => a.number - b.number);
  const backing = readAttr(`${dir}/loop/backing_file`);
  return {
    name,
    devno,
    sizeSectors: readNumber(`${dir}/size`) ?? 0,
    rotational: readFlag(`${dir}/queue/rotational`),
    removable: readFlag(`${dir}/removable`) ?? false,
    readOnly: readFlag(`${dir}/ro`) ?? false,
    vendor: readAttr(`${dir}/device/vendor`),
    model: readAttr(`${dir}/device/model`),
    serials: [readAttr(`${dir}/device/serial`), readAttr(`${dir}/serial`)],
    vpdSerial: readVpdSerial(`${dir}/device/vpd_pg80`),
    wwids: [readAttr(`${dir}/device/wwid`), readAttr(`${dir}/wwid`)],
    backingFile: backing === null ? null : backing.replace(/ \(deleted\)$/, ""),
    partitions,
    holders: listDir(`${dir}/holders`),
    slaves: listDir(`${dir}/slaves`),
  };
}

/**
 * Reads every entry of `<roots.sys>/block` with its partitions.
 *
 * @param roots Host roots (`sys`).
 * @returns The devices, sorted by name.
 * @throws {Deno.errors.NotCapable} Without Deno read permission.
 * @throws {FfiError} When libc cannot be loaded (reads of the host's /sys, /dev).
 */
export function readSysBlock(roots: Roots): SysBlockDevice[] {
  const out: SysBlockDevice[] = [];
  for (const name of listDir(`${roots.sys}/block`)) {
    const d = readSysBlockDevice(roots, name);
    if (d) out.push(d);
  }
  return out;
}
