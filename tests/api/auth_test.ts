/**
 * Authentication and authorisation: one test per refusal class, the verified-token
 * cache, and key rotation through the Vault double.
 */
import assert from "node:assert/strict";
import { base64url } from "jose";
import {
  auth,
  localKeySource,
  remoteKeySource,
  vaultJwksUrl,
} from "../../src/api/middleware/auth/mod.ts";
import { VaultClient } from "../../src/vault/client.ts";
import { startVaultDouble } from "../doubles/vault.ts";
import { AUDIENCE, HOST, makeKey, req, type TestApp, testApp } from "./harness.ts";

async function problem(res: Response): Promise<{ status: number; title: string; detail: string }> {
  assert.equal(res.headers.get("content-type"), "application/problem+json");
  return await res.json();
}

Deno.test("auth: every refusal class gets its status and code, and no token in the message", async (t) => {
  const ta = await testApp();
  try {
    const get = async (token: string | undefined, headers: Record<string, string> = {}) =>
      await ta.app.request("/v1/disks", req(token, undefined, headers));
    const expect = async (name: string, res: Response, status: number, code: string) => {
      await t.step(name, async () => {
        const p = await problem(res);
        assert.equal(res.status, status, p.detail);
        assert.equal(p.title, code);
        assert.ok(!p.detail.includes("eyJ"), "message must not contain a token");
      });
    };
    await expect("no header", await get(undefined), 401, "invalid_request");
    await expect(
      "not bearer",
      await get(undefined, { authorization: "Basic dXNlcjpwYXNz" }),
      401,
      "invalid_request",
    );
    await expect(
      "garbage bearer",
      await get(undefined, { authorization: "Bearer not-a-jwt" }),
      401,
      "invalid_request",
    );
    await expect("garbage jwt", await get("aaa.bbb.ccc"), 401, "invalid_token");
    const none = `${base64url.encode(JSON.stringify({ alg: "none", kid: ta.key.kid }))}.${
      base64url.encode(JSON.stringify({ sub: "x", iss: "x", exp: 9999999999, bynar_hosts: [HOST] }))
    }.`;
    await expect("alg none", await get(none), 401, "invalid_token");
    const hsKey = new TextEncoder().encode("0123456789abcdef0123456789abcdef");
    const { SignJWT } = await import("jose");
    const hs = await new SignJWT({ scope: "disks:read", bynar_hosts: [HOST] })
      .setProtectedHeader({ alg: "HS256", kid: ta.key.kid }).setIssuer("x").setSubject("s")
      .setExpirationTime("1h").sign(hsKey);
    await expect("HS256 not allowed", await get(hs), 401, "invalid_token");
    await expect("kid missing", await get(await ta.token({ kid: null })), 401, "invalid_token");
    await expect("unknown kid", await get(await ta.token({ kid: "nope" })), 401, "invalid_token");
    const other = await makeKey();
    const forged = await (await import("./harness.ts")).sign(other, { kid: ta.key.kid });
    await expect("bad signature", await get(forged), 401, "invalid_token");
    await expect(
      "wrong issuer",
      await get(await ta.token({ iss: "https://evil" })),
      401,
      "invalid_token",
    );
    await expect(
      "wrong audience",
      await get(await ta.token({ aud: "other" })),
      401,
      "invalid_token",
    );
    await expect("expired", await get(await ta.token({ expIn: -120 })), 401, "invalid_token");
    await expect("not yet valid", await get(await ta.token({ nbfIn: 600 })), 401, "invalid_token");
    await expect(
      "wrong host",
      await get(await ta.token({ hosts: ["otherhost"] })),
      403,
      "wrong_host",
    );
    await expect("no host claim", await get(await ta.token({ hosts: [] })), 403, "wrong_host");
    await expect(
      "read scope missing",
      await get(await ta.token({ scope: "disks:write" })),
      403,
      "insufficient_scope",
    );
    await expect(
      "write scope missing",
      await ta.app.request(
        "/v1/disks/remove",
        req(await ta.token({ scope: "disks:read" }), { disk: "/dev/sdb", disk_identity: "x" }),
      ),
      403,
      "insufficient_scope",
    );
    await t.step("small clock skew accepted", async () => {
      const res = await get(await ta.token({ expIn: -10 }));
      assert.equal(res.status, 200);
    });
    await t.step("WWW-Authenticate on 401", async () => {
      const res = await get(undefined);
      await res.body?.cancel();
      assert.match(res.headers.get("www-authenticate") ?? "", /^Bearer realm="bynar"/);
    });
  } finally {
    await ta.cleanup();
  }
});

Deno.test("auth: unreachable key source gives 503 and the service keeps serving", async () => {
  const key = await makeKey();
  // A port nothing listens on.
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  const ta = await testApp({
    key,
    keys: remoteKeySource(new URL(`http://127.0.0.1:${port}/v1/identity/oidc/.well-known/keys`), {
      timeoutMs: 500,
    }),
    issuer: "x",
  });
  try {
    const res = await ta.app.request("/v1/disks", req(await ta.token({ iss: "x" })));
    assert.equal(res.status, 503);
    assert.equal((await res.json()).title, "key_source_unavailable");
    const open = await ta.app.request("/v1/openapi.json");
    assert.equal(open.status, 200);
    await open.body?.cancel();
  } finally {
    await ta.cleanup();
  }
});

Deno.test("auth: options are validated when the middleware is created", () => {
  const keys = localKeySource({ keys: [] });
  const base = { keys, issuer: "i", audience: "a", hostnames: ["h"] };
  assert.throws(() => auth({ ...base, algorithms: [] }), TypeError);
  assert.throws(() => auth({ ...base, algorithms: ["HS256"] }), TypeError);
  assert.throws(() => auth({ ...base, algorithms: ["none"] }), TypeError);
  assert.throws(() => auth({ ...base, issuer: "", algorithms: ["EdDSA"] }), TypeError);
});

Deno.test("auth: verified tokens are cached until expiry, and dropped when the key is withdrawn", async () => {
  let now = Date.now();
  const key = await makeKey();
  let published = true;
  const base = localKeySource({ keys: [key.publicJwk] });
  let verifications = 0;
  const keys = {
    getKey: (...a: Parameters<typeof base.getKey>) => {
      verifications++;
      return base.getKey(...a);
    },
    hasKid: (kid: string) => published && base.hasKid(kid),
    maintain: () => {},
  };
  const ta = await testApp({ keys, key, now: () => now });
  try {
    const token = await ta.token({ expIn: 60, now });
    for (let i = 0; i < 5; i++) {
      const res = await ta.app.request("/v1/disks", req(token));
      assert.equal(res.status, 200);
      await res.body?.cancel();
    }
    assert.equal(verifications, 1, "verified once, then served from the cache");
    now += 61_000 + 30_000; // past exp and skew (the expired entry is verified again and fails)
    let res = await ta.app.request("/v1/disks", req(token));
    assert.equal(res.status, 401);
    await res.body?.cancel();
    const t2 = await ta.token({ expIn: 600, now });
    res = await ta.app.request("/v1/disks", req(t2));
    assert.equal(res.status, 200);
    await res.body?.cancel();
    published = false; // key withdrawn: the cached entry must not be honoured
    res = await ta.app.request("/v1/disks", req(t2));
    await res.body?.cancel();
    assert.equal(verifications, 4, "cache entry dropped, token verified again");
  } finally {
    await ta.cleanup();
  }
});

Deno.test("auth: key rotation through Vault: new kid picked up, old kid honoured until withdrawn", async () => {
  let now = Date.now();
  const vault = await startVaultDouble({ now: () => now });
  let ta: TestApp | undefined;
  try {
    vault.tokens.set("s.client", { entityId: "entity-42" });
    vault.roles.set("bynar-client", {
      key: "bynar",
      ttl: 3600,
      clientId: AUDIENCE,
      template: { scope: "disks:read disks:write", bynar_hosts: [HOST] },
    });
    const client = new VaultClient(vault.url, { token: "s.client" });
    const keys = remoteKeySource(vaultJwksUrl(vault.url), { cooldownMs: 0, maxAgeMs: 1000 });
    ta = await testApp({ keys, issuer: vault.issuer, now: () => now });
    const app = ta.app;
    const call = async (token: string): Promise<number> => {
      const r = await app.request("/v1/disks", req(token));
      await r.body?.cancel();
      return r.status;
    };
    const old = (await client.oidcToken("bynar-client")).token;
    assert.equal(await call(old), 200);
    const fetches = vault.stats.jwksFetches;
    const newKid = await vault.rotate("bynar", 120);
    const fresh = (await client.oidcToken("bynar-client")).token;
    assert.match(fresh, /./);
    assert.equal(await call(fresh), 200, "new kid picked up by a refetch");
    assert.ok(vault.stats.jwksFetches > fetches);
    assert.equal(vault.currentKid(), newKid);
    assert.equal(await call(old), 200, "old kid still published");
    now += 121_000; // past the verification_ttl: old key withdrawn from the JWKS
    await new Promise((r) => setTimeout(r, 1100)); // let the JWKS cache age (maxAge 1 s)
    await call(fresh); // triggers the background refresh
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(await call(old), 401, "old kid refused once withdrawn");
    assert.equal(await call(fresh), 200);
  } finally {
    await vault.close();
    await ta?.cleanup();
  }
});

Deno.test("auth: unknown kids do not hammer Vault (bounded refresh rate)", async () => {
  const vault = await startVaultDouble();
  let ta: TestApp | undefined;
  try {
    const key = await makeKey();
    const keys = remoteKeySource(vaultJwksUrl(vault.url), { cooldownMs: 60_000 });
    ta = await testApp({ keys, issuer: vault.issuer });
    const app = ta.app;
    const { sign } = await import("./harness.ts");
    for (let i = 0; i < 20; i++) {
      const t = await sign(key, { iss: vault.issuer, kid: `random-${i}` });
      const r = await app.request("/v1/disks", req(t));
      assert.equal(r.status, 401);
      await r.body?.cancel();
    }
    assert.ok(vault.stats.jwksFetches <= 2, `fetched ${vault.stats.jwksFetches} times`);
  } finally {
    await vault.close();
    await ta?.cleanup();
  }
});
