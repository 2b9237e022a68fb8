/**
 * Reading the BMC as configured: credentials from Vault KV v2 (the Vault double), a CA
 * file that cannot be read, and settings resolved from the original `redfish_*` fields.
 */
import assert from "node:assert/strict";
import { BynarConfigSchema } from "../../src/config/schema.ts";
import { readHardware } from "../../src/hardware/read.ts";
import { hardwareSettings } from "../../src/hardware/settings.ts";
import { VaultClient } from "../../src/vault/client.ts";
import { startVaultDouble } from "../doubles/vault.ts";
import { bmcFixture } from "./bmc_fixture.ts";

Deno.test("BMC credentials from Vault KV v2; a missing secret is a check problem", async () => {
  const f = await bmcFixture();
  const vault = await startVaultDouble();
  try {
    vault.tokens.set("hvs.test", {});
    vault.kv.set("bynar/hosts/storage-17/bmc", {
      versions: [{
        data: { username: f.bmc.username, password: f.bmc.password },
        created_time: new Date().toISOString(),
      }],
    });
    const settings = hardwareSettings(BynarConfigSchema.parse({
      hardware: {
        endpoint: f.bmc.url,
        vault_path: "bynar/hosts/storage-17/bmc",
        ca_file: f.pki.caPath,
      },
    }))!;
    const client = new VaultClient(vault.url, { token: "hvs.test" });
    const hw = await readHardware(settings, { vault: client });
    assert.deepEqual(hw.problems, []);
    assert.equal(hw.assessment!.verdict, "warning");
    assert.equal(f.bmc.stats.logins, 1);

    const missing = await readHardware(
      { ...settings, vault: { mount: "secret", path: "bynar/hosts/nope/bmc" } },
      { vault: client },
    );
    assert.equal(missing.assessment, null);
    assert.match(missing.problems[0]!, /Vault has no secret at "secret\/bynar\/hosts\/nope\/bmc"/);
    const noVault = await readHardware(settings, { vault: null });
    assert.match(noVault.problems[0]!, /vault_endpoint and a Vault token are not configured/);
  } finally {
    await vault.close();
    await f.close();
  }
});

Deno.test("settings: redfish_* fallbacks, hardware off, and clear errors", () => {
  const s = hardwareSettings(BynarConfigSchema.parse({
    redfish_ip: "10.1.2.3",
    redfish_port: 8443,
    redfish_username: "root",
    redfish_password: "calvin",
  }))!;
  assert.equal(s.endpoint, "https://10.1.2.3:8443");
  assert.equal(s.username, "root");
  assert.equal(s.auth, "session");
  assert.equal(hardwareSettings(BynarConfigSchema.parse({})), null);
  assert.equal(
    hardwareSettings(
      BynarConfigSchema.parse({ redfish_ip: "10.1.2.3", hardware: { enabled: false } }),
    ),
    null,
  );
  assert.throws(
    () => hardwareSettings(BynarConfigSchema.parse({ hardware: { enabled: true } })),
    /neither "hardware.endpoint" nor "redfish_ip"/,
  );
  assert.throws(
    () => hardwareSettings(BynarConfigSchema.parse({ hardware: { endpoint: "https://bmc" } })),
    /no BMC credentials/,
  );
  assert.equal(
    BynarConfigSchema.safeParse({ hardware: { endpoint: "http://bmc" } }).success,
    false,
    "https only",
  );
  assert.equal(
    BynarConfigSchema.safeParse({ hardware: { endpont: "https://bmc" } }).success,
    false,
  );
});

Deno.test("an unreadable CA file is a check problem naming the field", async () => {
  const settings = hardwareSettings(BynarConfigSchema.parse({
    hardware: {
      endpoint: "https://127.0.0.1:9",
      username: "u",
      password: "p",
      ca_file: "/nonexistent/bmc-ca.pem",
    },
  }))!;
  const hw = await readHardware(settings);
  assert.match(
    hw.problems[0]!,
    /Cannot read the BMC CA file "\/nonexistent\/bmc-ca\.pem" \(hardware\.ca_file\)/,
  );
});
