/**
 * The detector's {@linkcode DiskManagerPort} over the API client: the local disk-manager's HTTPS API through
 * {@linkcode ApiClient}, with a timeout on every request and retries with back-off on
 * network errors, 5xx and 429 (B-23). Every mutating request names the disk's path AND
 * identity.
 *
 * @module
 */
import { ApiClient, ApiClientError } from "./client.ts";
import type { OperationStatusMsg, OpOutcomeResultMsg } from "./codec/messages.ts";
import { BynarError, errorMessage } from "../errors.ts";
import { type Clock, retry, SYSTEM_CLOCK } from "../shared/mod.ts";
import type {
  DiskManagerPort,
  ManagedDisk,
  OpStart,
  OpState,
  SafetyAnswer,
} from "../detect/types.ts";

/** The client calls the adapter makes (ApiClient in production, a double in tests). */
export type ManagerApi = Pick<
  ApiClient,
  "safeToRemove" | "remove" | "add" | "operation" | "operations"
>;

/** Slack allowed between the detector's request time and the operation's creation, ms. */
const ADOPT_SLACK_MS = 1000;

/** Options of {@linkcode HttpDiskManager}. */
export interface HttpDiskManagerOptions {
  /**
   * Attempts per call for retryable failures.
   * @default 3
   */
  attempts?: number;
  /**
   * First back-off, ms (doubled each retry).
   * @default 1000
   */
  backoffMs?: number;
  /**
   * Clock for the waits between attempts.
   * @default SYSTEM_CLOCK
   */
  clock?: Clock;
}

function retryable(err: unknown): boolean {
  if (!(err instanceof ApiClientError)) return false;
  return err.status === 0 || err.status === 429 || err.status >= 500;
}

function outcomeOf(m: OpOutcomeResultMsg): "Success" | "Skipped" | "SkipRepeat" {
  return m.outcome === "Skipped" || m.outcome === "SkipRepeat" ? m.outcome : "Success";
}

/** The stored OSD id, when known (else the backend finds it from the disk or the cluster). */
function osdOption(disk: ManagedDisk): { osdId?: number } {
  return disk.osdId != null ? { osdId: disk.osdId } : {};
}

function opState(s: OperationStatusMsg): OpState {
  const r = s.result;
  return {
    state: s.state,
    message: r?.error_msg ?? r?.message ?? s.message ?? s.step ?? "",
    osdId: r?.osd_id ?? null,
    outcome: r ? outcomeOf(r) : undefined,
  };
}

/** The disk-manager over HTTPS. */
export class HttpDiskManager implements DiskManagerPort {
  #api: ManagerApi;
  #attempts: number;
  #backoff: number;
  #clock: Clock;

  /**
   * Creates the adapter.
   *
   * @param api The API client.
   * @param options Retries and back-off.
   */
  constructor(api: ManagerApi, options: HttpDiskManagerOptions = {}) {
    this.#api = api;
    this.#attempts = Math.max(1, options.attempts ?? 3);
    this.#backoff = options.backoffMs ?? 1000;
    this.#clock = options.clock ?? SYSTEM_CLOCK;
  }

  async #retry<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await retry(fn, {
        attempts: this.#attempts,
        backoff: { baseMs: this.#backoff, maxMs: Infinity },
        isTransient: retryable,
        clock: this.#clock,
      });
    } catch (err) {
      if (err instanceof BynarError) throw err;
      throw new BynarError("manager_failed", `Cannot ${what}: ${errorMessage(err)}`, {
        cause: err,
      });
    }
  }

  /** @inheritdoc */
  async safeToRemove(disk: ManagedDisk): Promise<Omit<SafetyAnswer, "passId">> {
    const r = await this.#retry(
      `ask whether "${disk.path}" is safe to remove`,
      () => this.#api.safeToRemove(disk.path, disk.identity, osdOption(disk)),
    );
    if (r.result === "ERR") {
      return {
        outcome: "Error",
        safe: false,
        reason: r.error_msg ?? "error",
        osdId: disk.osdId ?? null,
      };
    }
    return {
      outcome: outcomeOf(r),
      safe: !!r.value,
      reason: r.message ?? "",
      osdId: r.osd_id ?? disk.osdId ?? null,
    };
  }

  async #mutate(kind: "remove" | "add", disk: ManagedDisk): Promise<OpStart> {
    const reply = await this.#retry(
      `${kind} "${disk.path}"`,
      () =>
        kind === "remove"
          ? this.#api.remove(disk.path, disk.identity, osdOption(disk))
          : this.#api.add(disk.path, disk.identity, osdOption(disk)),
    );
    if (reply.operation) return { kind: "started", opId: reply.operation.id };
    const r = reply.result;
    if (!r || r.result === "ERR") {
      throw new BynarError(
        "manager_failed",
        `Cannot ${kind} "${disk.path}": ${r?.error_msg ?? "the disk-manager gave no result"}`,
        { device: disk.path },
      );
    }
    return {
      kind: "done",
      outcome: outcomeOf(r),
      message: r.message ?? "",
      osdId: r.osd_id ?? null,
    };
  }

  /** @inheritdoc */
  remove(disk: ManagedDisk): Promise<OpStart> {
    return this.#mutate("remove", disk);
  }

  /** @inheritdoc */
  add(disk: ManagedDisk): Promise<OpStart> {
    return this.#mutate("add", disk);
  }

  /** @inheritdoc */
  async operation(opId: string): Promise<OpState> {
    try {
      return opState(await this.#retry(`read operation ${opId}`, () => this.#api.operation(opId)));
    } catch (err) {
      if (err instanceof ApiClientError && err.status === 404) {
        return { state: "MISSING", message: err.message, osdId: null };
      }
      throw err;
    }
  }

  /**
   * Finds the operation a crashed detector started for a disk (same kind and path,
   * created since the request was journaled, not a simulation), preferring one still
   * running, so it is adopted instead of sent again.
   *
   * @param kind `Remove` or `Add`.
   * @param options Device path and the time the request was journaled (ISO).
   * @returns The newest such operation's id, or null.
   * @throws {BynarError} When the disk-manager cannot be reached (after retries).
   */
  async findOperation(
    kind: "Remove" | "Add",
    options: { path: string; since: string },
  ): Promise<string | null> {
    const since = Date.parse(options.since) - ADOPT_SLACK_MS;
    const ops = (await this.#retry("list operations", () => this.#api.operations())).filter((
      o,
    ) =>
      o.op === kind && o.disk === options.path && !o.simulate &&
      Date.parse(o.created_at ?? "") >= since
    );
    const running = ops.find((o) => o.state === "PENDING" || o.state === "RUNNING");
    return (running ?? ops[0])?.id ?? null;
  }
}
