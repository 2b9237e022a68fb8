/**
 * An in-memory {@linkcode MachineStore}: unit tests, and the write-nothing overlay used by
 * simulate runs (reads fall through to the real store, writes stay in memory).
 *
 * @module
 */
import type { IntentRecord, MachineDiskRecord, MachineStore, TransitionRecord } from "./ports.ts";
import type { DiskState } from "./states.ts";

/** A store in memory, optionally layered over a read-only base store. */
export class MemoryMachineStore implements MachineStore {
  #base: MachineStore | null;
  #disks = new Map<string, MachineDiskRecord>();
  #transitions: TransitionRecord[] = [];
  #intents: IntentRecord[] = [];
  #nextIntent = 1;

  /**
   * Creates the store.
   *
   * @param base A store read through but never written (simulate), or null.
   */
  constructor(base: MachineStore | null = null) {
    this.#base = base;
  }

  /** Transitions recorded in memory, oldest first. */
  get transitions(): readonly TransitionRecord[] {
    return this.#transitions;
  }

  /** @inheritdoc */
  getDisk(diskKey: string): MachineDiskRecord | null {
    const own = this.#disks.get(diskKey);
    if (own) return { ...own };
    const b = this.#base?.getDisk(diskKey) ?? null;
    return b ? { ...b } : null;
  }

  /** @inheritdoc */
  listDisks(): MachineDiskRecord[] {
    const all = new Map<string, MachineDiskRecord>();
    for (const d of this.#base?.listDisks() ?? []) all.set(d.diskKey, d);
    for (const [k, d] of this.#disks) all.set(k, d);
    return [...all.values()].map((d) => ({ ...d })).sort((a, b) =>
      a.path === b.path ? a.diskKey.localeCompare(b.diskKey) : a.path.localeCompare(b.path)
    );
  }

  /** @inheritdoc */
  putDisk(record: MachineDiskRecord): void {
    this.#disks.set(record.diskKey, { ...record });
  }

  /** @inheritdoc */
  recordTransition(transition: TransitionRecord, record: MachineDiskRecord): void {
    this.putDisk(record);
    this.#transitions.push({ ...transition });
  }

  /** @inheritdoc */
  countTransitions(diskKey: string, options: { to: DiskState; since: string }): number {
    const own =
      this.#transitions.filter((t) =>
        t.diskKey === diskKey && t.to === options.to && t.at >= options.since
      ).length;
    return own + (this.#base?.countTransitions(diskKey, options) ?? 0);
  }

  /** @inheritdoc */
  addIntent(intent: Omit<IntentRecord, "id">): number {
    const id = this.#nextIntent++;
    this.#intents.push({ ...intent, id });
    return id;
  }

  /** @inheritdoc */
  removeIntent(id: number): void {
    this.#intents = this.#intents.filter((i) => i.id !== id);
  }

  /** @inheritdoc */
  listIntents(): IntentRecord[] {
    return this.#intents.map((i) => ({ ...i }));
  }
}
