/**
 * Time for retries and back-off, injected so tests never really sleep.
 *
 * @module
 */

/** A clock that can wait. */
export interface RetryClock {
  /** Current time, epoch milliseconds. */
  now(): number;
  /**
   * Waits.
   *
   * @param ms Milliseconds to wait.
   * @param signal Cancels the wait (rejects with the signal's reason).
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * Waits for `ms` milliseconds unless `signal` aborts first.
 *
 * @param ms Milliseconds.
 * @param signal Cancellation.
 * @returns A promise resolved after the wait.
 * @throws {unknown} The signal's reason when aborted.
 */
export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The wall clock. */
export const SYSTEM_CLOCK: RetryClock = { now: () => Date.now(), sleep: realSleep };

/**
 * Parses an HTTP `Retry-After` value (delay-seconds or an HTTP date).
 *
 * @param value The header value, or null.
 * @param now Current time, epoch ms.
 * @returns Milliseconds to wait (≥ 0), or null when absent or unparsable.
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  // An HTTP date names a month; "-5" or "2026" would otherwise parse as years.
  if (!/[a-z]{3}/i.test(v)) return null;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/**
 * Exponential back-off with a cap: 1 s, 2 s, 4 s … for attempts 1, 2, 3 ….
 *
 * @param attempt The attempt that failed (1-based).
 * @param options Base and cap.
 * @returns Milliseconds to wait.
 */
export function backoffMs(
  attempt: number,
  options: { baseMs?: number; maxMs?: number } = {},
): number {
  const base = options.baseMs ?? 1000;
  const max = options.maxMs ?? 30_000;
  return Math.min(max, base * 2 ** Math.max(0, attempt - 1));
}
