/**
 * The operation registry: one operation per disk at a time (a second request for a busy
 * disk gets 409), long operations run in the background and are polled by id.
 *
 * @module
 */
import { errorMessage } from "../../errors.ts";
import type { Progress } from "../../backend/types.ts";
import { ApiError } from "../problem.ts";
import type {
  OperationStateName,
  OperationStatusMsg,
  OpName,
  OpOutcomeResultMsg,
} from "../codec/messages.ts";

/** Persists operation records (SQLite in production; optional). */
export interface OperationStore {
  /**
   * Inserts or replaces a record.
   *
   * @param op The record.
   */
  save(op: OperationStatusMsg): void;
  /**
   * Loads the most recent records.
   *
   * @param limit How many.
   * @returns Records, newest first.
   */
  load(limit: number): OperationStatusMsg[];
}

/** Options of {@linkcode OperationRegistry}. */
export interface OperationRegistryOptions {
  /** Persistence. */
  store?: OperationStore;
  /** Clock in epoch ms. @default Date.now */
  now?: () => number;
  /** Id generator. @default crypto.randomUUID */
  newId?: () => string;
  /** Receives a line when a record cannot be persisted. @default console.error */
  log?: (line: string) => void;
  /**
   * Finished operations kept in memory.
   * @default 1000
   */
  keep?: number;
}

/** What starts an operation. */
export interface OperationInput {
  /** Remove or Add. */
  op: OpName;
  /** Device path. */
  disk: string;
  /** Keys that identify the disk (identity key and path); any of them busy → 409. */
  lockKeys: string[];
  /** Identity named by the client. */
  diskIdentity?: string;
  /** Simulate. */
  simulate: boolean;
  /** Token subject. */
  requestedBy: string;
  /** The id, when chosen before the start (e.g. written to the audit log first). */
  id?: string | undefined;
}

/** The work of an operation. */
export type OperationWork = (ctx: {
  onProgress: (p: Progress) => void;
  signal: AbortSignal;
}) => Promise<OpOutcomeResultMsg>;

/** A held per-disk lock. */
export interface DiskLease {
  /** Releases the lock (idempotent). */
  release(): void;
}

/** Registry of operations and per-disk locks. */
export class OperationRegistry {
  #ops = new Map<string, OperationStatusMsg>();
  #busy = new Map<string, string>();
  #running = new Set<Promise<void>>();
  #abort = new AbortController();
  #store: OperationStore | undefined;
  #now: () => number;
  #newId: () => string;
  #keep: number;
  #log: (line: string) => void;
  #closing = false;

  /**
   * Creates a registry; operations left running by a previous process (killed before it
   * could finish them) are marked FAILED with what is known: the step they were at, and
   * that the backend's journal resumes them on the next request for the same disk.
   *
   * @param options Store, clock, id generator.
   */
  constructor(options: OperationRegistryOptions = {}) {
    this.#store = options.store;
    this.#now = options.now ?? Date.now;
    this.#newId = options.newId ?? (() => crypto.randomUUID());
    this.#keep = options.keep ?? 1000;
    this.#log = options.log ?? ((l: string) => console.error(l));
    for (const op of (this.#store?.load(this.#keep) ?? []).reverse()) {
      if (op.state === "RUNNING" || op.state === "PENDING") {
        op.state = "FAILED";
        op.message = `interrupted: the disk-manager stopped while the operation ran` +
          (op.step ? ` (last step: ${op.step})` : "") +
          `; request ${op.op.toLowerCase()} of ${op.disk} again to resume from the ` +
          "backend's journal";
        op.result = { result: "ERR", error_msg: op.message, error_type: "interrupted" };
        op.updated_at = this.#iso();
        this.#save(op);
      }
      this.#ops.set(op.id, op);
    }
  }

  /** Persists a record; a store that fails is logged, never thrown into the operation. */
  #save(op: OperationStatusMsg): void {
    try {
      this.#store?.save(op);
    } catch (err) {
      this.#log(
        `operations: cannot persist operation ${op.id} (${op.state}): ${errorMessage(err)}`,
      );
    }
  }

  #iso(): string {
    return new Date(this.#now()).toISOString();
  }

  /**
   * Claims the disk for a short synchronous call.
   *
   * @param lockKeys Keys of the disk.
   * @param what Description, for the 409 message.
   * @returns The lease.
   * @throws {ApiError} 409 `disk_busy` when another operation holds the disk.
   */
  claim(lockKeys: string[], what: string): DiskLease {
    for (const k of lockKeys) {
      const holder = this.#busy.get(k);
      if (holder !== undefined) {
        throw new ApiError(
          409,
          "disk_busy",
          `Cannot start ${what}: operation ${holder} is still running on this disk; ` +
            `poll /v1/operations/${holder}`,
        );
      }
    }
    const tag = `sync:${this.#newId()}`;
    for (const k of lockKeys) this.#busy.set(k, tag);
    let done = false;
    return {
      release: () => {
        if (done) return;
        done = true;
        for (const k of lockKeys) if (this.#busy.get(k) === tag) this.#busy.delete(k);
      },
    };
  }

  /**
   * Starts an operation in the background and returns its record at once.
   *
   * @param input What and on which disk.
   * @param work The work.
   * @returns The new record (state RUNNING).
   * @throws {ApiError} 409 `disk_busy`; 503 `shutting_down` once {@linkcode close} began.
   */
  start(input: OperationInput, work: OperationWork): OperationStatusMsg {
    if (this.#closing) {
      throw new ApiError(
        503,
        "shutting_down",
        `Cannot start ${input.op} of ${input.disk}: the disk-manager is shutting down; retry`,
        { headers: { "retry-after": "10" } },
      );
    }
    const lease = this.claim(input.lockKeys, input.op);
    const id = input.id ?? this.#newId();
    for (const k of input.lockKeys) this.#busy.set(k, id);
    const t = this.#iso();
    const rec: OperationStatusMsg = {
      id,
      op: input.op,
      disk: input.disk,
      state: "RUNNING",
      simulate: input.simulate,
      created_at: t,
      updated_at: t,
      requested_by: input.requestedBy,
      ...(input.diskIdentity ? { disk_identity: input.diskIdentity } : {}),
    };
    this.#ops.set(id, rec);
    this.#trim();
    this.#save(rec);
    const onProgress = (p: Progress): void => {
      rec.step = p.step;
      rec.message = p.message;
      if (p.percent !== undefined) rec.percent = Math.max(0, Math.min(100, Math.round(p.percent)));
      rec.updated_at = this.#iso();
      this.#save(rec);
    };
    const finish = (state: OperationStateName, result: OpOutcomeResultMsg): void => {
      rec.state = state;
      rec.result = result;
      const message = result.message ?? result.error_msg;
      if (message !== undefined) rec.message = message;
      rec.updated_at = this.#iso();
      if (state === "SUCCEEDED") rec.percent = 100;
      this.#save(rec);
      for (const k of input.lockKeys) if (this.#busy.get(k) === id) this.#busy.delete(k);
      lease.release();
    };
    const p = (async () => {
      try {
        const result = await work({ onProgress, signal: this.#abort.signal });
        finish(result.result === "OK" ? "SUCCEEDED" : "FAILED", result);
      } catch (err) {
        const parked = this.#closing && this.#abort.signal.aborted;
        finish("FAILED", {
          result: "ERR",
          error_msg: parked
            ? `interrupted: the disk-manager shut down during ${input.op.toLowerCase()}` +
              (rec.step ? ` (at step ${rec.step})` : "") +
              ` and parked it at a journaled safe point (${errorMessage(err)}); request it ` +
              "again to resume"
            : errorMessage(err),
          ...(parked ? { error_type: "interrupted" } : {}),
        });
      }
    })();
    this.#running.add(p);
    p.finally(() => this.#running.delete(p));
    return rec;
  }

  /**
   * Returns an operation.
   *
   * @param id Operation id.
   * @returns The record, or undefined.
   */
  get(id: string): OperationStatusMsg | undefined {
    return this.#ops.get(id);
  }

  /**
   * Lists operations, newest first.
   *
   * @param limit Maximum number.
   * @returns The records.
   */
  list(limit = 100): OperationStatusMsg[] {
    return [...this.#ops.values()].reverse().slice(0, limit);
  }

  /** Number of running operations. */
  get runningCount(): number {
    return this.#running.size;
  }

  /**
   * Waits until no operation runs.
   *
   * @returns When idle.
   */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }

  /**
   * Refuses new operations, then gives running ones `graceMs` to finish on their own, then
   * aborts their waits (the backend stops at its next journaled safe point) and waits for
   * every one to end and be recorded. Idempotent: every call waits for the same end.
   *
   * @param options Grace before aborting, ms (default 0).
   * @returns When every operation ended.
   */
  close(options: { graceMs?: number } = {}): Promise<void> {
    this.#closed ??= (async () => {
      this.#closing = true;
      const grace = options.graceMs ?? 0;
      if (grace > 0 && this.#running.size > 0) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([
          this.idle(),
          new Promise<void>((r) => (timer = setTimeout(r, grace))),
        ]);
        clearTimeout(timer);
      }
      this.#abort.abort(new Error("the disk-manager is shutting down"));
      await this.idle();
    })();
    return this.#closed;
  }
  #closed: Promise<void> | undefined;

  #trim(): void {
    if (this.#ops.size <= this.#keep) return;
    for (const [id, op] of this.#ops) {
      if (this.#ops.size <= this.#keep) break;
      if (op.state !== "RUNNING" && op.state !== "PENDING") this.#ops.delete(id);
    }
  }
}
