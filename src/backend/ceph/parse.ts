/**
 * Pure parsers of Ceph command outputs (mon/mgr JSON through librados or the `ceph` CLI,
 * and `ceph-volume … list --format json`). The CLI's leading newline is tolerated.
 *
 * @module
 */
import { ParseError } from "../../errors.ts";

/** One OSD of `osd tree`. */
export interface TreeOsd {
  /** OSD id. */
  id: number;
  /** CRUSH weight. */
  crushWeight: number;
  /** `up`, `down` or `destroyed`. */
  status: string;
  /** In/out reweight (0 = out). */
  reweight: number;
  /** Device class, when set. */
  deviceClass: string | null;
  /** CRUSH host bucket holding it, when any. */
  host: string | null;
  /** Every CRUSH bucket above it: bucket type → name (`host`, `rack`, `root` …). */
  buckets?: Record<string, string> | undefined;
}

/** One OSD of `osd dump`. */
export interface DumpOsd {
  /** OSD id. */
  id: number;
  /** OSD fsid (uuid). */
  uuid: string;
  /** Up. */
  up: boolean;
  /** In. */
  in: boolean;
  /** State words (`exists`, `up`, `destroyed`, `noout`…). */
  state: string[];
}

/** The parts of `osd dump` Bynar needs. */
export interface OsdDump {
  /** Cluster fsid. */
  fsid: string;
  /** OSD map epoch. */
  epoch: number;
  /** Cluster-wide flags (`noout`, `pause`…). */
  flags: string[];
  /** Flags per CRUSH node (e.g. a host in maintenance: `{"node1":["noout"]}`). */
  crushNodeFlags: Record<string, string[]>;
  /** OSDs. */
  osds: DumpOsd[];
  /** Total PGs over all pools. */
  totalPgs: number;
}

/** `osd safe-to-destroy --format json`. */
export interface SafeToDestroy {
  /** Ids safe to destroy. */
  safe: number[];
  /** Ids with PGs still mapped. */
  active: number[];
  /** Ids without statfs yet. */
  missingStats: number[];
  /** Ids still storing PGs. */
  storedPgs: number[];
}

/** `pg stat --format json` summary. */
export interface PgStat {
  /** PG count. */
  numPgs: number;
  /** Count by state name. */
  byState: Record<string, number>;
  /** PGs whose state contains `backfill` (backfilling or waiting). */
  backfilling: number;
  /** PGs exactly `active+clean`. */
  activeClean: number;
  /** Stored bytes (before replication). */
  numBytes: number;
}

/** A ceph-volume OSD found on a device. */
export interface VolumeOsd {
  /** OSD id. */
  osdId: number;
  /** OSD fsid (uuid). */
  osdFsid: string;
  /** Cluster fsid. */
  clusterFsid: string;
  /** Data device (raw) or the LV's physical device(s) (lvm). */
  devices: string[];
  /** `raw` or `lvm`. */
  mode: "raw" | "lvm";
  /** WAL device, when separate. */
  walDevice?: string;
  /** DB device, when separate. */
  dbDevice?: string;
}

/** A parsed Ceph release. */
export interface CephVersion {
  /** e.g. 16. */
  major: number;
  /** e.g. 2. */
  minor: number;
  /** e.g. 15. */
  patch: number;
  /** e.g. `pacific`. */
  release: string;
}

/**
 * Parses JSON output, tolerating the CLI's leading newline and a `hints = …` preamble.
 *
 * @param text Command output.
 * @param what What the output is (for the error message).
 * @returns The value.
 * @throws {ParseError} When no JSON can be read.
 */
export function parseJson(text: string, what: string): unknown {
  const t = text.trim();
  try {
    return JSON.parse(t);
  } catch {
    const i = t.search(/[{[]/);
    if (i > 0) {
      try {
        return JSON.parse(t.slice(i));
      } catch { /* fall through */ }
    }
    throw new ParseError(`Cannot parse ${what}: not JSON: ${JSON.stringify(t.slice(0, 80))}`);
  }
}

function obj(v: unknown, what: string): Record<string, unknown> {
  if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
  throw new ParseError(`Cannot parse ${what}: expected an object`);
}

function num(v: unknown, fallback = 0): number {
  const n = typeof v === "string" ? Number(v) : v;
  return typeof n === "number" && Number.isFinite(n) ? n : fallback;
}

function ids(v: unknown): number[] {
  return Array.isArray(v) ? v.map((x) => num(x, NaN)).filter((x) => Number.isInteger(x)) : [];
}

/**
 * Parses `osd tree` (OSD nodes with their host bucket).
 *
 * @param text Output.
 * @returns The OSDs sorted by id.
 * @throws {ParseError} On malformed input.
 */
export function parseOsdTree(text: string): TreeOsd[] {
  const root = obj(parseJson(text, "osd tree"), "osd tree");
  const nodes = Array.isArray(root.nodes) ? root.nodes as Record<string, unknown>[] : [];
  const hostOf = new Map<number, string>();
  const parentOf = new Map<number, Record<string, unknown>>();
  for (const n of nodes) {
    if (n.type === "host" && Array.isArray(n.children)) {
      for (const c of n.children) hostOf.set(num(c), String(n.name));
    }
    if (Array.isArray(n.children)) { for (const c of n.children) parentOf.set(num(c), n); }
  }
  const bucketsOf = (id: number): Record<string, string> => {
    const out: Record<string, string> = {};
    const seen = new Set<number>();
    for (let p = parentOf.get(id); p && !seen.has(num(p.id)); p = parentOf.get(num(p.id))) {
      seen.add(num(p.id));
      out[String(p.type)] ??= String(p.name);
    }
    return out;
  };
  const stray = Array.isArray(root.stray) ? root.stray as Record<string, unknown>[] : [];
  return [...nodes, ...stray].filter((n) => n.type === "osd" || num(n.id, -1) >= 0).map((n) => ({
    id: num(n.id),
    crushWeight: num(n.crush_weight),
    status: String(n.status ?? "unknown"),
    reweight: num(n.reweight),
    deviceClass: typeof n.device_class === "string" ? n.device_class : null,
    host: hostOf.get(num(n.id)) ?? null,
    buckets: bucketsOf(num(n.id)),
  })).sort((a, b) => a.id - b.id);
}

/**
 * Parses `osd dump`.
 *
 * @param text Output.
 * @returns Flags, per-node flags and OSDs.
 * @throws {ParseError} On malformed input.
 */
export function parseOsdDump(text: string): OsdDump {
  const d = obj(parseJson(text, "osd dump"), "osd dump");
  const flags = Array.isArray(d.flags_set)
    ? (d.flags_set as unknown[]).map(String)
    : String(d.flags ?? "").split(",").filter(Boolean);
  const cnf: Record<string, string[]> = {};
  if (d.crush_node_flags && typeof d.crush_node_flags === "object") {
    for (const [k, v] of Object.entries(d.crush_node_flags as Record<string, unknown>)) {
      cnf[k] = Array.isArray(v) ? v.map(String) : [];
    }
  }
  const osds = (Array.isArray(d.osds) ? d.osds as Record<string, unknown>[] : []).map((o) => ({
    id: num(o.osd),
    uuid: String(o.uuid ?? ""),
    up: num(o.up) === 1,
    in: num(o.in) === 1,
    state: Array.isArray(o.state) ? (o.state as unknown[]).map(String) : [],
  }));
  const pools = Array.isArray(d.pools) ? d.pools as Record<string, unknown>[] : [];
  return {
    fsid: String(d.fsid ?? ""),
    epoch: num(d.epoch),
    flags,
    crushNodeFlags: cnf,
    osds,
    totalPgs: pools.reduce((a, p) => a + num(p.pg_num), 0),
  };
}

/**
 * Parses `osd safe-to-destroy --format json` (exit 0 even when not safe).
 *
 * @param text Output.
 * @returns The lists.
 * @throws {ParseError} On malformed input.
 */
export function parseSafeToDestroy(text: string): SafeToDestroy {
  const d = obj(parseJson(text, "osd safe-to-destroy"), "osd safe-to-destroy");
  if (!("safe_to_destroy" in d)) {
    throw new ParseError('Cannot parse osd safe-to-destroy: no "safe_to_destroy" field');
  }
  return {
    safe: ids(d.safe_to_destroy),
    active: ids(d.active),
    missingStats: ids(d.missing_stats),
    storedPgs: ids(d.stored_pgs),
  };
}

/**
 * Parses `pg stat --format json` (Pacific's `pg_summary` or Nautilus' top-level form).
 *
 * @param text Output.
 * @returns The summary.
 * @throws {ParseError} On malformed input.
 */
export function parsePgStat(text: string): PgStat {
  const d = obj(parseJson(text, "pg stat"), "pg stat");
  const s = d.pg_summary ? obj(d.pg_summary, "pg stat") : d;
  const list = Array.isArray(s.num_pg_by_state)
    ? s.num_pg_by_state as Record<string, unknown>[]
    : [];
  const byState: Record<string, number> = {};
  for (const e of list) byState[String(e.name)] = (byState[String(e.name)] ?? 0) + num(e.num);
  const entries = Object.entries(byState);
  return {
    numPgs: num(s.num_pgs, entries.reduce((a, [, n]) => a + n, 0)),
    byState,
    backfilling: entries.filter(([k]) => k.includes("backfill")).reduce((a, [, n]) => a + n, 0),
    activeClean: byState["active+clean"] ?? 0,
    numBytes: num(s.num_bytes),
  };
}

/**
 * Parses the mon `version` answer: JSON `{"version":"16.2.15",…}` or the plain text
 * `ceph version 16.2.15 (…) pacific (stable)`. Accepts every release (B-52).
 *
 * @param text Output.
 * @returns The version.
 * @throws {ParseError} When no version number is found.
 */
export function parseCephVersion(text: string): CephVersion {
  let v = text.trim();
  let release = "";
  if (v.startsWith("{")) {
    const d = obj(parseJson(v, "version"), "version");
    v = String(d.version ?? "");
    release = String(d.release ?? "");
  }
  const m = /(\d+)\.(\d+)\.(\d+)/.exec(v);
  if (!m) throw new ParseError(`Cannot parse the Ceph version from ${JSON.stringify(v)}`);
  if (!release) release = /\)\s+(\w+)\s+\(/.exec(v)?.[1] ?? "";
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), release };
}

/**
 * Parses `ceph-volume raw list [dev] --format json`.
 *
 * @param text Output.
 * @returns OSDs found.
 * @throws {ParseError} On malformed input.
 */
export function parseRawList(text: string): VolumeOsd[] {
  if (!text.trim()) return [];
  const d = obj(parseJson(text, "ceph-volume raw list"), "ceph-volume raw list");
  return Object.values(d).map((v) => {
    const o = obj(v, "ceph-volume raw list entry");
    const out: VolumeOsd = {
      osdId: num(o.osd_id),
      osdFsid: String(o.osd_uuid ?? ""),
      clusterFsid: String(o.ceph_fsid ?? ""),
      devices: [String(o.device ?? "")],
      mode: "raw",
    };
    if (typeof o.device_wal === "string") out.walDevice = o.device_wal;
    if (typeof o.device_db === "string") out.dbDevice = o.device_db;
    return out;
  }).sort((a, b) => a.osdId - b.osdId);
}

/**
 * Parses `ceph-volume lvm list [dev] --format json`: `{ "<id>": [ {type, tags, devices…} ] }`.
 *
 * @param text Output.
 * @returns One entry per OSD (its `block` LV), with WAL/DB devices from the tags.
 * @throws {ParseError} On malformed input.
 */
export function parseLvmList(text: string): VolumeOsd[] {
  if (!text.trim()) return [];
  const d = obj(parseJson(text, "ceph-volume lvm list"), "ceph-volume lvm list");
  const out: VolumeOsd[] = [];
  for (const [key, v] of Object.entries(d)) {
    const lvs = Array.isArray(v) ? v as Record<string, unknown>[] : [];
    const block = lvs.find((lv) => lv.type === "block") ?? lvs[0];
    if (!block) continue;
    const tags = (block.tags ?? {}) as Record<string, string>;
    const e: VolumeOsd = {
      osdId: num(tags["ceph.osd_id"], Number(key)),
      osdFsid: String(tags["ceph.osd_fsid"] ?? ""),
      clusterFsid: String(tags["ceph.cluster_fsid"] ?? ""),
      devices: Array.isArray(block.devices) ? (block.devices as unknown[]).map(String) : [],
      mode: "lvm",
    };
    if (tags["ceph.wal_device"]) e.walDevice = tags["ceph.wal_device"];
    if (tags["ceph.db_device"]) e.dbDevice = tags["ceph.db_device"];
    out.push(e);
  }
  return out.sort((a, b) => a.osdId - b.osdId);
}

/** One OSD's `osd metadata`, reduced to what finds its device. */
export interface OsdMetadata {
  /** OSD id. */
  id: number;
  /** Host the OSD last reported from. */
  hostname: string;
  /** Data device path (`bluestore_bdev_partition_path` / `_dev_node`), or null. */
  devicePath: string | null;
  /** `osd_objectstore`. */
  objectstore: string;
  /** Kernel names of its devices (`devices`, e.g. `["sdb"]`). */
  devices: string[];
  /** Device ids (`device_ids`, e.g. `["sdb=ATA_ST4000_Z1Z0ABCD"]`). */
  deviceIds: string[];
  /**
   * Dedicated BlueStore WAL partition (`bluefs_wal_partition_path`, else
   * `bluefs_wal_dev_node`), or null/absent when the WAL shares the data device.
   */
  walPath?: string | null;
  /** Dedicated BlueStore DB partition (`bluefs_db_partition_path` / `_dev_node`), or null. */
  dbPath?: string | null;
  /**
   * FileStore journal: `backend_filestore_journal_partition_path`, else the `osd_journal`
   * link path (resolve it on the host), or null.
   */
  journalPath?: string | null;
}

function devPath(o: Record<string, unknown>, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === "string" && v && v !== "unknown") return v;
  }
  return null;
}

function csv(v: unknown): string[] {
  return typeof v === "string" ? v.split(",").map((x) => x.trim()).filter((x) => x) : [];
}

/**
 * Parses `osd metadata` (one object, or an array for all OSDs) into id → device path,
 * hostname, device names, device ids and the dedicated WAL/DB/journal partitions.
 *
 * @param text Output.
 * @returns Entries.
 * @throws {ParseError} On malformed input.
 */
export function parseOsdMetadata(text: string): OsdMetadata[] {
  const d = parseJson(text, "osd metadata");
  const list = Array.isArray(d) ? d : [d];
  return list.map((m) => {
    const o = obj(m, "osd metadata");
    const dev = o.bluestore_bdev_partition_path ?? o.bluestore_bdev_dev_node ??
      o.backend_filestore_partition_path;
    return {
      id: num(o.id),
      hostname: String(o.hostname ?? ""),
      devicePath: typeof dev === "string" && dev ? dev : null,
      objectstore: String(o.osd_objectstore ?? ""),
      devices: csv(o.devices ?? o.bluestore_bdev_devices),
      deviceIds: csv(o.device_ids),
      walPath: o.bluefs_dedicated_wal !== "0"
        ? devPath(o, "bluefs_wal_partition_path", "bluefs_wal_dev_node")
        : null,
      dbPath: o.bluefs_dedicated_db !== "0"
        ? devPath(o, "bluefs_db_partition_path", "bluefs_db_dev_node")
        : null,
      journalPath: o.osd_objectstore === "filestore"
        ? devPath(o, "backend_filestore_journal_partition_path", "osd_journal")
        : null,
    };
  });
}

/**
 * Parses `pg ls-by-osd --format json` (Pacific `{pg_stats:[…]}` or Nautilus' bare array)
 * into the PG states.
 *
 * @param text Output.
 * @returns One state string per PG.
 * @throws {ParseError} On malformed input.
 */
export function parsePgLsStates(text: string): string[] {
  if (!text.trim()) return [];
  const d = parseJson(text, "pg ls-by-osd");
  const list = Array.isArray(d) ? d : (obj(d, "pg ls-by-osd").pg_stats ?? []);
  return (Array.isArray(list) ? list : []).map((p) => String((p as { state?: unknown }).state));
}
