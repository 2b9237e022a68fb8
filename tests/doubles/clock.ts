/**
 * The one test clock: time moves only when told to, and `sleep` records the wait and
 * advances time at once (no test really sleeps).
 *
 * @module
 */
import type { Clock } from "../../src/shared/clock.ts";

/** A manual {@linkcode Clock}. */
export class ManualClock implements Clock {
  /** Current time, epoch ms. */
  t: number;
  /** Every wait asked for, in ms, in order. */
  readonly sleeps: number[] = [];

  /**
   * Creates the clock.
   *
   * @param start Start time, epoch ms.
   */
  constructor(start: number = Date.parse("2026-11-25T10:00:00Z")) {
    this.t = start;
  }

  /** @returns The current manual time, epoch ms. */
  now(): number {
    return this.t;
  }

  /**
   * Records the wait and advances the time.
   *
   * @param ms Milliseconds.
   * @param signal Cancellation (an aborted signal rejects with its reason).
   * @returns A resolved promise.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.sleeps.push(ms);
    this.t += Math.max(0, ms);
    return Promise.resolve();
  }

  /**
   * Moves time forward without recording a wait.
   *
   * @param ms Milliseconds.
   */
  advance(ms: number): void {
    this.t += ms;
  }
}
