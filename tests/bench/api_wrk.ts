/**
 * Load test of the disk-manager API with wrk over TLS on loopback: the same route served
 * without authentication, with JWT authentication (EdDSA, verified-token cache on), and
 * with the cache off; in-memory backend. Routes: GET /v1/tickets (small reply) and
 * GET /v1/disks (≈700-byte reply; Deno.serve over TLS stalls such replies ≈40 ms on
 * keep-alive connections: Nagle, TCP_NODELAY is not set on TLS sockets).
 *
 * Usage: deno run -A tests/bench/api_wrk.ts [--duration 10] [--connections 16] [--rounds 2]
 *   [--route /v1/tickets --route /v1/disks] [--server deno|node]
 * Prints a markdown table (with the median of per-round auth/no-auth ratios: runs made
 * side by side, steadier on a shared machine) and a JSON line. Targets: auth ≥ 70 % of
 * no-auth req/s and auth p99 < 10 ms.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { createMiddleware } from "hono/factory";
import { createApp } from "../../src/api/app.ts";
import type { AuditSink } from "../../src/api/audit/log.ts";
import { ApiMetrics } from "../../src/api/metrics.ts";
import { auth, localKeySource } from "../../src/api/middleware/auth/mod.ts";
import { createOpsApp } from "../../src/api/ops_app.ts";
import { listen } from "../../src/api/server.ts";
import type { AppEnv } from "../../src/api/types.ts";
import { runCommand } from "../../src/process/run.ts";
import {
  AUDIENCE,
  disk,
  FakeBackend,
  fixedInventory,
  HOST,
  ISSUER,
  makeKey,
  sign,
} from "../api/harness.ts";
import { makeTestPki } from "../api/pki.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "16" },
    threads: { type: "string", default: "1" },
    rounds: { type: "string", default: "2" },
    route: { type: "string", multiple: true, default: ["/v1/tickets", "/v1/disks"] },
    server: { type: "string", default: "deno" },
  },
});

interface WrkResult {
  rps: number;
  p50ms: number;
  p99ms: number;
  errors: number;
}

function toMs(v: string): number {
  const m = /^([\d.]+)(us|ms|s)$/.exec(v.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === "us" ? n / 1000 : m[2] === "s" ? n * 1000 : n;
}

async function wrk(url: string, token: string | undefined, seconds: number): Promise<WrkResult> {
  const args = [
    `-t${values.threads}`,
    `-c${values.connections}`,
    `-d${seconds}s`,
    "--latency",
    ...(token ? ["-H", `Authorization: Bearer ${token}`] : []),
    url,
  ];
  const r = await runCommand("wrk", args, { timeoutMs: (seconds + 30) * 1000 });
  if (r.code !== 0) throw new Error(`wrk failed: ${r.stderr}`);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(r.stdout)?.[1]);
  const p50 = toMs(/\s50%\s+(\S+)/.exec(r.stdout)?.[1] ?? "");
  const p99 = toMs(/\s99%\s+(\S+)/.exec(r.stdout)?.[1] ?? "");
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(r.stdout)?.[1] ?? 0);
  const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
    r.stdout,
  );
  const errors = non2xx + (sock ? sock.slice(1).reduce((a, b) => a + Number(b), 0) : 0);
  return { rps, p50ms: p50, p99ms: p99, errors };
}

const dir = await Deno.makeTempDir({ prefix: "bynar-bench-" });
try {
  const pki = await makeTestPki(dir);
  const tls = {
    cert: await Deno.readTextFile(pki.certPath),
    key: await Deno.readTextFile(pki.keyPath),
  };
  const key = await makeKey("EdDSA");
  const token = await sign(key, { scope: "disks:read", expIn: 3600 });
  const audit: AuditSink = { append: () => Promise.resolve() };
  const backend = new FakeBackend();
  backend.roles.set("/dev/sdb", { kind: "osd", osdId: 1, up: true, in: true, destroyed: false });
  const inventory = fixedInventory([disk("sda", { system: "holds /" }), disk("sdb"), disk("sdc")]);
  const noAuth = createMiddleware<AppEnv>(async (c, next) => {
    c.set("principal", {
      sub: "bench",
      scopes: new Set(["disks:read"]),
      hosts: [HOST],
      expiresAt: Number.MAX_SAFE_INTEGER,
    });
    await next();
  });
  const withAuth = (cacheSize: number) =>
    auth({
      keys: localKeySource({ keys: [key.publicJwk] }),
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["EdDSA"],
      hostnames: [HOST],
      cacheSize,
    });
  const variants = [
    { name: "no auth", authenticate: noAuth, token: undefined },
    { name: "JWT auth, cache on", authenticate: withAuth(10_000), token },
    { name: "JWT auth, cache off", authenticate: withAuth(0), token },
  ];
  for (const route of values.route) {
    const results = new Map<string, WrkResult[]>();
    const seconds = Number(values.duration);
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const v of variants) {
        const app = createApp({
          backend,
          inventory,
          authenticate: v.authenticate,
          audit,
          limits: { ratePerSecond: 0 },
          log: () => {},
        });
        const server = await listen(app, createOpsApp({ metrics: new ApiMetrics() }), {
          hostname: "127.0.0.1",
          port: 0,
          tls,
          tlsServer: values.server === "node" ? "node" : "deno",
        });
        const url = `https://127.0.0.1:${server.addr.port}${route}`;
        await wrk(url, v.token, 2); // warm-up (JIT, TLS sessions, token cache)
        const r = await wrk(url, v.token, seconds);
        await server.shutdown();
        results.set(v.name, [...(results.get(v.name) ?? []), r]);
      }
    }
    const median = (xs: number[]): number => {
      const s = [...xs].sort((a, b) => a - b);
      return s[Math.floor((s.length - 1) / 2)]!;
    };
    const baseRuns = results.get(variants[0]!.name)!;
    const summary = variants.map((v) => {
      const rs = results.get(v.name)!;
      return {
        // The machine is shared: the ratio of runs made side by side (same round) is
        // steadier than the ratio of medians.
        pairedRatio: median(rs.map((r, i) => r.rps / baseRuns[i]!.rps)),
        name: v.name,
        rps: median(rs.map((r) => r.rps)),
        p50ms: median(rs.map((r) => r.p50ms)),
        p99ms: median(rs.map((r) => r.p99ms)),
        errors: rs.reduce((a, r) => a + r.errors, 0),
        runs: rs.map((r) => Math.round(r.rps)),
      };
    });
    const base = summary[0]!.rps;
    console.log(
      `\nwrk -t${values.threads} -c${values.connections} -d${seconds}s over TLS (${values.server}), GET ${route}, ` +
        `${values.rounds} rounds (median)\n`,
    );
    console.log(
      "| variant | req/s | p50 ms | p99 ms | vs no auth | paired ratio | errors | runs |",
    );
    console.log("|---|---|---|---|---|---|---|---|");
    for (const s of summary) {
      console.log(
        `| ${s.name} | ${Math.round(s.rps)} | ${s.p50ms.toFixed(2)} | ${s.p99ms.toFixed(2)} | ` +
          `${((s.rps / base) * 100).toFixed(0)} % | ${(s.pairedRatio * 100).toFixed(0)} % | ` +
          `${s.errors} | ${s.runs.join(", ")} |`,
      );
    }
    console.log(JSON.stringify({ route, summary }));
  }
} finally {
  await Deno.remove(dir, { recursive: true });
}
