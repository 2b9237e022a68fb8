import assert from "node:assert/strict";
import { abortableSleep, backoffMs, parseRetryAfter, retry } from "./mod.ts";
import { ManualClock } from "../../tests/doubles/clock.ts";

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

Deno.test("abortableSleep rejects when aborted", async () => {
  const ac = new AbortController();
  const p = abortableSleep(10_000, ac.signal);
  ac.abort(new Error("stop"));
  await assert.rejects(p, /stop/);
});

Deno.test("backoffMs: factor and rounding", () => {
  assert.deepEqual(
    [1, 2, 3, 4, 5].map((a) => backoffMs(a, { baseMs: 250, factor: 1.5, maxMs: 1000 })),
    [250, 375, 563, 844, 1000],
  );
  assert.equal(backoffMs(0), 1000, "attempt 0 counts as 1");
});

Deno.test("retry: transient failures are retried with back-off, then the value returns", async () => {
  const clock = new ManualClock(0);
  const events: number[] = [];
  const r = await retry((n) => n < 3 ? Promise.reject(new Error(`try ${n}`)) : Promise.resolve(n), {
    attempts: 5,
    clock,
    onRetry: (e) => events.push(e.attempt),
  });
  assert.equal(r, 3);
  assert.deepEqual(clock.sleeps, [1000, 2000]);
  assert.deepEqual(events, [1, 2]);
});

Deno.test("retry: a failure the classifier rejects is thrown at once, unchanged", async () => {
  const clock = new ManualClock(0);
  const fatal = new TypeError("fatal");
  let calls = 0;
  await assert.rejects(
    retry(() => (calls++, Promise.reject(fatal)), {
      clock,
      isTransient: (e) => !(e instanceof TypeError),
    }),
    (e: unknown) => e === fatal,
  );
  assert.equal(calls, 1);
  assert.deepEqual(clock.sleeps, []);
});

Deno.test("retry: attempts used up rethrows the last failure", async () => {
  const clock = new ManualClock(0);
  await assert.rejects(
    retry((n) => Promise.reject(new Error(`try ${n}`)), { attempts: 3, clock }),
    /try 3/,
  );
  assert.deepEqual(clock.sleeps, [1000, 2000]);
});

Deno.test("retry: no wait starts that would end past the deadline", async () => {
  const clock = new ManualClock(0);
  let calls = 0;
  await assert.rejects(
    retry(() => (calls++, Promise.reject(new Error("EAGAIN"))), {
      deadlineMs: 5000,
      backoff: { baseMs: 1000 },
      clock,
    }),
    /EAGAIN/,
  );
  // 1 s + 2 s = 3 s; the next wait (4 s) would end at 7 s > 5 s.
  assert.deepEqual(clock.sleeps, [1000, 2000]);
  assert.equal(calls, 3);
  assert.ok(clock.now() <= 5000);
});

Deno.test("retry: a wait named by the failure replaces the back-off", async () => {
  const clock = new ManualClock(0);
  await retry((n) => n === 1 ? Promise.reject(new Error("429")) : Promise.resolve(), {
    clock,
    delayMs: () => 7000,
  });
  assert.deepEqual(clock.sleeps, [7000]);
});

Deno.test("retry: an abort before or during the wait stops it with the signal's reason", async () => {
  const ac = new AbortController();
  ac.abort(new Error("cancelled"));
  let calls = 0;
  await assert.rejects(
    retry(() => (calls++, Promise.resolve()), { signal: ac.signal, clock: new ManualClock(0) }),
    /cancelled/,
  );
  assert.equal(calls, 0);
  const ac2 = new AbortController();
  const p = retry(() => Promise.reject(new Error("down")), { signal: ac2.signal, attempts: 2 });
  setTimeout(() => ac2.abort(new Error("stopped")), 10);
  await assert.rejects(p, /stopped/);
});
