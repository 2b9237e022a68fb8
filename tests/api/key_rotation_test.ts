/**
 * Key rotation against the Vault double: a withdrawn key stops validating within the
 * configured JWKS max age (and within a lower `Cache-Control: max-age` from Vault); while
 * Vault is sealed past the grace, remove/add fail closed with 503 and reads continue.
 * In process on a fake clock shared by the double and the disk-manager; the as-shipped
 * variant with real time is in shipped_faults_test.ts.
 */
import assert from "node:assert/strict";
import { buildDiskManagerApp } from "../../src/app/disk_manager.ts";
import { DiskManagerConfigSchema } from "../../src/config/schema.ts";
import { openDatabase } from "../../src/store/db.ts";
import { startVaultDouble, type VaultDouble } from "../doubles/vault.ts";
import { AUDIENCE, disk, FakeBackend, fixedInventory, HOST, req } from "./harness.ts";
import { validatedApp } from "./openapi_check.ts";

interface Rig {
  vault: VaultDouble;
  clock: { t: number };
  app: { request: (path: string, init?: RequestInit) => Promise<Response> | Response };
  token: () => Promise<string>;
  close: () => Promise<void>;
}

async function rig(dm: Record<string, unknown>): Promise<Rig> {
  const clock = { t: Date.now() };
  const now = () => clock.t;
  const vault = await startVaultDouble({ now });
  vault.tokens.set("s.op", { entityId: "entity-op" });
  vault.roles.set("bynar-client", {
    key: "bynar",
    ttl: 3600,
    clientId: AUDIENCE,
    template: { scope: "disks:read disks:write", bynar_hosts: [HOST] },
  });
  const dir = await Deno.makeTempDir({ prefix: "bynar-keys-" });
  const db = openDatabase(`${dir}/bynar.db`);
  const backend = new FakeBackend();
  backend.roles.set("/dev/sdb", { kind: "osd", osdId: 1, up: true, in: true, destroyed: false });
  const built = await buildDiskManagerApp(
    DiskManagerConfigSchema.parse({
      insecure_http: true,
      vault_endpoint: vault.url,
      audit_log: `${dir}/audit.log`,
      rate_limit_per_second: 0,
      jwks_refresh_cooldown_seconds: 0,
      ...dm,
    }),
    {
      backend,
      inventory: fixedInventory([disk("sdb", { wwn: "0x5000c500a1b2c3d4" })]),
      db,
      hostnames: [HOST],
      log: () => {},
      now,
    },
  );
  return {
    vault,
    clock,
    app: validatedApp(built.app),
    token: async () => {
      const r = await fetch(`${vault.url}/v1/identity/oidc/token/bynar-client`, {
        headers: { "x-vault-token": "s.op" },
      });
      return (await r.json()).data.token;
    },
    close: async () => {
      await built.registry.close();
      db.close();
      await vault.close();
      await Deno.remove(dir, { recursive: true });
    },
  };
}

async function status(r: Rig, token: string, body?: unknown): Promise<number> {
  const res = await r.app.request(body ? "/v1/disks/remove" : "/v1/disks", req(token, body));
  await res.body?.cancel();
  return res.status;
}

const REMOVE = { disk: "/dev/sdb", disk_identity: "wwn:0x5000c500a1b2c3d4", simulate: true };

Deno.test("keys: a withdrawn key stops validating within jwks_max_age_seconds, not before", async () => {
  const r = await rig({ jwks_max_age_seconds: 20 });
  try {
    const old = await r.token();
    assert.equal(await status(r, old), 200);
    await r.vault.rotate("bynar", 0); // withdrawn at once
    r.clock.t += 19_000;
    assert.equal(await status(r, old), 200, "inside the bound the cached set still holds it");
    r.clock.t += 1_500;
    assert.equal(await status(r, old), 401, "past the bound the key is gone");
    assert.equal(await status(r, await r.token()), 200, "the new key validates");
  } finally {
    await r.close();
  }
});

Deno.test("keys: the default bound is 60 s", async () => {
  const r = await rig({});
  try {
    const old = await r.token();
    assert.equal(await status(r, old), 200);
    await r.vault.rotate("bynar", 0);
    r.clock.t += 61_000;
    assert.equal(await status(r, old), 401);
  } finally {
    await r.close();
  }
});

Deno.test("keys: Vault's Cache-Control max-age lowers the bound", async () => {
  const r = await rig({ jwks_max_age_seconds: 300 });
  try {
    r.vault.jwksCacheControl = "public, max-age=3";
    const old = await r.token();
    assert.equal(await status(r, old), 200);
    await r.vault.rotate("bynar", 0);
    r.clock.t += 3_500;
    assert.equal(await status(r, old), 401);
  } finally {
    await r.close();
  }
});

Deno.test("keys: Vault sealed past the grace: remove fails closed with 503, reads continue; unsealed, all works", async () => {
  const r = await rig({ jwks_max_age_seconds: 10, vault_unreachable_grace_seconds: 30 });
  try {
    const t = await r.token();
    assert.equal(await status(r, t), 200);
    r.vault.health = "sealed";
    r.clock.t += 25_000; // stale 15 s: within the grace
    assert.equal(await status(r, t), 200);
    assert.equal(await status(r, t, REMOVE), 200);
    r.clock.t += 20_000; // stale 35 s: past the grace
    assert.equal(await status(r, t), 200, "reads continue");
    const res = await r.app.request("/v1/disks/remove", req(t, REMOVE));
    assert.equal(res.status, 503);
    assert.equal(res.headers.get("content-type"), "application/problem+json");
    const p = await res.json();
    assert.equal(p.title, "key_source_stale");
    assert.match(p.detail, /could not be refreshed for 35 s \(HTTP 503\)/);
    r.vault.health = "active";
    assert.equal(await status(r, t, REMOVE), 200);
  } finally {
    await r.close();
  }
});
