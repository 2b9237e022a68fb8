/**
 * The ONE policy for transient Ceph answers: what counts as "not yet" (a pure classifier),
 * and retrying it with back-off within a deadline. A transient answer is the cluster saying
 * it cannot answer right now — the mgr's PG map has PGs in "unknown" state for a moment
 * after `osd out` or a new pool (`(11) EAGAIN: N pgs have unknown state; cannot draw any
 * conclusions`), a mon election (`ETIMEDOUT` of a mon command, "no quorum") — never a
 * refusal. Every Ceph query and command of the backend goes through
 * {@linkcode TransientRetryingClusterApi}; polling waits ({@linkcode pollUntil}) count a
 * transient answer as "not done yet" with the same classifier.
 *
 * @module
 */
import type { ClusterCommand } from "./commands.ts";
import type { CephClusterApi } from "./cluster_api.ts";
import type { KeyStore } from "./lease.ts";
import type { CephVersion, OsdDump, OsdMetadata, PgStat, SafeToDestroy, TreeOsd } from "./parse.ts";
import { type Clock, retry, SYSTEM_CLOCK } from "../../shared/mod.ts";

/** errno values that mean "ask again": EINTR, EAGAIN, ENOTCONN, ETIMEDOUT. */
const TRANSIENT_ERRNO: Readonly<Record<number, string>> = {
  4: "EINTR",
  11: "EAGAIN",
  107: "ENOTCONN",
  110: "ETIMEDOUT",
};

/** Messages that mean "not yet", whatever the errno. */
const TRANSIENT_TEXT =
  /pgs? (have|has) unknown state|cannot draw any conclusions|election|no quorum|try again|not yet available/i;

/** EAGAIN answers that are facts, not "not yet" (a down OSD is in no PG's acting set). */
const PERMANENT_EAGAIN = /is not up|does not exist/i;

/**
 * Why a Ceph failure is transient, or null when it is not (a refusal, a parse error, a
 * missing OSD). Pure: it reads only the error's `errno` (positive number or `EAGAIN`-style
 * name), `clusterMessage` and `message`.
 *
 * @param error What a Ceph call threw.
 * @returns A short reason (`EAGAIN: 8 pgs have unknown state; …`), or null.
 */
export function transientCephReason(error: unknown): string | null {
  if (error === null || typeof error !== "object") return null;
  const e = error as { errno?: unknown; clusterMessage?: unknown; message?: unknown };
  const said = String(e.clusterMessage ?? "").trim() || String(e.message ?? "").trim();
  const name = typeof e.errno === "number"
    ? TRANSIENT_ERRNO[e.errno]
    : typeof e.errno === "string" && Object.values(TRANSIENT_ERRNO).includes(e.errno)
    ? e.errno
    : undefined;
  if (name === "EAGAIN" && PERMANENT_EAGAIN.test(said)) return null;
  if (name) return `${name}: ${said || "no message"}`;
  if (TRANSIENT_TEXT.test(said)) return said;
  return null;
}

/**
 * Whether a Ceph failure is transient (see {@linkcode transientCephReason}). Fits the
 * `isTransient` option of a retry helper.
 *
 * @param error What a Ceph call threw.
 * @returns True when the call should be asked again.
 */
export function isTransientCephError(error: unknown): boolean {
  return transientCephReason(error) !== null;
}

/** Options of {@linkcode retryTransient}. */
export interface RetryTransientOptions {
  /** What is asked (for the log). */
  what: string;
  /** Give up (rethrowing the last transient failure) after this many ms. */
  deadlineMs: number;
  /** Clock. @default SYSTEM_CLOCK */
  clock?: Clock | undefined;
  /** Abort signal. */
  signal?: AbortSignal | undefined;
  /** Called before every retry with the reason. */
  onRetry?: ((what: string, reason: string, attempt: number) => void) | undefined;
}

/**
 * Runs a Ceph call, asking again after transient answers (back-off 0.5 s ×1.5 up to 5 s)
 * until it answers or the deadline passes (the shared {@linkcode retry} loop with the Ceph
 * classifier). A non-transient failure is thrown at once.
 *
 * @param fn The call.
 * @param options Deadline, clock, signal, retry hook.
 * @returns The call's answer.
 * @throws {unknown} A non-transient failure at once; the last transient one after the deadline.
 */
export function retryTransient<T>(
  fn: () => Promise<T>,
  options: RetryTransientOptions,
): Promise<T> {
  return retry(() => fn(), {
    deadlineMs: options.deadlineMs,
    backoff: { baseMs: 500, factor: 1.5, maxMs: 5000 },
    isTransient: isTransientCephError,
    clock: options.clock ?? SYSTEM_CLOCK,
    signal: options.signal,
    onRetry: (e) => options.onRetry?.(options.what, transientCephReason(e.error) ?? "", e.attempt),
  });
}

/** Options of {@linkcode TransientRetryingClusterApi}. */
export interface TransientRetryOptions {
  /**
   * Longest time one call keeps asking again, ms.
   * @default 60000
   */
  deadlineMs?: number;
  /** Clock. @default SYSTEM_CLOCK */
  clock?: Clock;
  /** Told about every retry (the disk-manager log). */
  onRetry?: (what: string, reason: string, attempt: number) => void;
}

/**
 * A {@linkcode CephClusterApi} that asks again after transient answers: every query and
 * command (all are idempotent: `osd out` of an out OSD, `destroy` of a destroyed one, flags
 * already set) within one deadline per call.
 */
export class TransientRetryingClusterApi implements CephClusterApi {
  #api: CephClusterApi;
  #o: Required<Omit<TransientRetryOptions, "onRetry">> & Pick<TransientRetryOptions, "onRetry">;

  /**
   * Wraps an API.
   *
   * @param api The cluster API.
   * @param options Deadline per call, clock, retry hook.
   */
  constructor(api: CephClusterApi, options: TransientRetryOptions = {}) {
    this.#api = api;
    this.#o = {
      deadlineMs: options.deadlineMs ?? 60_000,
      clock: options.clock ?? SYSTEM_CLOCK,
      ...(options.onRetry ? { onRetry: options.onRetry } : {}),
    };
  }

  #retry<T>(what: string, fn: () => Promise<T>): Promise<T> {
    return retryTransient(fn, {
      what,
      deadlineMs: this.#o.deadlineMs,
      clock: this.#o.clock,
      onRetry: this.#o.onRetry,
    });
  }

  /** config-key access for leases (not retried: the lease has its own checks). */
  get keys(): KeyStore {
    return this.#api.keys;
  }

  /** @returns The fsid. */
  fsid(): string {
    return this.#api.fsid();
  }

  /** @returns The version. */
  version(): Promise<CephVersion> {
    return this.#retry("version", () => this.#api.version());
  }

  /** @returns `osd dump`. */
  osdDump(): Promise<OsdDump> {
    return this.#retry("osd dump", () => this.#api.osdDump());
  }

  /** @returns `osd tree`. */
  osdTree(): Promise<TreeOsd[]> {
    return this.#retry("osd tree", () => this.#api.osdTree());
  }

  /** @returns `pg stat`. */
  pgStat(): Promise<PgStat> {
    return this.#retry("pg stat", () => this.#api.pgStat());
  }

  /**
   * @param id OSD id.
   * @returns `osd safe-to-destroy`.
   */
  safeToDestroy(id: number): Promise<SafeToDestroy> {
    return this.#retry(`osd safe-to-destroy ${id}`, () => this.#api.safeToDestroy(id));
  }

  /**
   * @param id OSD id.
   * @returns PG states on it.
   */
  pgsOnOsd(id: number): Promise<string[]> {
    return this.#retry(`pg ls-by-osd ${id}`, () => this.#api.pgsOnOsd(id));
  }

  /**
   * @param ids OSD ids, stopped together.
   * @returns `osd ok-to-stop`.
   */
  okToStop(ids: readonly number[]): Promise<{ ok: boolean; reason: string }> {
    return this.#retry(`osd ok-to-stop ${ids.join(" ")}`, () => this.#api.okToStop(ids));
  }

  /** @returns `osd metadata`. */
  osdMetadata(): Promise<OsdMetadata[]> {
    return this.#retry("osd metadata", () => this.#api.osdMetadata());
  }

  /** @returns Health status. */
  health(): Promise<string> {
    return this.#retry("health", () => this.#api.health());
  }

  /** @returns Pool names. */
  pools(): Promise<string[]> {
    return this.#retry("osd pool ls", () => this.#api.pools());
  }

  /**
   * @param command The command.
   * @returns Its status string.
   */
  send(command: ClusterCommand): Promise<string> {
    return this.#retry(String(command.cmd.prefix ?? "command"), () => this.#api.send(command));
  }

  /**
   * @param id OSD id.
   * @returns Status string.
   */
  destroy(id: number): Promise<string> {
    return this.#retry(`osd destroy ${id}`, () => this.#api.destroy(id));
  }

  /**
   * @param option Option.
   * @returns Value.
   */
  confGet(option: string): string {
    return this.#api.confGet(option);
  }

  /**
   * @param pool Pool.
   * @param samples Writes.
   * @returns Median ms.
   */
  probeLatency(pool: string, samples?: number): Promise<number> {
    return this.#retry(`latency probe ${pool}`, () => this.#api.probeLatency(pool, samples));
  }
}
