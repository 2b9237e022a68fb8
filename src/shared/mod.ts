/**
 * Cross-cutting helpers with one home each: the clock and abortable sleep, the back-off
 * formula and the retry loop. Pure or time-only: no I/O, no FFI.
 *
 * @module
 */
export { abortableSleep, type Clock, nowDate, SYSTEM_CLOCK } from "./clock.ts";
export { backoffMs, type BackoffOptions } from "./backoff.ts";
export { retry, type RetryEvent, type RetryOptions } from "./retry.ts";
export { parseRetryAfter } from "./retry_after.ts";
export { jsonErrorWhere } from "./json_error.ts";
