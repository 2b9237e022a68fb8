import assert from "node:assert/strict";
import { RadosError } from "../../../ffi/librados/mod.ts";
import type { CephClusterApi } from "./cluster_api.ts";
import { CMD } from "./commands.ts";
import {
  isTransientCephError,
  retryTransient,
  transientCephReason,
  TransientRetryingClusterApi,
} from "./transient.ts";
import type { Clock } from "../../shared/mod.ts";
import { pollUntil } from "./waits.ts";

function fakeClock(): Clock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: (ms) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

function rados(errno: number, clusterMessage: string): RadosError {
  return new RadosError(`mon command failed: ${clusterMessage}`, {
    op: "rados_mon_command",
    errno,
    clusterMessage,
  });
}

const UNKNOWN = rados(11, "1 pgs have unknown state; cannot draw any conclusions");

Deno.test("classifier: 'not yet' answers of Ceph are transient", () => {
  const cases: [unknown, string][] = [
    [UNKNOWN, "EAGAIN: 1 pgs have unknown state; cannot draw any conclusions"],
    [rados(110, ""), "ETIMEDOUT: mon command failed:"],
    [rados(107, "monclient: hunting"), "ENOTCONN: monclient: hunting"],
    [rados(4, "interrupted"), "EINTR: interrupted"],
    // The message alone (another errno, or a plain Error from a parser of the CLI output).
    [
      new Error("Error EAGAIN: 8 pgs have unknown state; cannot draw any conclusions"),
      "Error EAGAIN: 8 pgs have unknown state; cannot draw any conclusions",
    ],
    [rados(16, "mon election in progress"), "mon election in progress"],
    [{ errno: "EAGAIN", message: "try again" }, "EAGAIN: try again"],
  ];
  for (const [err, reason] of cases) {
    assert.equal(transientCephReason(err), reason);
    assert.equal(isTransientCephError(err), true);
  }
});

Deno.test("classifier: refusals and facts are not transient", () => {
  for (
    const err of [
      rados(11, "osd 3 is not up"), // a down OSD: an answer (pg ls-by-osd)
      rados(16, "unsafe to stop osd(s) at this time (1 PGs are or would become offline)"),
      rados(2, "osd.9 does not exist"),
      rados(22, "unrecognized command"),
      rados(1, "access denied"),
      new Error('Cannot parse osd safe-to-destroy: no "safe_to_destroy" field'),
      null,
      "EAGAIN",
      42,
    ]
  ) {
    assert.equal(transientCephReason(err), null, String((err as Error)?.message ?? err));
  }
});

Deno.test("retryTransient: asks again after EAGAIN within the deadline, with back-off", async () => {
  const clock = fakeClock();
  let n = 0;
  const retries: string[] = [];
  const r = await retryTransient(() => (++n < 4 ? Promise.reject(UNKNOWN) : Promise.resolve(n)), {
    what: "osd safe-to-destroy 2",
    deadlineMs: 30_000,
    clock,
    onRetry: (what, reason, attempt) => retries.push(`${attempt} ${what}: ${reason}`),
  });
  assert.equal(r, 4);
  assert.deepEqual(clock.sleeps, [500, 750, 1125]);
  assert.equal(retries.length, 3);
  assert.match(retries[0]!, /^1 osd safe-to-destroy 2: EAGAIN: 1 pgs have unknown state/);
});

Deno.test("retryTransient: a refusal is thrown at once; 'not yet' past the deadline is thrown", async () => {
  const clock = fakeClock();
  const refusal = rados(16, "unsafe to stop");
  let calls = 0;
  await assert.rejects(
    retryTransient(() => {
      calls++;
      return Promise.reject(refusal);
    }, { what: "x", deadlineMs: 30_000, clock }),
    (e) => e === refusal,
  );
  assert.equal(calls, 1);
  await assert.rejects(
    retryTransient(() => Promise.reject(UNKNOWN), { what: "x", deadlineMs: 3000, clock }),
    (e) => e === UNKNOWN,
  );
  assert.ok(clock.sleeps.reduce((a, b) => a + b, 0) <= 3000);
});

Deno.test("TransientRetryingClusterApi: safeToDestroy absorbs EAGAIN (the 2 s after `osd out`)", async () => {
  let n = 0;
  const sent: string[] = [];
  const inner = {
    safeToDestroy: () =>
      ++n <= 2
        ? Promise.reject(UNKNOWN)
        : Promise.resolve({ safe: [2], active: [], missingStats: [], storedPgs: [] }),
    send: (c: { cmd: { prefix?: unknown } }) => {
      sent.push(String(c.cmd.prefix));
      return sent.length === 1 ? Promise.reject(rados(110, "")) : Promise.resolve("marked out");
    },
  } as unknown as CephClusterApi;
  const log: string[] = [];
  const api = new TransientRetryingClusterApi(inner, {
    clock: fakeClock(),
    onRetry: (what, reason) => log.push(`${what}: ${reason}`),
  });
  assert.deepEqual((await api.safeToDestroy(2)).safe, [2]);
  assert.equal(await api.send(CMD.osdOut(2)), "marked out");
  assert.deepEqual(sent, ["osd out", "osd out"]);
  assert.equal(log.length, 3, log.join("\n"));
});

Deno.test("pollUntil with the classifier: a transient failure is 'not done yet', a refusal is thrown", async () => {
  let n = 0;
  const r = await pollUntil(() => {
    n++;
    if (n === 1) return Promise.reject(UNKNOWN);
    return Promise.resolve({ done: n === 3, description: `poll ${n}` });
  }, {
    what: "osd.2 to drain",
    timeoutMs: 60_000,
    clock: fakeClock(),
    transient: transientCephReason,
  });
  assert.equal(r.polls, 3);
  const seen: string[] = [];
  await pollUntil(
    () => (++n === 4 ? Promise.reject(UNKNOWN) : Promise.resolve({ done: true, description: "" })),
    {
      what: "x",
      timeoutMs: 60_000,
      clock: fakeClock(),
      transient: transientCephReason,
      onPoll: (d) => seen.push(d),
    },
  );
  assert.match(seen[0]!, /Ceph answered "not yet" \(EAGAIN: 1 pgs have unknown state/);
  await assert.rejects(
    pollUntil(() => Promise.reject(rados(2, "osd.9 does not exist")), {
      what: "x",
      timeoutMs: 60_000,
      clock: fakeClock(),
      transient: transientCephReason,
    }),
    /does not exist/,
  );
});
