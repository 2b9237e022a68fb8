import { deepStrictEqual as assertEquals, ok as assert, rejects } from "node:assert/strict";
import { decodeJwt, importJWK, jwtVerify } from "jose";
import { generateLocalKey } from "../api/local_tokens.ts";
import type { Config } from "../config/load.ts";
import { BynarConfigSchema, CephConfigSchema, DiskManagerConfigSchema } from "../config/schema.ts";
import { managerToken } from "./detect.ts";

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
