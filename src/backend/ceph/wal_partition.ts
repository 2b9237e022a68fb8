/**
 * Pure rules for the WAL partition (BlueStore `block.wal`, FileStore journal) of a removed
 * OSD, the original's `remove_journal` (spec §12.5): a partition of a configured
 * `journal_devices` disk is deleted from the GPT so the next add can reuse the space; a
 * WAL given explicitly in `osd_config.journal_path` (or `rdb_path`), a journal device's
 * configured `partition_id`/`partition_uuid`, an LV or a whole device is kept.
 *
 * The deletion is verified against the PARTUUID recorded at the start of the removal, and
 * {@linkcode walUsers} looks at every other OSD of the host (its `osd metadata` and the
 * `block.wal`/`block.db`/`journal` links of its data dir) without stopping at the first
 * OSD dir that has no link (B-76).
 *
 * Ownership of WAL/DB partitions needs no udev rule (ceph.json `udev_rule_path` is
 * accepted for compatibility and unused): ceph-volume chowns them to `ceph` on every
 * prepare and activate.
 *
 * @module
 */
import type { CephConfig } from "../../config/schema.ts";
import { splitPartition } from "./device_paths.ts";
import type { OsdDump, OsdMetadata } from "./parse.ts";

/** The WAL partition of an OSD as recorded at the start of its removal. */
export interface WalPartition {
  /** Partition path, e.g. `/dev/nvme0n1p3`. */
  path: string;
  /** Its disk, e.g. `/dev/nvme0n1`. */
  disk: string;
  /** GPT partition number, e.g. 3. */
  number: number;
  /** GPT unique partition GUID (PARTUUID), lower case. */
  partUuid: string;
}

/** What is known about an OSD's WAL at the start of its removal. */
export interface WalFact {
  /** WAL (or FileStore journal) device path from `osd metadata`. */
  path: string;
  /** Its PARTUUID read from the GPT, or null when it could not be read. */
  partUuid: string | null;
}

/** What to do with the WAL of a removed OSD. */
export type WalDecision =
  | { action: "delete"; partition: WalPartition }
  | { action: "keep"; path: string; reason: string }
  | { action: "none"; reason: string };

/** The ceph.json fields that decide. */
export type JournalConfig = Pick<CephConfig, "journal_devices" | "osd_config">;

/**
 * Decides whether the WAL partition of a removed OSD is deleted (spec §12.5
 * `remove_journal`).
 *
 * @param wal The OSD's WAL, or null when it has none (WAL on the data device).
 * @param config `journal_devices` and `osd_config` of ceph.json.
 * @returns Delete (with the partition to verify), keep (with the reason) or none.
 */
export function decideWalRemoval(wal: WalFact | null, config: JournalConfig): WalDecision {
  if (!wal) return { action: "none", reason: "no dedicated WAL or journal" };
  const keep = (reason: string): WalDecision => ({ action: "keep", path: wal.path, reason });
  if (config.osd_config.some((o) => o.journal_path === wal.path || o.rdb_path === wal.path)) {
    return keep("given in osd_config; kept for reuse");
  }
  const split = splitPartition(wal.path);
  if (!split) return keep("not a partition (whole device or logical volume)");
  const journal = (config.journal_devices ?? []).find((j) => j.device === split.disk);
  if (!journal) return keep(`${split.disk} is not a configured journal device`);
  const uuid = wal.partUuid?.toLowerCase() ?? null;
  if (
    journal.partition_id === split.number ||
    (uuid !== null && journal.partition_uuid?.toLowerCase() === uuid)
  ) {
    return keep(`the journal device entry of ${split.disk} names this partition; kept for reuse`);
  }
  if (uuid === null) return keep("its PARTUUID cannot be read, so a deletion cannot be verified");
  return {
    action: "delete",
    partition: { path: wal.path, disk: split.disk, number: split.number, partUuid: uuid },
  };
}

/** A `block.wal` / `block.db` / `journal` symlink in an OSD data dir. */
export interface OsdDeviceLink {
  /** OSD id of the data dir (`<cluster>-<id>`). */
  osdId: number;
  /** Link name. */
  name: string;
  /** The link's text. */
  target: string;
  /** The resolved device path, or null when the link dangles. */
  resolved: string | null;
}

/** Facts for {@linkcode walUsers}. */
export interface WalUserFacts {
  /** The OSD being removed (its own links and metadata do not count). */
  selfId: number;
  /** This host's short name. */
  host: string;
  /** `osd metadata` of all OSDs. */
  metadata: readonly OsdMetadata[];
  /** `osd dump` (metadata of destroyed OSDs is stale and does not count). */
  dump: OsdDump;
  /** Device links of this host's OSD data dirs. */
  links: readonly OsdDeviceLink[];
}

/**
 * Lists the other OSDs of this host that use a partition, scanning every OSD (unlike the
 * original's scan, which answered "not in use" at the first OSD dir without a journal
 * link: B-76).
 *
 * @param partition The partition.
 * @param facts Metadata, dump and links.
 * @returns One description per use, e.g. `osd.4 (block.wal link)`; empty when unused.
 */
export function walUsers(partition: WalPartition, facts: WalUserFacts): string[] {
  const out: string[] = [];
  const live = new Set(
    facts.dump.osds.filter((o) => !o.state.includes("destroyed")).map((o) => o.id),
  );
  for (const m of facts.metadata) {
    if (m.id === facts.selfId || !live.has(m.id)) continue;
    if (m.hostname.split(".")[0] !== facts.host) continue;
    const paths = [m.walPath, m.dbPath, m.journalPath, m.devicePath];
    if (paths.includes(partition.path)) out.push(`osd.${m.id} (osd metadata)`);
  }
  const uuid = partition.partUuid.toLowerCase();
  for (const l of facts.links) {
    if (l.osdId === facts.selfId) continue;
    if (
      l.resolved === partition.path || l.target === partition.path ||
      l.target.toLowerCase().endsWith(`/${uuid}`)
    ) {
      out.push(`osd.${l.osdId} (${l.name} link)`);
    }
  }
  return [...new Set(out)];
}
