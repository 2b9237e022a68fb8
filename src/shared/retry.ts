/**
 * The one retry loop: attempts and/or a deadline, {@linkcode backoffMs} between attempts
 * (or a wait the failure names, e.g. HTTP `Retry-After`), a classifier deciding which
 * failures are worth another attempt, an abort signal, and an injected {@linkcode Clock}.
 *
 * ```ts
 * // A Ceph command answering EAGAIN: up to 5 attempts within 30 s, 0.5 s, 1 s, 2 s … apart.
 * const out = await retry(() => api.send(cmd), {
 *   attempts: 5,
 *   deadlineMs: 30_000,
 *   backoff: { baseMs: 500, maxMs: 5000 },
 *   isTransient: (err) => err instanceof FfiError && err.errno === "EAGAIN",
 *   signal,
 * });
 * ```
 *
 * @module
 */
import { backoffMs, type BackoffOptions } from "./backoff.ts";
import { type Clock, SYSTEM_CLOCK } from "./clock.ts";

/** One failed attempt that will be retried (passed to {@linkcode RetryOptions.onRetry}). */
export interface RetryEvent {
  /** The attempt that failed, 1-based. */
  attempt: number;
  /** What it threw. */
  error: unknown;
  /** The wait before the next attempt, ms. */
  delayMs: number;
  /** Time since the first attempt started, ms. */
  elapsedMs: number;
}

/** Options of {@linkcode retry}. */
export interface RetryOptions {
  /**
   * Most attempts in all (the first one included); values below 1 count as 1.
   * @default 3, or unlimited when `deadlineMs` is given
   */
  attempts?: number | undefined;
  /**
   * Time budget from the start of the first attempt, ms: no wait is started that would end
   * past it (the last failure is thrown instead). An attempt in flight is not cut short —
   * give `fn` its own timeout for that.
   */
  deadlineMs?: number | undefined;
  /** The back-off between attempts ({@linkcode backoffMs}; defaults 1 s doubling to 30 s). */
  backoff?: BackoffOptions | undefined;
  /**
   * Whether a failure is worth another attempt (e.g. a network error, HTTP 5xx/429, EAGAIN).
   * A failure it rejects is thrown at once.
   * @default every failure is transient
   */
  isTransient?: ((error: unknown, attempt: number) => boolean) | undefined;
  /**
   * A wait named by the failure itself (e.g. `Retry-After`), ms; null/undefined uses the
   * back-off. Cap it here if the server's word must be bounded.
   */
  delayMs?: ((error: unknown, attempt: number) => number | null | undefined) | undefined;
  /** The clock that measures the deadline and sleeps. @default SYSTEM_CLOCK */
  clock?: Clock | undefined;
  /**
   * Cancels: checked before every attempt, and it interrupts the wait (the promise then
   * rejects with `signal.reason`). A failure while the signal is aborted is thrown as is.
   */
  signal?: AbortSignal | undefined;
  /** Called before every wait (for logging and progress). */
  onRetry?: ((event: RetryEvent) => void) | undefined;
}

/**
 * Runs `fn` until it succeeds, retrying transient failures with back-off.
 *
 * It gives up, rethrowing the LAST failure unchanged (so callers keep their typed errors and
 * add context themselves), when: the failure is not transient, the attempts are used up, the
 * next wait would pass the deadline, or the signal aborted.
 *
 * @param fn The operation; receives the attempt number (1-based).
 * @param options Attempts, deadline, back-off, classifier, clock, signal, progress hook.
 * @returns What `fn` returned on its first success.
 * @throws {unknown} The last failure of `fn`, or `signal.reason` when aborted.
 */
export async function retry<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const maxAttempts = Math.max(
    1,
    options.attempts ?? (options.deadlineMs === undefined ? 3 : Infinity),
  );
  const start = clock.now();
  for (let attempt = 1;; attempt++) {
    options.signal?.throwIfAborted();
    try {
      return await fn(attempt);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      if (attempt >= maxAttempts) throw error;
      if (options.isTransient && !options.isTransient(error, attempt)) throw error;
      const named = options.delayMs?.(error, attempt);
      const delayMs = Math.max(0, named ?? backoffMs(attempt, options.backoff));
      const elapsedMs = clock.now() - start;
      if (options.deadlineMs !== undefined && elapsedMs + delayMs > options.deadlineMs) {
        throw error;
      }
      options.onRetry?.({ attempt, error, delayMs, elapsedMs });
      if (delayMs > 0) await clock.sleep(delayMs, options.signal);
    }
  }
}
