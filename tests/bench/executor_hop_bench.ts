/**
 * Latency cost of the privilege split's socket hop: p50/p99 of a remove-simulate
 * (`POST /v1/disks/remove {simulate: true}` through the API app, in process) with the
 * backend in the same process ("before") and with every backend and inventory call going
 * to an executor over a real unix socket ("after"), side by side in the same run; plus the
 * bare `backend.remove(simulate)` call both ways. The executor is in this process (its
 * socket server, protocol and checks are the shipped code); the backend is the API test
 * double, so the figures are the hop's cost, not Ceph's.
 *
 * Run: `deno run -A tests/bench/executor_hop_bench.ts [--n 2000]`
 *
 * @module
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { createMiddleware } from "hono/factory";
import { createApp } from "../../src/api/app.ts";
import { ExecutorBackend, executorInventory } from "../../src/executor/client.ts";
import type { AppEnv } from "../../src/api/types.ts";
import type { Backend } from "../../src/backend/types.ts";
import { startExecutorServer } from "../../src/executor/mod.ts";
import type { DiskInventory } from "../../src/api/types.ts";
import { disk, FakeBackend, fixedInventory, HOST } from "../api/harness.ts";

const { values } = parseArgs({ options: { n: { type: "string", default: "2000" } } });
const N = Number(values.n);

const fake = new FakeBackend();
fake.roles.set("/dev/sdb", { kind: "osd", osdId: 1, up: true, in: true, destroyed: false });
const inventory = fixedInventory([disk("sdb")]);
const dir = await Deno.makeTempDir({ prefix: "bynar-hop-" });
const sock = join(dir, "executor.sock");
const executor = await startExecutorServer(
  { backend: fake, inventory, journal: () => Promise.resolve(), log: () => {} },
  { socketPath: sock },
);

function app(backend: Backend, inv: DiskInventory) {
  return createApp({
    backend,
    inventory: inv,
    audit: { append: () => Promise.resolve() },
    limits: { ratePerSecond: 0 },
    log: () => {},
    authenticate: createMiddleware<AppEnv>(async (c, next) => {
      c.set("principal", {
        sub: "bench",
        scopes: new Set(["disks:read", "disks:write"]),
        hosts: [HOST],
        expiresAt: 1e15,
      });
      await next();
    }),
  });
}

const init = () => ({
  method: "POST",
  headers: { "content-type": "application/json", accept: "application/json" },
  body: JSON.stringify({ disk: "/dev/sdb", disk_identity: "SER-sdb", simulate: true }),
});

async function measure(run: () => Promise<void>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < Math.min(200, N); i++) await run();
  const t: number[] = [];
  for (let i = 0; i < N; i++) {
    const s = performance.now();
    await run();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { p50: t[Math.floor(N * 0.5)]!, p99: t[Math.floor(N * 0.99)]! };
}

const direct = app(fake, inventory);
const split = app(new ExecutorBackend(sock), executorInventory(sock));
const viaSocket = new ExecutorBackend(sock);
const rows: [string, { p50: number; p99: number }][] = [];
const check = async (a: ReturnType<typeof app>) => {
  const r = await a.request("/v1/disks/remove", init());
  if (r.status !== 200) throw new Error(`remove-simulate answered ${r.status}: ${await r.text()}`);
  await r.text();
};
rows.push(["API remove-simulate, backend in process (before)", await measure(() => check(direct))]);
rows.push([
  "API remove-simulate, via the executor socket (after)",
  await measure(() => check(split)),
]);
rows.push([
  "backend.remove(simulate), in process",
  await measure(async () => {
    await fake.remove({ path: "/dev/sdb", identity: "SER-sdb" }, { simulate: true });
  }),
]);
rows.push([
  "backend.remove(simulate), one socket hop",
  await measure(async () => {
    await viaSocket.remove({ path: "/dev/sdb", identity: "SER-sdb" }, { simulate: true });
  }),
]);
await executor.close();
await Deno.remove(dir, { recursive: true });
console.log(`| path (n = ${N}) | p50 ms | p99 ms |\n|---|---|---|`);
for (const [name, r] of rows) {
  console.log(`| ${name} | ${r.p50.toFixed(3)} | ${r.p99.toFixed(3)} |`);
}
