/**
 * The executor's socket server over a real unix socket: the operations it accepts, what it
 * refuses by itself (unknown operation, unknown field, system disk, identity mismatch,
 * budget), the journal written before a change, and the socket's owner and mode.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { callExecutor, ExecutorBackend, executorInventory } from "../../src/executor/client.ts";
import { ApiError } from "../../src/api/problem.ts";
import { type RunningExecutor, startExecutorServer } from "../../src/executor/mod.ts";
import { disk, FakeBackend, fixedInventory } from "../api/harness.ts";

async function withExecutor(
  run: (
    e: { sock: string; backend: FakeBackend; journal: string; exec: RunningExecutor },
  ) => Promise<void>,
  options: { budget?: number } = {},
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "bynar-exec-" });
  const sock = join(dir, "executor.sock");
  const journal = join(dir, "journal.jsonl");
  const backend = new FakeBackend();
  backend.roles.set("/dev/sdb", { kind: "osd", osdId: 1, up: true, in: true, destroyed: false });
  const exec = await startExecutorServer({
    backend,
    inventory: fixedInventory([disk("sda", { system: "mounted at /" }), disk("sdb")]),
    journal: async (entry) => {
      await Deno.writeTextFile(journal, JSON.stringify(entry) + "\n", { append: true });
    },
    log: () => {},
  }, {
    socketPath: sock,
    systemDisks: ["/dev/nvme9n1"],
    budget: { max: options.budget ?? 4, windowMs: 3600_000 },
  });
  try {
    await run({ sock, backend, journal, exec });
  } finally {
    await exec.close();
    await Deno.remove(dir, { recursive: true });
  }
}

async function rejectsWith(call: () => Promise<unknown>): Promise<ApiError> {
  try {
    await call();
  } catch (err) {
    assert.ok(err instanceof ApiError, String(err));
    return err;
  }
  assert.fail("expected an ApiError");
}

async function rawCall(sock: string, line: string): Promise<string> {
  const conn = await Deno.connect({ transport: "unix", path: sock });
  await conn.write(new TextEncoder().encode(line + "\n"));
  const out: number[] = [];
  const buf = new Uint8Array(4096);
  while (true) {
    const n = await conn.read(buf);
    if (n === null) break;
    out.push(...buf.subarray(0, n));
  }
  conn.close();
  return new TextDecoder().decode(new Uint8Array(out));
}

Deno.test("executor: the socket is mode 0600 (root only without --front-uid)", async () => {
  await withExecutor(async ({ sock }) => {
    const info = await Deno.lstat(sock);
    assert.ok(info.isSocket);
    assert.deepEqual((info.mode ?? 0) & 0o777, 0o600);
  });
});

Deno.test("executor: remove/add/safe-to-remove/status/inventory round trip through ExecutorBackend", async () => {
  await withExecutor(async ({ sock, backend, journal }) => {
    const b = new ExecutorBackend(sock);
    const sim = await b.remove({ path: "/dev/sdb", identity: "SER-sdb" }, { simulate: true });
    assert.deepEqual(sim.message, "would remove osd.1");
    const real = await b.remove({ path: "/dev/sdb", identity: "SER-sdb" });
    assert.deepEqual(real.message, "removed osd.1");
    const added = await b.add({ path: "/dev/sdb", identity: "SER-sdb" }, { osdId: 1 });
    assert.deepEqual(added.osdId, 1);
    assert.deepEqual((await b.safeToRemove({ path: "/dev/sdb" })).safe, true);
    assert.deepEqual((await b.status()).backend, "fake");
    assert.deepEqual((await b.listDisks()).map((d) => d.path), ["/dev/sdb"]);
    assert.deepEqual((await executorInventory(sock).list()).map((d) => d.path), [
      "/dev/sda",
      "/dev/sdb",
    ]);
    assert.deepEqual(backend.calls, [
      "remove /dev/sdb SER-sdb simulate=true",
      "remove /dev/sdb SER-sdb simulate=false",
      "add /dev/sdb SER-sdb simulate=false osd=1",
      "safe /dev/sdb undefined",
    ]);
    const lines = (await Deno.readTextFile(journal)).trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => `${l.phase} ${l.op}`), [
      "begin remove",
      "end remove",
      "begin add",
      "end add",
    ]);
  });
});

Deno.test("executor: refuses operations outside its set and malformed requests, without echoing them", async () => {
  await withExecutor(async ({ sock, backend }) => {
    for (
      const line of [
        `{"op":"run","argv":["id"]}`,
        `{"op":"zap","disk":{"path":"/dev/sdb"}}`,
        `{"op":"remove","disk":{"path":"/dev/sdb","identity":"SER-sdb"},"simulate":false,"argv":["x"]}`,
        `{"op":"remove","disk":{"path":"/etc/shadow"},"simulate":true}`,
        `{"op":"remove","disk":{"path":"/dev/../etc/shadow"},"simulate":true}`,
        `root:$6$secretsecret:19000:0:99999:7:::`,
      ]
    ) {
      const answer = JSON.parse(await rawCall(sock, line));
      assert.deepEqual(answer.ok, false, line);
      assert.deepEqual(answer.error.status, 400, line);
      assert.ok(!answer.error.message.includes("secret"), answer.error.message);
      assert.ok(!answer.error.message.includes('argv":'), answer.error.message);
    }
    const unknown = JSON.parse(await rawCall(sock, `{"op":"run","argv":["id"]}`));
    assert.deepEqual(unknown.error.code, "unknown_operation");
    assert.deepEqual(backend.calls, []);
  });
});

Deno.test("executor: re-checks system disks, identity and budget itself", async () => {
  await withExecutor(async ({ sock, backend, journal }) => {
    const refused = async (req: Parameters<typeof callExecutor>[1], re: RegExp) => {
      const err = await rejectsWith(() => callExecutor(sock, req));
      assert.deepEqual(err.status, 403);
      assert.match(err.message, re);
    };
    await refused({
      op: "remove",
      disk: { path: "/dev/sda", identity: "SER-sda" },
      simulate: false,
    }, /system disk/);
    await refused({ op: "remove", disk: { path: "/dev/sda" }, simulate: true }, /system disk/);
    await refused(
      { op: "add", disk: { path: "/dev/nvme9n1", identity: "x" }, simulate: false },
      /system disk/,
    );
    await refused(
      { op: "remove", disk: { path: "/dev/sdb" }, simulate: false },
      /names no identity/,
    );
    await refused({
      op: "remove",
      disk: { path: "/dev/sdb", identity: "SER-other" },
      simulate: false,
    }, /not "SER-other"/);
    assert.deepEqual(backend.calls, []);
    const refusals = (await Deno.readTextFile(journal)).trim().split("\n").map((l) =>
      JSON.parse(l)
    );
    assert.deepEqual(refusals.length, 5);
    assert.ok(refusals.every((r) => r.phase === "refused"));
  }, {});
  await withExecutor(async ({ sock, backend }) => {
    const b = new ExecutorBackend(sock);
    await b.remove({ path: "/dev/sdb", identity: "SER-sdb" });
    await b.remove({ path: "/dev/sdb", identity: "SER-sdb" }, { simulate: true });
    const err = await rejectsWith(
      () => b.remove({ path: "/dev/sdb", identity: "SER-sdb" }),
    );
    assert.deepEqual(err.status, 403);
    assert.match(err.message, /budget of 1 removals/);
    assert.deepEqual(backend.calls.length, 2);
  }, { budget: 1 });
});

Deno.test("executor: a second change while one runs is refused (409), reads still answer", async () => {
  await withExecutor(async ({ sock, backend }) => {
    let open!: () => void;
    backend.gate = new Promise((r) => (open = r));
    const b = new ExecutorBackend(sock);
    const first = b.remove({ path: "/dev/sdb", identity: "SER-sdb" });
    await new Promise((r) => setTimeout(r, 50));
    const err = await rejectsWith(
      () => b.add({ path: "/dev/sdb", identity: "SER-sdb" }),
    );
    assert.deepEqual(err.status, 409);
    assert.deepEqual((await b.status()).health, "HEALTH_OK");
    open();
    assert.deepEqual((await first).message, "removed osd.1");
  });
});

Deno.test("executor: an unreachable executor is a 503 naming the unit, never a disk fault", async () => {
  const err = await rejectsWith(
    () => new ExecutorBackend("/run/nonexistent-bynar/executor.sock").status(),
  );
  assert.deepEqual(err.status, 503);
  assert.deepEqual(err.code, "executor_unavailable");
  assert.match(err.message, /bynar-executor\.service/);
  const ready = await new ExecutorBackend("/run/nonexistent-bynar/executor.sock").readiness();
  assert.equal(ready.ready, false);
  assert.match(ready.reason ?? "", /Cannot reach the executor/);
});

Deno.test("executor: readiness of the front follows the executor's status", async () => {
  await withExecutor(async ({ sock }) => {
    assert.deepEqual(await new ExecutorBackend(sock).readiness(), {
      ready: true,
      backend: "executor (fake)",
    });
  });
});
