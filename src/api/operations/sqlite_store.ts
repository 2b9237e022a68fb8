/**
 * SQLite persistence of API operations (table `api_operations`, migration 0004).
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import type { OperationStatusMsg } from "../codec/messages.ts";
import type { OperationStore } from "./registry.ts";

/**
 * Creates an operation store on an open, migrated database.
 *
 * @param db The database.
 * @returns The store.
 */
export function sqliteOperationStore(db: DatabaseSync): OperationStore {
  const upsert = db.prepare(
    `INSERT INTO api_operations (id, op, disk, disk_identity, state, created_at, updated_at,
       requested_by, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at,
       record = excluded.record`,
  );
  const select = db.prepare(
    "SELECT record FROM api_operations ORDER BY created_at DESC, rowid DESC LIMIT ?",
  );
  return {
    save(op: OperationStatusMsg): void {
      upsert.run(
        op.id,
        op.op,
        op.disk,
        op.disk_identity ?? null,
        op.state,
        op.created_at ?? new Date().toISOString(),
        op.updated_at ?? new Date().toISOString(),
        op.requested_by ?? null,
        JSON.stringify(op),
      );
    },
    load(limit: number): OperationStatusMsg[] {
      return select.all(limit).map((r) => JSON.parse(String(r.record)) as OperationStatusMsg);
    },
  };
}
