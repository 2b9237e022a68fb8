/**
 * Waiting for the cluster: poll with exponential back-off and a deadline, report progress,
 * honour an abort signal, never busy-loop (B-67, B-69). Time comes from an injected clock.
 *
 * @module
 */
import { BynarError } from "../../errors.ts";

/** Time source. */
export interface Clock {
  /**
   * Milliseconds since the epoch.
   *
   * @returns Now.
   */
  now(): number;
  /**
   * Sleeps (rejects when the signal aborts).
   *
   * @param ms Milliseconds.
   * @param signal Abort signal.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock. */
export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const t = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      const onAbort = (): void => {
        clearTimeout(t);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

/** A wait ran past its deadline. */
export class WaitTimeoutError extends BynarError {
  /**
   * Creates the error.
   *
   * @param message What was awaited and the last observed state.
   */
  constructor(message: string) {
    super("wait_timeout", message);
    this.name = "WaitTimeoutError";
  }
}

/** Options of {@linkcode pollUntil}. */
export interface PollOptions {
  /** What is awaited (for messages). */
  what: string;
  /** Give up after this many ms. */
  timeoutMs: number;
  /**
   * First delay.
   * @default 250
   */
  initialDelayMs?: number;
  /**
   * Largest delay.
   * @default 2000
   */
  maxDelayMs?: number;
  /** Clock. */
  clock: Clock;
  /** Abort signal. */
  signal?: AbortSignal | undefined;
  /** Called after every poll with the observation's description. */
  onPoll?: (description: string, elapsedMs: number) => void;
  /**
   * Classifies a failure of `check` as transient ("not yet": the reason) or not (null). A
   * transient failure counts as "not done yet" within the deadline; any other is thrown.
   * @default every failure is thrown
   */
  transient?: (error: unknown) => string | null;
}

/**
 * Polls `check` until it reports done, sleeping with back-off in between.
 *
 * @param check Returns `{done, description}`.
 * @param options Deadline, delays, clock, progress.
 * @returns The final description and the elapsed ms.
 * @throws {WaitTimeoutError} After the deadline, with the last description.
 */
export async function pollUntil(
  check: () => Promise<{ done: boolean; description: string }>,
  options: PollOptions,
): Promise<{ description: string; elapsedMs: number; polls: number }> {
  const start = options.clock.now();
  let delay = options.initialDelayMs ?? 250;
  const max = options.maxDelayMs ?? 2000;
  let polls = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    let r: { done: boolean; description: string };
    try {
      r = await check();
    } catch (err) {
      const reason = options.transient?.(err) ?? null;
      if (reason === null) throw err;
      r = { done: false, description: `Ceph answered "not yet" (${reason})` };
    }
    polls++;
    const elapsed = options.clock.now() - start;
    options.onPoll?.(r.description, elapsed);
    if (r.done) return { description: r.description, elapsedMs: elapsed, polls };
    if (elapsed + delay > options.timeoutMs) {
      throw new WaitTimeoutError(
        `Cannot finish waiting for ${options.what} after ${
          Math.round(elapsed / 1000)
        } s: last state: ${r.description}`,
      );
    }
    await options.clock.sleep(delay, options.signal);
    delay = Math.min(max, Math.round(delay * 1.5));
  }
}
