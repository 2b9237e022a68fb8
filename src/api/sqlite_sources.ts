/**
 * Read-only lookups the API makes in Bynar's SQLite database: a disk's state (the state
 * machine's `machine_disks.state`, else the last check verdict).
 *
 * @module
 */
import type { DatabaseSync, StatementSync } from "node:sqlite";
import type { DiskStateLookup, SeenAtLookup, SeenIdentity } from "./types.ts";

function tryPrepare(db: DatabaseSync, sql: string): StatementSync | null {
  try {
    return db.prepare(sql);
  } catch {
    return null; // table not there (older schema): no data, not an error
  }
}

/**
 * Builds a disk-state lookup on an open database.
 *
 * @param db The database.
 * @returns The lookup (null when the disk is unknown).
 */
export function sqliteStateLookup(db: DatabaseSync): DiskStateLookup {
  const machine = tryPrepare(db, "SELECT state FROM machine_disks WHERE disk_key = ?");
  const check = tryPrepare(
    db,
    "SELECT verdict FROM check_results WHERE disk_key = ? ORDER BY checked_at DESC LIMIT 1",
  );
  return (key: string): string | null => {
    const m = machine?.get(key) as { state?: string } | undefined;
    if (m?.state) return m.state;
    const c = check?.get(key) as { verdict?: string } | undefined;
    return c?.verdict ?? null;
  };
}

/**
 * Builds the lookup of the disks this host saw at a path: `bynar --check`'s records
 * (`disks`) AND the detector's observations (`machine_disks`, the same inventory and
 * history the detector's workflows name), so a replacement Bynar added itself — which only
 * the detector has seen — is known when it fails in turn (a second, third … failure in
 * one slot).
 *
 * @param db The database.
 * @returns The lookup (empty when the path or both tables are unknown).
 */
export function sqliteSeenAt(db: DatabaseSync): SeenAtLookup {
  const checked = tryPrepare(
    db,
    "SELECT disk_key, serial, wwn FROM disks WHERE path = ? OR by_id_path = ?",
  );
  const observed = tryPrepare(
    db,
    "SELECT disk_key, serial FROM machine_disks WHERE path = ?",
  );
  return (path: string): SeenIdentity[] => {
    const out = new Map<string, SeenIdentity>();
    const rows = (checked?.all(path, path) ?? []) as {
      disk_key: string;
      serial: string | null;
      wwn: string | null;
    }[];
    for (const r of rows) out.set(r.disk_key, { key: r.disk_key, serial: r.serial, wwn: r.wwn });
    const seen = (observed?.all(path) ?? []) as { disk_key: string; serial: string | null }[];
    for (const r of seen) {
      if (!out.has(r.disk_key)) {
        out.set(r.disk_key, { key: r.disk_key, serial: r.serial, wwn: null });
      }
    }
    return [...out.values()];
  };
}
