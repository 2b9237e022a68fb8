/**
 * The Vault client against the Vault double: sys/health modes, identity tokens, KV v2
 * with cas, certificate pin publication, errors.
 */
import assert from "node:assert/strict";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { certPinPath, publishCertPin, readCertPin } from "../../src/vault/cert_pin.ts";
import { VaultClient, VaultError } from "../../src/vault/client.ts";
import { startVaultDouble } from "../doubles/vault.ts";

Deno.test("vault: sys/health reports active, standby, sealed, uninitialised", async () => {
  const v = await startVaultDouble();
  try {
    const c = new VaultClient(v.url);
    assert.deepEqual(await c.health(), {
      status: 200,
      initialized: true,
      sealed: false,
      standby: false,
      version: "1.15.6",
    });
    v.health = "standby";
    assert.equal((await c.health()).standby, true);
    v.health = "sealed";
    const s = await c.health();
    assert.equal(s.status, 503);
    assert.equal(s.sealed, true);
    v.health = "uninitialized";
    assert.equal((await c.health()).initialized, false);
  } finally {
    await v.close();
  }
});

Deno.test("vault: identity token for a role; refusals are VaultErrors without the token", async () => {
  const v = await startVaultDouble({ algorithm: "ES256" });
  try {
    v.tokens.set("s.ok", { entityId: "ent-1" });
    v.tokens.set("s.root", {});
    v.roles.set("bynar-client", {
      key: "bynar",
      ttl: 600,
      clientId: "aud-1",
      template: { scope: "disks:read" },
    });
    const t = await new VaultClient(v.url, { token: "s.ok" }).oidcToken("bynar-client");
    assert.equal(t.clientId, "aud-1");
    assert.equal(t.ttl, 600);
    const claims = decodeJwt(t.token);
    assert.equal(claims.sub, "ent-1");
    assert.equal(claims.aud, "aud-1");
    assert.equal(claims.iss, v.issuer);
    assert.equal(claims.scope, "disks:read");
    assert.equal(decodeProtectedHeader(t.token).kid, v.currentKid());
    await assert.rejects(
      new VaultClient(v.url, { token: "s.bad-secret" }).oidcToken("bynar-client"),
      (e: unknown) =>
        e instanceof VaultError && e.status === 403 && !e.message.includes("s.bad-secret"),
    );
    await assert.rejects(
      new VaultClient(v.url, { token: "s.root" }).oidcToken("bynar-client"),
      (e: unknown) => e instanceof VaultError && /no entity/.test(e.message),
    );
    await assert.rejects(
      new VaultClient(v.url, { token: "s.ok" }).oidcToken("nope"),
      (e: unknown) => e instanceof VaultError && e.status === 400,
    );
    assert.throws(() => new VaultClient("ftp://x"), TypeError);
    await assert.rejects(new VaultClient(v.url, { token: "s.ok" }).oidcToken("../sys"), TypeError);
  } finally {
    await v.close();
  }
});

Deno.test("vault: KV v2 cas and certificate pin publication", async () => {
  const v = await startVaultDouble();
  try {
    v.tokens.set("s.dm", { entityId: "dm" });
    const c = new VaultClient(v.url, { token: "s.dm" });
    assert.equal(await c.kvRead("secret", "a/b"), null);
    assert.equal(await c.kvWrite("secret", "a/b", { x: 1 }, { cas: 0 }), 1);
    await assert.rejects(
      c.kvWrite("secret", "a/b", { x: 2 }, { cas: 0 }),
      (e: unknown) =>
        e instanceof VaultError && e.status === 400 && /check-and-set/.test(e.message),
    );
    assert.equal(await c.kvWrite("secret", "a/b", { x: 2 }, { cas: 1 }), 2);
    assert.deepEqual(await c.kvRead("secret", "a/b"), { data: { x: 2 }, version: 2 });

    const fp1 = "ab".repeat(32);
    const fp2 = "cd".repeat(32);
    const opts = { mount: "secret", hostname: "host1", now: () => 0 };
    assert.deepEqual(await publishCertPin(c, fp1, opts), {
      version: 1,
      changed: true,
      path: "bynar/hosts/host1/tls",
    });
    assert.equal((await publishCertPin(c, fp1, opts)).changed, false);
    assert.deepEqual(await publishCertPin(c, fp2, opts), {
      version: 2,
      changed: true,
      path: certPinPath("host1"),
    });
    assert.equal(await readCertPin(c, opts), fp2);
    assert.throws(() => certPinPath("../x"), TypeError);
  } finally {
    await v.close();
  }
});
