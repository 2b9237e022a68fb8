/**
 * SQLite repository of part workflows (issue 19): every change is saved with a journal
 * line before the side effect it announces.
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import type { PartWorkflow } from "../hardware/workflow.ts";
import type { KnownSlot } from "../hardware/policy.ts";
import { transaction } from "./db.ts";

/** Part workflows in SQLite. */
export class HardwareRepo {
  #db: DatabaseSync;

  /**
   * Wraps an open, migrated database.
   *
   * @param db The database.
   */
  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  #rows(sql: string, ...args: (string | number)[]): PartWorkflow[] {
    const rows = this.#db.prepare(sql).all(...args) as { id: number; doc: string }[];
    return rows.map((r) => ({ ...JSON.parse(r.doc), id: r.id }));
  }

  /** @returns Active workflows, oldest first. */
  listActive(): PartWorkflow[] {
    return this.#rows("SELECT id, doc FROM hardware_workflows WHERE active = 1 ORDER BY id");
  }

  /**
   * @param slot The slot.
   * @returns Its workflows, newest first.
   */
  bySlot(slot: string): PartWorkflow[] {
    return this.#rows(
      "SELECT id, doc FROM hardware_workflows WHERE slot = ? ORDER BY id DESC",
      slot,
    );
  }

  /** @returns Every workflow, newest first. */
  list(): PartWorkflow[] {
    return this.#rows("SELECT id, doc FROM hardware_workflows ORDER BY id DESC");
  }

  /**
   * Stores a new workflow.
   *
   * @param wf The workflow (id ignored).
   * @returns It, with its id.
   */
  create(wf: PartWorkflow): PartWorkflow {
    return transaction(this.#db, () => {
      const r = this.#db.prepare(
        "INSERT INTO hardware_workflows (slot, serial, active, doc, created_at, updated_at) " +
          "VALUES (?, ?, ?, '{}', ?, ?)",
      ).run(wf.slot, wf.serial, wf.active ? 1 : 0, wf.createdAt, wf.updatedAt);
      const stored = { ...wf, id: Number(r.lastInsertRowid) };
      this.#db.prepare("UPDATE hardware_workflows SET doc = ? WHERE id = ?")
        .run(JSON.stringify(stored), stored.id);
      this.#journal(stored, `opened: ${wf.reasons.join("; ")}`);
      return stored;
    });
  }

  /**
   * Saves a workflow with a journal line, in one transaction.
   *
   * @param wf The workflow.
   * @param note What changed.
   */
  save(wf: PartWorkflow, note: string): void {
    transaction(this.#db, () => {
      this.#db.prepare(
        "UPDATE hardware_workflows SET active = ?, doc = ?, updated_at = ? WHERE id = ?",
      ).run(wf.active ? 1 : 0, JSON.stringify(wf), wf.updatedAt, wf.id);
      this.#journal(wf, note);
    });
  }

  /**
   * @param id Workflow id.
   * @returns Its journal, oldest first.
   */
  journal(id: number): { at: string; step: string; note: string }[] {
    return this.#db.prepare(
      "SELECT at, step, note FROM hardware_journal WHERE workflow_id = ? ORDER BY id",
    ).all(id) as { at: string; step: string; note: string }[];
  }

  /** @returns Slots where a part was seen present, with its serial. */
  knownSlots(): KnownSlot[] {
    return (this.#db.prepare("SELECT slot, serial, last_seen FROM hardware_slots ORDER BY slot")
      .all() as { slot: string; serial: string | null; last_seen: string }[])
      .map((r) => ({ slot: r.slot, serialNumber: r.serial, lastSeen: r.last_seen }));
  }

  /**
   * Records the parts present in a complete BMC walk.
   *
   * @param parts Present parts (slot and serial).
   * @param now When.
   */
  recordSeen(parts: { slot: string; serialNumber: string | null }[], now: Date): void {
    transaction(this.#db, () => {
      const up = this.#db.prepare(
        "INSERT INTO hardware_slots (slot, serial, last_seen) VALUES (?, ?, ?) " +
          "ON CONFLICT (slot) DO UPDATE SET serial = excluded.serial, last_seen = excluded.last_seen",
      );
      for (const p of parts) up.run(p.slot, p.serialNumber, now.toISOString());
    });
  }

  #journal(wf: PartWorkflow, note: string): void {
    this.#db.prepare(
      "INSERT INTO hardware_journal (workflow_id, at, step, note) VALUES (?, ?, ?, ?)",
    )
      .run(wf.id, wf.updatedAt, wf.step, note);
  }
}
