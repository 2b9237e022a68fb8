/**
 * An in-memory {@linkcode DetectStore} (unit tests).
 *
 * @module
 */
import type { DetectStore, Workflow } from "../../src/detect/types.ts";

/** Workflows in memory, with the journal of every save. */
export class MemoryDetectStore implements DetectStore {
  #rows = new Map<number, Workflow>();
  #next = 1;
  /** Every journaled event, in order. */
  readonly events: { id: number; step: string; event: string; at: string }[] = [];

  /** @inheritdoc */
  listActive(): Workflow[] {
    return [...this.#rows.values()].filter((w) => w.status === "active").map((w) => ({ ...w }));
  }

  /** @inheritdoc */
  latest(diskKey: string): Workflow | null {
    const all = [...this.#rows.values()].filter((w) => w.diskKey === diskKey);
    const last = all.sort((a, b) => b.attempt - a.attempt)[0];
    return last ? { ...last } : null;
  }

  /** @inheritdoc */
  create(wf: Omit<Workflow, "id" | "attempt">): Workflow {
    if (this.listActive().some((w) => w.diskKey === wf.diskKey)) {
      throw new Error(`Cannot open a workflow for ${wf.diskKey}: one is active`);
    }
    const attempt = (this.latest(wf.diskKey)?.attempt ?? 0) + 1;
    const full = { ...wf, id: this.#next++, attempt } as Workflow;
    this.#rows.set(full.id, full);
    this.events.push({ id: full.id, step: full.step, event: "opened", at: full.updatedAt });
    return { ...full };
  }

  /** @inheritdoc */
  save(wf: Workflow, event: string): void {
    this.#rows.set(wf.id, { ...wf });
    this.events.push({ id: wf.id, step: wf.step, event, at: wf.updatedAt });
  }

  /** @inheritdoc */
  stepSince(id: number): string | null {
    const mine = this.events.filter((e) => e.id === id);
    const step = mine.at(-1)?.step;
    let since: string | null = null;
    for (const e of mine) since = e.step === step ? since ?? e.at : null;
    return since;
  }

  /** @inheritdoc */
  get(id: number): Workflow | null {
    const w = this.#rows.get(id);
    return w ? { ...w } : null;
  }
}
