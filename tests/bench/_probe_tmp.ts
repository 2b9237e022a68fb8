import { Hono } from "hono";
import { makeTestPki } from "../api/pki.ts";
const dir = await Deno.makeTempDir();
const pki = await makeTestPki(dir);
const tls = { cert: await Deno.readTextFile(pki.certPath), key: await Deno.readTextFile(pki.keyPath) };
const app = new Hono();
app.get("/small", (c) => c.json({ a: 1 }));
app.get("/big", (c) => c.json({ a: "x".repeat(600) }));
app.get("/hdr", (c) => { for (let i = 0; i < 12; i++) c.header(`x-h${i}`, "y".repeat(30)); return c.json({ a: 1 }); });
const s1 = Deno.serve({ hostname: "127.0.0.1", port: 0, ...tls, onListen() {} }, app.fetch);
for (const p of ["small", "big", "hdr"]) {
  const u = `https://127.0.0.1:${s1.addr.port}/${p}`;
  const r = await new Deno.Command("wrk", { args: ["-t1", "-c16", "-d2s", "--latency", u] }).output();
  const o = new TextDecoder().decode(r.stdout);
  console.log(p, /Requests\/sec:\s+\S+/.exec(o)?.[0], /\s99%\s+\S+/.exec(o)?.[0]);
}
await s1.shutdown();
