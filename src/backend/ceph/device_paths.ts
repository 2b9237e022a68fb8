/**
 * Pure device-path rules: partition names (NVMe/mmcblk/loop use a `p`, B-58), the whole
 * disk of a partition (B-59), `osd_config` matching and WAL/DB selection from ceph.json.
 *
 * @module
 */
import type { CephConfig } from "../../config/schema.ts";

/**
 * Returns the path of partition `n` of `disk`: `/dev/sdb` + 1 → `/dev/sdb1`, but
 * `/dev/nvme0n1` + 1 → `/dev/nvme0n1p1` (any name ending in a digit takes a `p`).
 *
 * @param disk Whole-disk path.
 * @param n Partition number (1-based).
 * @returns The partition path.
 * @throws {RangeError} When `n` is not a positive integer.
 */
export function partitionPath(disk: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Invalid partition number ${n}`);
  return /\d$/.test(disk) ? `${disk}p${n}` : `${disk}${n}`;
}

/**
 * Splits a partition path into its disk and number, or returns null for a whole disk:
 * `/dev/sdb2` → `/dev/sdb`, 2; `/dev/nvme0n1p3` → `/dev/nvme0n1`, 3; `/dev/sdb` → null;
 * `/dev/nvme0n1` → null (unlike the original's "drop the last character", B-59).
 *
 * @param path Device path.
 * @returns Disk and partition number, or null.
 */
export function splitPartition(path: string): { disk: string; number: number } | null {
  const p = /^(.*\d)p(\d+)$/.exec(path);
  if (p) return { disk: p[1]!, number: Number(p[2]) };
  if (/(nvme\d+n\d+|mmcblk\d+|loop\d+|nbd\d+|md\d+|dm-\d+)$/.test(path)) return null;
  const s = /^(\/dev\/(?:[shv]d|xvd)[a-z]+)(\d+)$/.exec(path);
  if (s) return { disk: s[1]!, number: Number(s[2]) };
  return null;
}

/** An `osd_config` entry of ceph.json. */
export type OsdConfigEntry = CephConfig["osd_config"][number];

/**
 * Finds the `osd_config` entry of a device: exact `dev_path`, or (non-LVM only) the
 * entry of its whole disk. A missing entry is not an error (defaults apply, B-50).
 *
 * @param device Device path.
 * @param config ceph.json.
 * @returns The entry or null.
 */
export function osdConfigFor(
  device: string,
  config: Pick<CephConfig, "osd_config">,
): OsdConfigEntry | null {
  const exact = config.osd_config.find((o) => o.dev_path === device);
  if (exact) return exact;
  const whole = splitPartition(device)?.disk;
  return whole ? config.osd_config.find((o) => !o.is_lvm && o.dev_path === whole) ?? null : null;
}

/**
 * Tells whether `device` is (or is a partition of) a configured system disk.
 *
 * @param device Device path.
 * @param config ceph.json.
 * @returns True for system disks.
 */
export function isConfiguredSystemDisk(
  device: string,
  config: Pick<CephConfig, "system_disks">,
): boolean {
  const whole = splitPartition(device)?.disk;
  return config.system_disks.some((d) => d.device === device || d.device === whole);
}

/**
 * Tells whether `device` is a configured journal device (or one of its partitions).
 *
 * @param device Device path.
 * @param config ceph.json.
 * @returns True for journal devices.
 */
export function isJournalDevice(
  device: string,
  config: Pick<CephConfig, "journal_devices">,
): boolean {
  const whole = splitPartition(device)?.disk;
  return (config.journal_devices ?? []).some((d) => d.device === device || d.device === whole);
}

/** Where the WAL and DB of a new OSD go. */
export interface WalDbChoice {
  /** `--block.wal` device, or null. */
  wal: string | null;
  /** `--block.db` device, or null. */
  db: string | null;
  /** When set, a new WAL partition must be created on this journal device first. */
  createWalOn: string | null;
  /** Why. */
  reason: string;
}

/**
 * Chooses the WAL/DB devices of a new OSD: explicit `osd_config.journal_path` /
 * `rdb_path` first; else the configured journal device with the fewest partitions
 * (counted from the host, B-57): a free `partition_id` partition when given and unused,
 * else a new partition on that device.
 *
 * @param device The OSD data device.
 * @param config ceph.json.
 * @param host Facts: partitions per journal device and WAL/DB paths already used.
 * @returns The choice.
 */
export function chooseWalDb(
  device: string,
  config: Pick<CephConfig, "osd_config" | "journal_devices">,
  host: { partitionCount: (disk: string) => number; inUse: ReadonlySet<string> },
): WalDbChoice {
  const entry = osdConfigFor(device, config);
  if (entry?.journal_path || entry?.rdb_path) {
    return {
      wal: entry.journal_path ?? null,
      db: entry.rdb_path ?? null,
      createWalOn: null,
      reason: "osd_config of the device",
    };
  }
  const journals = [...(config.journal_devices ?? [])]
    .map((j) => ({ ...j, count: j.num_partitions ?? host.partitionCount(j.device) }))
    .sort((a, b) => a.count - b.count);
  const first = journals[0];
  if (!first) return { wal: null, db: null, createWalOn: null, reason: "no journal devices" };
  for (const j of journals) {
    if (j.partition_id === undefined) continue;
    const p = partitionPath(j.device, j.partition_id);
    if (!host.inUse.has(p)) {
      return { wal: p, db: null, createWalOn: null, reason: `partition ${j.partition_id} free` };
    }
  }
  return {
    wal: null,
    db: null,
    createWalOn: first.device,
    reason: `new partition on the least used journal device (${first.count} partitions)`,
  };
}
