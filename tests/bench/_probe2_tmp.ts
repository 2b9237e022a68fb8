import { createApp } from "../../src/api/app.ts";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../src/api/types.ts";
import { disk, FakeBackend, fixedInventory, HOST } from "../api/harness.ts";
const noAuth = createMiddleware<AppEnv>(async (c, next) => {
  c.set("principal", { sub: "b", scopes: new Set(["disks:read"]), hosts: [HOST], expiresAt: 1e15 });
  await next();
});
const app = createApp({ backend: new FakeBackend(), inventory: fixedInventory([disk("sdb")]), authenticate: noAuth, audit: { append: () => Promise.resolve() }, limits: { ratePerSecond: 0 }, log: () => {} });
let t = performance.now();
for (let i = 0; i < 2000; i++) { const r = await app.request("/v1/disks"); await r.text(); }
console.log("in-process per req ms", (performance.now() - t) / 2000);
const s = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, app.fetch);
const r = await new Deno.Command("wrk", { args: ["-t1", "-c16", "-d3s", "--latency", `http://127.0.0.1:${s.addr.port}/v1/disks`] }).output();
const o = new TextDecoder().decode(r.stdout);
console.log(/Requests\/sec:\s+\S+/.exec(o)?.[0], /\s99%\s+\S+/.exec(o)?.[0]);
const r2 = await new Deno.Command("curl", { args: ["-sv", `http://127.0.0.1:${s.addr.port}/v1/disks`] }).output();
console.log(new TextDecoder().decode(r2.stderr));
await s.shutdown();
