/**
 * Waiting for the cluster: poll with exponential back-off and a deadline, report progress,
 * honour an abort signal, never busy-loop (B-67, B-69). Time comes from an injected clock.
 *
 * @module
 */
import { BynarError } from "../../errors.ts";
import { type Clock, retry } from "../../shared/mod.ts";

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
  let polls = 0;
  try {
    return await retry(async () => {
      let r: { done: boolean; description: string };
      try {
        r = await check();
      } catch (err) {
        const reason = options.transient?.(err) ?? null;
        if (reason === null) throw err;
        r = { done: false, description: `Ceph answered "not yet" (${reason})` };
      }
      polls++;
      const elapsedMs = options.clock.now() - start;
      options.onPoll?.(r.description, elapsedMs);
      if (!r.done) throw new NotYet(r.description, elapsedMs);
      return { description: r.description, elapsedMs, polls };
    }, {
      deadlineMs: options.timeoutMs,
      backoff: {
        baseMs: options.initialDelayMs ?? 250,
        maxMs: options.maxDelayMs ?? 2000,
        factor: 1.5,
      },
      isTransient: (err) => err instanceof NotYet,
      clock: options.clock,
      signal: options.signal,
    });
  } catch (err) {
    if (!(err instanceof NotYet)) throw err;
    throw new WaitTimeoutError(
      `Cannot finish waiting for ${options.what} after ${
        Math.round(err.elapsedMs / 1000)
      } s: last state: ${err.message}`,
    );
  }
}

/** A poll that found the awaited state not reached yet. */
class NotYet extends Error {
  /**
   * @param description The observed state.
   * @param elapsedMs Time since the first poll started.
   */
  constructor(description: string, readonly elapsedMs: number) {
    super(description);
  }
}
