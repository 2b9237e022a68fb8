/**
 * Single-host setup without Vault, AS SHIPPED (the packaged launcher and its permission
 * flags; files in a directory the shipped product may write): `bynar token keygen` writes
 * a key and its JWKS, `bynar token issue` signs a token that the disk-manager's verifier
 * (jwks_file) accepts.
 */
import assert from "node:assert/strict";
import { fileKeySource, verifyToken } from "../../src/api/middleware/auth/mod.ts";
import { runShipped, shippedScratchDir } from "../builders/shipped.ts";

Deno.test("token cli: keygen + issue give tokens the jwks_file verifier accepts", async () => {
  const dir = await shippedScratchDir("token");
  try {
    const bynar = (args: string[]) => runShipped(args);
    let r = await bynar([
      "token",
      "keygen",
      "--out-key",
      `${dir}/key.jwk`,
      "--out-jwks",
      `${dir}/jwks.json`,
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal((await Deno.stat(`${dir}/key.jwk`)).mode! & 0o777, 0o600);
    const jwks = JSON.parse(await Deno.readTextFile(`${dir}/jwks.json`));
    assert.equal(jwks.keys.length, 1);
    assert.ok(!("d" in jwks.keys[0]), "public key only");
    await Deno.writeTextFile(
      `${dir}/disk-manager.json`,
      JSON.stringify({ jwt_issuer: "bynar-local", jwks_file: `${dir}/jwks.json` }),
    );
    r = await bynar([
      "token",
      "issue",
      "--key",
      `${dir}/key.jwk`,
      "--sub",
      "ops-alice",
      "--scope",
      "disks:read,disks:write",
      "--host",
      "host1",
      "--ttl",
      "600",
      "--config-dir",
      dir,
    ]);
    assert.equal(r.code, 0, r.stderr);
    const token = r.stdout.trim();
    const v = await verifyToken(token, {
      keys: await fileKeySource(`${dir}/jwks.json`),
      issuer: "bynar-local",
      audience: "bynar-disk-manager",
      algorithms: ["EdDSA"],
      hostnames: ["host1"],
    });
    assert.equal(v.principal.sub, "ops-alice");
    assert.deepEqual([...v.principal.scopes].sort(), ["disks:read", "disks:write"]);
    r = await bynar([
      "token",
      "keygen",
      "--out-key",
      `${dir}/key.jwk`,
      "--out-jwks",
      `${dir}/j2.json`,
    ]);
    assert.notEqual(r.code, 0, "never overwrites an existing private key");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
