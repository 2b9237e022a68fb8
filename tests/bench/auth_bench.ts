/**
 * `deno bench`: in-process cost of authentication per request (GET /v1/tickets through
 * app.request): no auth vs JWT with the verified-token cache vs JWT verified every time.
 * Target: the cached path adds well under 10 % to a request; see tests/bench/api_wrk.ts
 * for the over-TLS load test.
 */
import { createMiddleware } from "hono/factory";
import { createApp } from "../../src/api/app.ts";
import { auth, localKeySource } from "../../src/api/middleware/auth/mod.ts";
import type { AppEnv } from "../../src/api/types.ts";
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

const key = await makeKey("EdDSA");
const token = await sign(key, { scope: "disks:read", expIn: 3600 });
const base = {
  backend: new FakeBackend(),
  inventory: fixedInventory([disk("sdb")]),
  audit: { append: () => Promise.resolve() },
  tickets: { list: () => Promise.resolve([{ ticketId: "OPS-1", serverName: HOST }]) },
  limits: { ratePerSecond: 0 },
  log: () => {},
};
const withAuth = (cacheSize: number) =>
  createApp({
    ...base,
    authenticate: auth({
      keys: localKeySource({ keys: [key.publicJwk] }),
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["EdDSA"],
      hostnames: [HOST],
      cacheSize,
    }),
  });
const noAuth = createApp({
  ...base,
  authenticate: createMiddleware<AppEnv>(async (c, next) => {
    c.set("principal", {
      sub: "b",
      scopes: new Set(["disks:read"]),
      hosts: [HOST],
      expiresAt: 1e15,
    });
    await next();
  }),
});
const cached = withAuth(10_000);
const uncached = withAuth(0);
const init = { headers: { authorization: `Bearer ${token}` } };

Deno.bench("GET /v1/tickets, no auth", { group: "auth", baseline: true }, async () => {
  await (await noAuth.request("/v1/tickets", init)).text();
});
Deno.bench("GET /v1/tickets, JWT + verified-token cache", { group: "auth" }, async () => {
  await (await cached.request("/v1/tickets", init)).text();
});
Deno.bench("GET /v1/tickets, JWT verified every time", { group: "auth" }, async () => {
  await (await uncached.request("/v1/tickets", init)).text();
});
