/**
 * The one back-off formula: exponential with a cap.
 *
 * @module
 */

/** Parameters of {@linkcode backoffMs}. */
export interface BackoffOptions {
  /**
   * Delay after the first failure, ms.
   * @default 1000
   */
  baseMs?: number;
  /**
   * Largest delay, ms.
   * @default 30000
   */
  maxMs?: number;
  /**
   * Growth per failure.
   * @default 2
   */
  factor?: number;
}

/**
 * Exponential back-off with a cap: `min(maxMs, round(baseMs × factor^(attempt − 1)))`,
 * i.e. 1 s, 2 s, 4 s … for attempts 1, 2, 3 … with the defaults.
 *
 * @param attempt The failure count so far (1-based; 0 or less counts as 1).
 * @param options Base, cap and factor.
 * @returns Milliseconds to wait before the next attempt.
 */
export function backoffMs(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 1000;
  const max = options.maxMs ?? 30_000;
  const factor = options.factor ?? 2;
  return Math.min(max, Math.round(base * factor ** Math.max(0, attempt - 1)));
}
