import { deepStrictEqual as assertEquals, ok as assert, rejects } from "node:assert/strict";
import { decodeJwt, importJWK, jwtVerify } from "jose";
import { generateLocalKey } from "../api/local_tokens.ts";
import type { Config } from "../config/load.ts";
import { BynarConfigSchema, CephConfigSchema, DiskManagerConfigSchema } from "../config/schema.ts";
import { renewAt, renewingToken, tokenTimes } from "./token_source.ts";
import { managerToken } from "./wire.ts";

Deno.test("renewAt: two thirds of the lifetime, at the latest a minute before expiry", () => {
  assertEquals(renewAt({ issuedAt: 0, expiresAt: 3600 }), 2400);
  assertEquals(renewAt({ issuedAt: 0, expiresAt: 30 }), 20);
  assertEquals(renewAt({ issuedAt: 100, expiresAt: null }), null);
  assertEquals(tokenTimes("not a jwt", 5), { issuedAt: 5, expiresAt: null });
});

Deno.test("renewingToken: cached, renewed before expiry, one mint for concurrent callers", async () => {
  let t = 1_000_000_000_000;
  let minted = 0;
  const jwt = (iat: number, exp: number) =>
    `x.${btoa(JSON.stringify({ iat, exp })).replace(/=+$/, "")}.y`;
  const get = renewingToken(() => {
    minted++;
    const iat = Math.floor(t / 1000);
    return Promise.resolve(jwt(iat, iat + 20));
  }, { what: "test", now: () => t });
  const [a, b] = await Promise.all([get(), get()]);
  assertEquals(a, b);
  assertEquals(minted, 1);
  t += 13_000;
  assertEquals(await get(), a, "13 s of 20: still the first token");
  t += 1_000;
  const c = await get();
  assert(c !== a, "14 s of 20: renewed");
  assertEquals(minted as number, 2);
  // A failed renewal keeps the unexpired token, then fails once it has expired.
  const failing = renewingToken(() => {
    minted++;
    if (minted > 3) return Promise.reject(new Error("vault down"));
    const iat = Math.floor(t / 1000);
    return Promise.resolve(jwt(iat, iat + 20));
  }, { what: "test", now: () => t });
  const d = await failing();
  t += 15_000;
  assertEquals(await failing(), d);
  t += 6_000;
  await rejects(failing(), /vault down/);
});

Deno.test("local issuer: the detector signs its own token and presents a valid one past the first token's expiry", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const k = await generateLocalKey();
    await Deno.writeTextFile(`${dir}/detect.jwk`, JSON.stringify(k.privateJwk));
    const config: Config = {
      dir,
      bynar: BynarConfigSchema.parse({
        manager_token_key_file: `${dir}/detect.jwk`,
        manager_token_ttl_seconds: 20,
      }),
      diskManager: DiskManagerConfigSchema.parse({
        jwt_issuer: "https://bynar.local/issuer",
        jwt_audience: "bynar-disk-manager",
      }),
      ceph: CephConfigSchema.parse({}),
      present: { bynar: true, diskManager: true, ceph: false },
    };
    let t = Date.now();
    const token = managerToken(config, { env: {}, hostname: "ceph1", now: () => t });
    const key = await importJWK(k.jwks.keys[0]!, k.privateJwk.alg);
    const seen = new Set<string>();
    for (let s = 0; s <= 65; s += 5) {
      t = Date.now() + s * 1000;
      const jwt = await token();
      seen.add(jwt);
      const { payload } = await jwtVerify(jwt, key, {
        issuer: "https://bynar.local/issuer",
        audience: "bynar-disk-manager",
        currentDate: new Date(t),
      });
      assertEquals(payload.scope, "disks:read disks:write");
      assertEquals(payload.sub, "bynar-detect@ceph1");
    }
    assert(seen.size >= 4, `renewed every ≈13 s over 65 s: ${seen.size} tokens`);
    assertEquals((decodeJwt([...seen][0]!).exp ?? 0) - (decodeJwt([...seen][0]!).iat ?? 0), 20);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("token file: an expired token is refused with what to do, never sent", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const past = Math.floor(Date.now() / 1000) - 10;
    const jwt = `x.${btoa(JSON.stringify({ iat: past - 3600, exp: past }))}.y`;
    await Deno.writeTextFile(`${dir}/token`, jwt);
    const config = {
      dir,
      bynar: BynarConfigSchema.parse({ manager_token_file: `${dir}/token` }),
      diskManager: DiskManagerConfigSchema.parse({}),
      ceph: CephConfigSchema.parse({}),
      present: { bynar: true, diskManager: false, ceph: false },
    } as Config;
    await rejects(
      managerToken(config, { env: {}, hostname: "h" })(),
      /expired at .*manager_token_key_file or manager_vault_role/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
