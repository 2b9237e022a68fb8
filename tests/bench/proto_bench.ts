/**
 * `deno bench`: cost of the protobuf wire codec, alone and per request through
 * app.request (GET /v1/disks with 12 disks, protobuf vs JSON reply; no auth). Compares the
 * generated static code (proto/generated/) against a regression; see BENCHMARKS.md.
 */
import { createMiddleware } from "hono/factory";
import { createApp } from "../../src/api/app.ts";
import { decodeMessage, encodeMessage, protoTypes } from "../../src/api/codec/proto.ts";
import type { AppEnv } from "../../src/api/types.ts";
import { disk, FakeBackend, fixedInventory, HOST } from "../api/harness.ts";

const disks = Array.from({ length: 12 }, (_, i) => disk(`sd${String.fromCharCode(98 + i)}`));
const app = createApp({
  backend: new FakeBackend(),
  inventory: fixedInventory(disks),
  audit: { append: () => Promise.resolve() },
  tickets: { list: () => Promise.resolve([{ ticketId: "OPS-1", serverName: HOST }]) },
  limits: { ratePerSecond: 0 },
  log: () => {},
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
const PB = { headers: { accept: "application/x-protobuf" } };
const JSON_ACCEPT = { headers: { accept: "application/json" } };

const json = await (await app.request("/v1/disks", JSON_ACCEPT)).json();
const bytes = encodeMessage(protoTypes().Disks, json);

Deno.bench("encode Disks (12 disks)", { group: "codec", baseline: true }, () => {
  encodeMessage(protoTypes().Disks, json);
});
Deno.bench("decode Disks (12 disks)", { group: "codec" }, () => {
  decodeMessage(protoTypes().Disks, bytes);
});
Deno.bench("GET /v1/disks, protobuf reply", { group: "request", baseline: true }, async () => {
  await (await app.request("/v1/disks", PB)).arrayBuffer();
});
Deno.bench("GET /v1/disks, JSON reply", { group: "request" }, async () => {
  await (await app.request("/v1/disks", JSON_ACCEPT)).arrayBuffer();
});
