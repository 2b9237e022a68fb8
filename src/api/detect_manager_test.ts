import { deepStrictEqual as assertEquals, rejects } from "node:assert/strict";
import { ApiClientError } from "./client.ts";
import { HttpDiskManager, type ManagerApi } from "./detect_manager.ts";
import { ManualClock } from "../../tests/doubles/clock.ts";

function api(
  overrides: Partial<Record<keyof ManagerApi, (...a: unknown[]) => Promise<unknown>>>,
): ManagerApi {
  const no = () => Promise.reject(new Error("not expected"));
  return {
    safeToRemove: overrides.safeToRemove ?? no,
    remove: overrides.remove ?? no,
    add: overrides.add ?? no,
    operation: overrides.operation ?? no,
    operations: overrides.operations ?? no,
  } as unknown as ManagerApi;
}

const DISK = { path: "/dev/sdb", identity: "serial:S1", osdId: 4 };

Deno.test("network errors and 5xx are retried with doubling back-off (B-23)", async () => {
  const clock = new ManualClock(0);
  let n = 0;
  const m = new HttpDiskManager(
    api({
      safeToRemove: () => {
        n++;
        if (n < 3) return Promise.reject(new ApiClientError(n === 1 ? 0 : 503, "x", "down"));
        return Promise.resolve({
          result: "OK",
          outcome: "Success",
          value: true,
          message: "ok",
          osd_id: 4,
        });
      },
    }),
    { attempts: 3, backoffMs: 100, clock },
  );
  assertEquals(await m.safeToRemove(DISK), {
    outcome: "Success",
    safe: true,
    reason: "ok",
    osdId: 4,
  });
  assertEquals(clock.sleeps, [100, 200]);
});

Deno.test("a refusal (4xx) is not retried and keeps its status", async () => {
  let n = 0;
  const m = new HttpDiskManager(
    api({
      remove:
        () => (n++, Promise.reject(new ApiClientError(409, "not_safe_to_remove", "not safe"))),
    }),
    { clock: new ManualClock(0) },
  );
  await rejects(m.remove(DISK), (e: unknown) => (e as ApiClientError).status === 409);
  assertEquals(n, 1);
});

Deno.test("202 is a started operation; 200 SkipRepeat is done at once", async () => {
  const calls: unknown[][] = [];
  const m = new HttpDiskManager(api({
    remove: (
      ...a
    ) => (calls.push(a), Promise.resolve({ operation: { id: "op-9", state: "PENDING" } })),
    add: (...a) => (calls.push(a),
      Promise.resolve({
        result: { result: "OK", outcome: "SkipRepeat", message: "up", osd_id: 4 },
      })),
  }));
  assertEquals(await m.remove(DISK), { kind: "started", opId: "op-9" });
  assertEquals(await m.add(DISK), { kind: "done", outcome: "SkipRepeat", message: "up", osdId: 4 });
  assertEquals(
    calls,
    [["/dev/sdb", "serial:S1", { osdId: 4 }], ["/dev/sdb", "serial:S1", { osdId: 4 }]],
    "path AND identity, and the stored id",
  );
});

Deno.test("operation states are mapped; an unknown operation is MISSING", async () => {
  const m = new HttpDiskManager(api({
    operation: (id) =>
      id === "gone"
        ? Promise.reject(new ApiClientError(404, "operation_not_found", "no"))
        : Promise.resolve({
          id,
          state: "SUCCEEDED",
          result: { result: "OK", outcome: "Success", message: "removed osd.4", osd_id: 4 },
        }),
  }));
  assertEquals(await m.operation("op-1"), {
    state: "SUCCEEDED",
    message: "removed osd.4",
    osdId: 4,
    outcome: "Success",
  });
  assertEquals((await m.operation("gone")).state, "MISSING");
});

Deno.test("after a crash the running operation of the same disk is adopted", async () => {
  const at = (s: number) => new Date(Date.UTC(2026, 10, 25, 12, 0, s)).toISOString();
  const ops = [
    {
      id: "sim",
      op: "Remove",
      disk: "/dev/sdb",
      state: "SUCCEEDED",
      simulate: true,
      created_at: at(30),
    },
    { id: "other-disk", op: "Remove", disk: "/dev/sdc", state: "RUNNING", created_at: at(20) },
    { id: "add", op: "Add", disk: "/dev/sdb", state: "RUNNING", created_at: at(20) },
    { id: "done", op: "Remove", disk: "/dev/sdb", state: "FAILED", created_at: at(15) },
    { id: "ours", op: "Remove", disk: "/dev/sdb", state: "RUNNING", created_at: at(12) },
    { id: "old", op: "Remove", disk: "/dev/sdb", state: "RUNNING", created_at: at(1) },
  ];
  const m = new HttpDiskManager(api({ operations: () => Promise.resolve(ops) }));
  assertEquals(await m.findOperation("Remove", { path: "/dev/sdb", since: at(10) }), "ours");
  assertEquals(await m.findOperation("Add", { path: "/dev/sdb", since: at(10) }), "add");
  assertEquals(await m.findOperation("Add", { path: "/dev/sdd", since: at(10) }), null);
  assertEquals(await m.findOperation("Remove", { path: "/dev/sdb", since: at(40) }), null);
  // Nothing running: the newest finished one since the request is adopted (its result counts).
  const done = new HttpDiskManager(api({ operations: () => Promise.resolve(ops.slice(3, 4)) }));
  assertEquals(await done.findOperation("Remove", { path: "/dev/sdb", since: at(10) }), "done");
});

Deno.test("the stored OSD id of a vanished disk is sent with safe-to-remove (B-24)", async () => {
  const calls: unknown[][] = [];
  const m = new HttpDiskManager(api({
    safeToRemove: (
      ...a
    ) => (calls.push(a),
      Promise.resolve({ result: "OK", outcome: "Success", value: true, message: "ok", osd_id: 4 })),
  }));
  await m.safeToRemove(DISK);
  await m.safeToRemove({ path: "/dev/sdb", identity: "serial:S1", osdId: null });
  assertEquals(calls, [["/dev/sdb", "serial:S1", { osdId: 4 }], ["/dev/sdb", "serial:S1", {}]]);
});

Deno.test("an ERR safe-to-remove answer is reported, not thrown", async () => {
  const m = new HttpDiskManager(api({
    safeToRemove: () => Promise.resolve({ result: "ERR", error_msg: "no OSD found" }),
  }));
  assertEquals((await m.safeToRemove(DISK)).outcome, "Error");
});
