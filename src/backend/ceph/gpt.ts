/**
 * Host side of WAL-partition removal: the sgdisk / partx invocations (built here so plans
 * print what runs), parsing `sgdisk --info`, the kernel's view of a partition (sysfs), and
 * the device links of this host's OSD data dirs.
 *
 * @module
 */
import { ParseError } from "../../errors.ts";
import * as hostfs from "../../hostfs/mod.ts";
import type { ProgramCall } from "./commands.ts";
import type { OsdDeviceLink } from "./wal_partition.ts";

/** Program builders of GPT partition handling. */
export const GPT = {
  /** `sgdisk --info=N disk` (read-only). */
  info: (disk: string, n: number): ProgramCall => ({
    program: "sgdisk",
    args: [`--info=${n}`, disk],
  }),
  /** `sgdisk --delete=N disk`. */
  delete: (disk: string, n: number): ProgramCall => ({
    program: "sgdisk",
    args: [`--delete=${n}`, disk],
  }),
  /** `partx -d --nr N disk`: drops the kernel's partition N (EBUSY while it is open). */
  kernelDrop: (disk: string, n: number): ProgramCall => ({
    program: "partx",
    args: ["-d", "--nr", String(n), disk],
  }),
} as const;

/** One GPT entry as `sgdisk --info` prints it. */
export interface GptEntry {
  /** Partition number. */
  number: number;
  /** Unique partition GUID (PARTUUID), lower case. */
  partUuid: string;
  /** Partition type GUID, lower case. */
  typeGuid: string;
  /** Partition name. */
  name: string;
}

/**
 * Parses `sgdisk --info=N` output.
 *
 * @param text Output.
 * @param n The partition number asked for.
 * @returns The entry, or null when sgdisk says the partition does not exist.
 * @throws {ParseError} When the output has neither shape.
 */
export function parseSgdiskInfo(text: string, n: number): GptEntry | null {
  if (/Partition #\d+ does not exist/.test(text)) return null;
  const uuid = /Partition unique GUID:\s*([0-9A-Fa-f-]{36})/.exec(text)?.[1];
  if (!uuid) {
    throw new ParseError(
      `Cannot parse "sgdisk --info=${n}": no "Partition unique GUID" line; check the GPT of the journal device`,
    );
  }
  return {
    number: n,
    partUuid: uuid.toLowerCase(),
    typeGuid: (/Partition GUID code:\s*([0-9A-Fa-f-]{36})/.exec(text)?.[1] ?? "").toLowerCase(),
    name: /Partition name:\s*'(.*)'/.exec(text)?.[1] ?? "",
  };
}

/**
 * Reads GPT entry `n` of `disk` with sgdisk.
 *
 * @param disk Whole-disk path.
 * @param n Partition number.
 * @param exec Runs a program and returns its stdout (throws on failure).
 * @returns The entry, or null when the GPT has no such partition.
 * @throws {CommandError} When sgdisk fails (unreadable disk).
 * @throws {ParseError} On unexpected output.
 */
export async function readGptEntry(
  disk: string,
  n: number,
  exec: (call: ProgramCall) => Promise<string>,
): Promise<GptEntry | null> {
  return parseSgdiskInfo(await exec(GPT.info(disk, n)), n);
}

/**
 * Tells whether the kernel currently has partition `n` of `disk` (sysfs).
 *
 * @param disk Whole-disk path.
 * @param n Partition number.
 * @param sysRoot sysfs root (`/sys`).
 * @returns True when a partition of that number is registered.
 */
export function kernelHasPartition(disk: string, n: number, sysRoot = "/sys"): boolean {
  const name = disk.replace(/^\/dev\//, "");
  const dir = `${sysRoot}/class/block/${name}`;
  try {
    for (const e of hostfs.readDirSync(dir)) {
      if (!e.name.startsWith(name)) continue;
      try {
        if (Number(hostfs.readTextSync(`${dir}/${e.name}/partition`).trim()) === n) return true;
      } catch { /* not a partition */ }
    }
  } catch { /* disk unknown to the kernel */ }
  return false;
}

const LINK_NAMES = ["block.wal", "block.db", "journal", "block"] as const;

/**
 * Reads the device links of every OSD data dir under `root` (`<cluster>-<id>`), resolving
 * each; a dir without links, a regular-file journal or a dangling link never ends the scan
 * (B-76).
 *
 * @param root OSD data root, e.g. `/var/lib/ceph/osd`.
 * @returns The links (empty when the root does not exist).
 */
export function readOsdDeviceLinks(root: string): OsdDeviceLink[] {
  const out: OsdDeviceLink[] = [];
  let dirs: Deno.DirEntry[];
  try {
    dirs = [...Deno.readDirSync(root)];
  } catch {
    return out;
  }
  for (const d of dirs) {
    const id = /-(\d+)$/.exec(d.name)?.[1];
    if (id === undefined || !d.isDirectory) continue;
    for (const name of LINK_NAMES) {
      const path = `${root}/${d.name}/${name}`;
      let target: string;
      try {
        target = Deno.readLinkSync(path);
      } catch {
        continue; // absent or not a symlink
      }
      const abs = target.startsWith("/") ? target : `${root}/${d.name}/${target}`;
      let resolved: string | null = null;
      try {
        resolved = hostfs.realPathSync(abs);
      } catch { /* dangling */ }
      out.push({ osdId: Number(id), name, target, resolved });
    }
  }
  return out;
}
