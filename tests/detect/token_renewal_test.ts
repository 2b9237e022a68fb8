/**
 * The detector's token from Vault's identity endpoint (the Vault double, with its own
 * clock), renewed before expiry: over 65 simulated seconds of 20-second tokens, every
 * token the detector presents verifies against Vault's JWKS at the time it is presented,
 * with the claims the role template gives (`scope`, `bynar_hosts`).
 *
 * @module
 */
import { deepStrictEqual as assertEquals, ok as assert } from "node:assert/strict";
import { createRemoteJWKSet, jwtVerify } from "jose";
import type { Config } from "../../src/config/load.ts";
import {
  BynarConfigSchema,
  CephConfigSchema,
  DiskManagerConfigSchema,
} from "../../src/config/schema.ts";
import { managerToken } from "../../src/app/detect.ts";
import { startVaultDouble } from "../doubles/vault.ts";

Deno.test("Vault role: the detector's token is renewed before expiry (20 s tokens, 65 s)", async () => {
  let t = Date.now();
  const vault = await startVaultDouble({ now: () => t });
  try {
    vault.tokens.set("s.detector", { entityId: "entity-ceph1" });
    vault.roles.set("bynar-detect", {
      key: "bynar",
      ttl: 20,
      clientId: "bynar-disk-manager",
      template: { scope: "disks:read disks:write", bynar_hosts: ["ceph1"] },
    });
    const config = {
      dir: "/nonexistent",
      bynar: BynarConfigSchema.parse({
        vault_endpoint: vault.url,
        vault_token: "s.detector",
        manager_vault_role: "bynar-detect",
      }),
      diskManager: DiskManagerConfigSchema.parse({}),
      ceph: CephConfigSchema.parse({}),
      present: { bynar: true, diskManager: false, ceph: false },
    } as Config;
    const token = managerToken(config, { env: {}, hostname: "ceph1", now: () => t });
    const jwks = createRemoteJWKSet(new URL(`${vault.issuer}/.well-known/keys`));
    const start = t;
    const seen = new Set<string>();
    for (let s = 0; s <= 65; s += 5) {
      t = start + s * 1000;
      const jwt = await token();
      seen.add(jwt);
      const { payload } = await jwtVerify(jwt, jwks, {
        issuer: vault.issuer,
        audience: "bynar-disk-manager",
        currentDate: new Date(t),
      });
      assertEquals(payload.scope, "disks:read disks:write");
      assertEquals(payload.bynar_hosts, ["ceph1"]);
    }
    assert(seen.size >= 4, `renewed: ${seen.size} tokens`);
    assertEquals(vault.stats.tokenRequests, seen.size, "one Vault request per token, not per call");
  } finally {
    await vault.close();
  }
});
