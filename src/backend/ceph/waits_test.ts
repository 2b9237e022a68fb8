import assert from "node:assert/strict";
import { pollUntil, WaitTimeoutError } from "./waits.ts";
import { ManualClock } from "../../../tests/doubles/clock.ts";

function fakeClock(): ManualClock {
  return new ManualClock(0);
}

Deno.test("polls with exponential back-off up to the max delay, never busy-looping", async () => {
  const clock = fakeClock();
  let n = 0;
  const r = await pollUntil(() => Promise.resolve({ done: ++n === 6, description: `poll ${n}` }), {
    what: "x",
    timeoutMs: 60_000,
    clock,
    initialDelayMs: 250,
    maxDelayMs: 1000,
  });
  assert.equal(r.polls, 6);
  assert.deepEqual(clock.sleeps, [250, 375, 563, 844, 1000]);
  assert.equal(r.description, "poll 6");
});

Deno.test("gives up at the deadline with the last observed state", async () => {
  const clock = fakeClock();
  await assert.rejects(
    pollUntil(() => Promise.resolve({ done: false, description: "peering=3" }), {
      what: "osd.1 to drain",
      timeoutMs: 5000,
      clock,
    }),
    (e: unknown) =>
      e instanceof WaitTimeoutError && /osd\.1 to drain/.test(e.message) &&
      /peering=3/.test(e.message),
  );
  assert.ok(clock.now() <= 5000);
});

Deno.test("an aborted signal stops the wait", async () => {
  const ac = new AbortController();
  ac.abort(new Error("cancelled"));
  await assert.rejects(
    pollUntil(() => Promise.resolve({ done: false, description: "" }), {
      what: "x",
      timeoutMs: 1000,
      clock: fakeClock(),
      signal: ac.signal,
    }),
    /cancelled/,
  );
});

Deno.test("a transient failure of the check counts as not done yet; others are thrown", async () => {
  const clock = fakeClock();
  let n = 0;
  const r = await pollUntil(() => {
    n++;
    if (n === 1) return Promise.reject(new Error("EAGAIN"));
    return Promise.resolve({ done: n === 3, description: `poll ${n}` });
  }, {
    what: "x",
    timeoutMs: 60_000,
    clock,
    transient: (e) => (e as Error).message === "EAGAIN" ? "pgs unknown" : null,
  });
  assert.equal(r.polls, 3);
  await assert.rejects(
    pollUntil(() => Promise.reject(new Error("EPERM")), {
      what: "x",
      timeoutMs: 60_000,
      clock,
      transient: () => null,
    }),
    /EPERM/,
  );
});
