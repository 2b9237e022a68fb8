import assert from "node:assert/strict";
import { backoffMs, parseRetryAfter, realSleep } from "./clock.ts";

const NOW = Date.parse("2026-11-25T12:00:00Z");

Deno.test("parseRetryAfter: delay-seconds", () => {
  assert.equal(parseRetryAfter("7", NOW), 7000);
  assert.equal(parseRetryAfter(" 0 ", NOW), 0);
});

Deno.test("parseRetryAfter: HTTP date, past dates clamp to 0", () => {
  assert.equal(parseRetryAfter("Wed, 25 Nov 2026 12:00:30 GMT", NOW), 30_000);
  assert.equal(parseRetryAfter("Wed, 25 Nov 2026 11:00:00 GMT", NOW), 0);
});

Deno.test("parseRetryAfter: absent or garbage is null", () => {
  assert.equal(parseRetryAfter(null, NOW), null);
  assert.equal(parseRetryAfter("soon", NOW), null);
  assert.equal(parseRetryAfter("-5", NOW), null);
});

Deno.test("backoffMs doubles up to the cap", () => {
  assert.deepEqual([1, 2, 3, 4, 10].map((a) => backoffMs(a)), [1000, 2000, 4000, 8000, 30_000]);
  assert.equal(backoffMs(3, { baseMs: 10, maxMs: 25 }), 25);
});

Deno.test("realSleep rejects when aborted", async () => {
  const ac = new AbortController();
  const p = realSleep(10_000, ac.signal);
  ac.abort(new Error("stop"));
  await assert.rejects(p, /stop/);
});
