/**
 * A clock for tests: `sleep` records the wait and advances time at once.
 *
 * @module
 */
import type { RetryClock } from "../../src/tickets/clock.ts";

/** A fake clock that never really sleeps. */
export class FakeClock implements RetryClock {
  /** Current time, epoch ms. */
  t: number;
  /** Every wait asked for, in ms. */
  readonly sleeps: number[] = [];

  /**
   * Creates the clock.
   *
   * @param start Start time, epoch ms.
   */
  constructor(start = Date.parse("2026-11-25T12:00:00Z")) {
    this.t = start;
  }

  /** @returns The current fake time. */
  now(): number {
    return this.t;
  }

  /**
   * Records the wait and advances the time.
   *
   * @param ms Milliseconds.
   * @param signal Cancellation.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.sleeps.push(ms);
    this.t += ms;
    return Promise.resolve();
  }
}
