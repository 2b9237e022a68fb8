import { deepStrictEqual as assertEquals, ok as assert, rejects } from "node:assert/strict";
import { ApiClientError } from "../api/client.ts";
import { HttpDiskManager, type ManagerApi } from "./manager_client.ts";

function api(
  overrides: Partial<Record<keyof ManagerApi, (...a: unknown[]) => Promise<unknown>>>,
): ManagerApi {
  const no = () => Promise.reject(new Error("not expected"));
  return {
    safeToRemove: overrides.safeToRemove ?? no,
    remove: overrides.remove ?? no,
    add: overrides.add ?? no,
    operation: overrides.operation ?? no,
  } as unknown as ManagerApi;
}

const DISK = { path: "/dev/sdb", identity: "serial:S1", osdId: 4 };

Deno.test("network errors and 5xx are retried with doubling back-off (B-23)", async () => {
  const waits: number[] = [];
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
    { attempts: 3, backoffMs: 100, sleep: (ms) => (waits.push(ms), Promise.resolve()) },
  );
  assertEquals(await m.safeToRemove(DISK), {
    outcome: "Success",
    safe: true,
    reason: "ok",
    osdId: 4,
  });
  assertEquals(waits, [100, 200]);
});

Deno.test("a refusal (4xx) is not retried and keeps its status", async () => {
  let n = 0;
  const m = new HttpDiskManager(
    api({
      remove:
        () => (n++, Promise.reject(new ApiClientError(409, "not_safe_to_remove", "not safe"))),
    }),
    { sleep: () => Promise.resolve() },
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
    [["/dev/sdb", "serial:S1"], ["/dev/sdb", "serial:S1", { osdId: 4 }]],
    "path AND identity, and the kept id",
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
  assert((await m.findOperation()) === null);
});

Deno.test("an ERR safe-to-remove answer is reported, not thrown", async () => {
  const m = new HttpDiskManager(api({
    safeToRemove: () => Promise.resolve({ result: "ERR", error_msg: "no OSD found" }),
  }));
  assertEquals((await m.safeToRemove(DISK)).outcome, "Error");
});
