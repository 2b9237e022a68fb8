/**
 * `--vault-ca` / `vault_ca_file` honoured by every Vault call of the client side, as
 * shipped: `bynar token get` and `bynar client --vault-role` against a Vault double
 * serving HTTPS from a private CA (the system store does not trust it).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { runShipped, shippedScratchDir } from "../builders/shipped.ts";
import { startVaultDouble } from "../doubles/vault.ts";
import { AUDIENCE } from "./harness.ts";
import { setupShippedDm, startShippedDm } from "./shipped_dm.ts";

Deno.test("vault CA: bynar token get and bynar client --vault-role trust --vault-ca / vault_ca_file (as shipped)", async () => {
  const s = await setupShippedDm(await shippedScratchDir("vault-ca"));
  const vault = await startVaultDouble({
    tls: {
      cert: await Deno.readTextFile(s.pki.certPath),
      key: await Deno.readTextFile(s.pki.keyPath),
    },
  });
  vault.tokens.set("s.op", { entityId: "entity-op" });
  vault.roles.set("bynar-client", {
    key: "bynar",
    ttl: 600,
    clientId: AUDIENCE,
    template: { scope: "disks:read disks:write", bynar_hosts: ["localhost"] },
  });
  const clientDir = join(s.dir, "client");
  await Deno.mkdir(clientDir);
  const env = { BYNAR_VAULT_TOKEN: "s.op" };
  const get = ["token", "get", "--vault-endpoint", vault.url, "--config-dir", clientDir];
  try {
    // Without the CA the private certificate is refused.
    let r = await runShipped(get, { env });
    assert.notEqual(r.code, 0, r.stdout);
    assert.match(r.stderr, /Cannot reach Vault at https:\/\/localhost/);
    r = await runShipped([...get, "--vault-ca", s.pki.caPath], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout.trim(), /^[\w-]+\.[\w-]+\.[\w-]+$/);
    // vault_ca_file from disk-manager.json of the client's config directory.
    await Deno.writeTextFile(
      join(clientDir, "disk-manager.json"),
      JSON.stringify({ vault_ca_file: s.pki.caPath }),
    );
    r = await runShipped(get, { env });
    assert.equal(r.code, 0, r.stderr);

    // bynar client --vault-role against a disk-manager that trusts Vault's keys.
    const dm = await startShippedDm(s, {
      jwks_file: undefined,
      vault_endpoint: vault.url,
      vault_ca_file: s.pki.caPath,
      jwt_issuer: vault.issuer,
    });
    try {
      const c = await runShipped([
        "client",
        "--host",
        "localhost",
        "-p",
        String(dm.port),
        "--ca",
        s.pki.caPath,
        "--vault-role",
        "bynar-client",
        "--vault-endpoint",
        vault.url,
        "--vault-ca",
        s.pki.caPath,
        "--config-dir",
        join(s.dir, "nothing"),
        "list",
      ], { env });
      assert.equal(c.code, 0, c.stderr + dm.log());
      assert.match(c.stdout, /\/dev\/sdb\s+ROTATIONAL\s+serial:SIM-sdb/);
    } finally {
      assert.equal((await dm.stop()).code, 0);
    }
  } finally {
    await vault.close();
  }
});
