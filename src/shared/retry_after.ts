/**
 * HTTP `Retry-After`: the wait a server names (used by the JIRA and Slack clients as the
 * `delayMs` hook of their retries).
 *
 * @module
 */
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
