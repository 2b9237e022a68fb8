/**
 * The one clock of Bynar: the current time and an abortable wait, injected everywhere time
 * matters so tests never really sleep (a manual clock in tests/doubles/clock.ts).
 *
 * @module
 */

/** Time source: now, and a wait that an abort signal cancels. */
export interface Clock {
  /**
   * The current time.
   *
   * @returns Milliseconds since the epoch.
   */
  now(): number;
  /**
   * Waits.
   *
   * @param ms Milliseconds to wait (≤ 0 waits for the next macrotask only).
   * @param signal Cancels the wait: the promise then rejects with `signal.reason`.
   * @returns A promise resolved after the wait.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * Waits for `ms` milliseconds unless `signal` aborts first. The timer is cleared on abort,
 * so an aborted wait never keeps the process alive.
 *
 * @param ms Milliseconds (negative counts as 0).
 * @param signal Cancellation.
 * @returns A promise resolved after the wait.
 * @throws {unknown} The signal's reason when it aborts (also when it is already aborted).
 */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
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

/** The wall clock ({@linkcode Date.now} and {@linkcode abortableSleep}). */
export const SYSTEM_CLOCK: Clock = { now: () => Date.now(), sleep: abortableSleep };

/**
 * The clock's time as a `Date` (for ISO timestamps and calendar decisions).
 *
 * @param clock The clock.
 * @returns A new `Date` of `clock.now()`.
 */
export function nowDate(clock: Clock): Date {
  return new Date(clock.now());
}
