/**
 * The whole disk-manager over real TLS (throw-away CA from openssl), keys and tokens
 * from the Vault double, certificate pin published to KV v2; the README's curl examples
 * and `bynar client` (as shipped: the packaged launcher and its permission flags) run for
 * real against it.
 */
import assert from "node:assert/strict";
import { startDiskManager } from "../../src/app/disk_manager.ts";
import { listen } from "../../src/api/server.ts";
import { createOpsApp } from "../../src/api/ops_app.ts";
import { ApiMetrics } from "../../src/api/metrics.ts";
import { DiskManagerConfigSchema } from "../../src/config/schema.ts";
import { SafetyError } from "../../src/errors.ts";
import { runCommand } from "../../src/process/run.ts";
import { openDatabase } from "../../src/store/db.ts";
import { startVaultDouble } from "../doubles/vault.ts";
import { AUDIENCE, disk, FakeBackend, fixedInventory, testApp } from "./harness.ts";
import { ApiClient } from "../../src/api/client.ts";
import { certFingerprint } from "../../src/vault/cert_pin.ts";
import { makeTestPki } from "./pki.ts";
import { runShipped, shippedScratchDir } from "../builders/shipped.ts";

const HOSTNAME = "localhost";
const CURL_EXAMPLES = new URL("./curl_examples.sh", import.meta.url).pathname;

async function fullService(tlsServer: "deno" | "node"): Promise<void> {
  // Readable by the shipped launcher: `bynar client` and `bynar audit verify` run as shipped.
  const dir = await shippedScratchDir("tls");
  // Vault too serves HTTPS from the private CA: every Vault call must trust it explicitly.
  const pki = await makeTestPki(dir);
  const vault = await startVaultDouble({
    tls: {
      cert: await Deno.readTextFile(pki.certPath),
      key: await Deno.readTextFile(pki.keyPath),
    },
  });
  const db = openDatabase(":memory:");
  let dm: Awaited<ReturnType<typeof startDiskManager>> | undefined;
  try {
    vault.tokens.set("s.disk-manager", { entityId: "entity-dm" });
    vault.tokens.set("s.operator", { entityId: "entity-operator" });
    vault.roles.set("bynar-client", {
      key: "bynar",
      ttl: 900,
      clientId: AUDIENCE,
      template: { scope: "disks:read disks:write", bynar_hosts: [HOSTNAME] },
    });
    const config = {
      ...DiskManagerConfigSchema.parse({
        tls_cert: pki.certPath,
        tls_key: pki.keyPath,
        vault_endpoint: vault.url,
        vault_ca_file: pki.caPath,
        audit_log: `${dir}/audit.log`,
        jwks_refresh_cooldown_seconds: 0,
        tls_server: tlsServer,
      }),
      port: 0,
      metrics_port: 0,
    };
    const backend = new FakeBackend();
    backend.roles.set("/dev/sdb", { kind: "osd", osdId: 1, up: true, in: true, destroyed: false });
    dm = await startDiskManager(config, {
      backend,
      inventory: fixedInventory([
        disk("sda", { system: "holds /" }),
        disk("sdb", { wwn: "0x5000c500a1b2c3d4" }),
      ]),
      db,
      vaultToken: "s.disk-manager",
      hostnames: [HOSTNAME],
      log: () => {},
    });
    // The pin is in KV v2 at the documented path, equal to openssl's fingerprint.
    assert.equal(dm.pin?.path, "bynar/hosts/localhost/tls");
    assert.equal(
      vault.kv.get("bynar/hosts/localhost/tls")?.versions.at(-1)?.data.sha256,
      pki.fingerprint,
    );

    const env = {
      VAULT_ADDR: vault.url,
      VAULT_CACERT: pki.caPath,
      VAULT_TOKEN: "s.operator",
      BYNAR_URL: `https://localhost:${dm.addr.port}`,
      BYNAR_CA: pki.caPath,
      DISK: "/dev/sdb",
      DISK_ID: "wwn:0x5000c500a1b2c3d4",
      METRICS_URL: `http://127.0.0.1:${dm.opsAddr!.port}`,
      OSD_ID: "1",
    };
    const r = await runCommand("bash", [CURL_EXAMPLES], { env, timeoutMs: 60_000 });
    assert.equal(r.code, 0, r.stderr);
    const out = r.stdout.trim().split("\n");
    assert.match(out[0]!, /"dev_path":"\/dev\/sda".*"role":\{"kind":"system"\}/);
    assert.match(out[1]!, /"key":"wwn:0x5000c500a1b2c3d4".*"osd_id":1/);
    assert.match(out[2]!, /"outcome":"Success","value":true/);
    assert.equal(out[3], '{"result":"OK","outcome":"Success","plan":["osd_out"]}');
    assert.equal(out[4], '{"state":"SUCCEEDED","outcome":"Success","osd_id":1}');
    assert.equal(out[5], '{"state":"SUCCEEDED","outcome":"Success","osd_id":1}');
    assert.equal(out[6], '{"status":"ok"}');
    assert.ok(Number(out[7]) >= 5);
    assert.ok(backend.calls.includes("remove /dev/sdb wwn:0x5000c500a1b2c3d4 simulate=false"));
    assert.ok(backend.calls.includes("add /dev/sdb wwn:0x5000c500a1b2c3d4 simulate=false osd=1"));

    // bynar client: protobuf on the wire, token from Vault, certificate pinned from Vault.
    const cli = (args: string[]) =>
      runShipped(["client", "--host", "localhost", "-p", String(dm!.addr.port), ...args], {
        env: { BYNAR_VAULT_TOKEN: "s.operator" },
        timeoutMs: 60_000,
      });
    const common = [
      "--vault-role",
      "bynar-client",
      "--vault-endpoint",
      vault.url,
      "--vault-ca",
      pki.caPath,
    ];
    let c = await cli([...common, "--ca", pki.caPath, "--pin-from-vault", "list"]);
    assert.equal(c.code, 0, c.stderr);
    assert.match(c.stdout, /^DEVICE\s+TYPE\s+IDENTITY\s+STATE\s+ROLE/);
    assert.match(
      c.stdout,
      /\/dev\/sdb\s+ROTATIONAL\s+wwn:0x5000c500a1b2c3d4\s+unknown\s+osd\.1 up in/,
    );
    c = await cli([
      ...common,
      "--ca",
      pki.caPath,
      "--format",
      "json",
      "remove",
      "/dev/sdb",
      "--identity",
      "SER-sdb",
      "--simulate",
    ]);
    assert.equal(c.code, 0, c.stderr);
    assert.equal(JSON.parse(c.stdout).plan[0].name, "osd_out");
    c = await cli([...common, "--ca", pki.caPath, "remove", "/dev/sdb", "--identity", "SER-sdb"]);
    assert.equal(c.code, 0, c.stderr);
    assert.match(c.stdout, /Remove \/dev\/sdb SUCCEEDED 100%/);
    c = await cli([...common, "--ca", pki.caPath, "remove", "/dev/sdb", "--identity", "WRONG"]);
    assert.equal(c.code, 1);
    assert.match(c.stderr, /\(412 identity_mismatch\)/);
    c = await cli([...common, "--ca", pki.caPath, "--pin", "00".repeat(32), "list"]);
    assert.equal(c.code, 1);
    assert.match(c.stderr, /differs from the pin/);
    c = await cli([...common, "--ca", pki.caPath, "tickets"]);
    assert.equal(c.code, 0, c.stderr);

    // Plain HTTP to the TLS port does not work; the API port does not serve /metrics.
    const plain = await runCommand("curl", [
      "-s",
      "-o",
      "/dev/null",
      "-w",
      "%{http_code}",
      `http://127.0.0.1:${dm.addr.port}/v1/disks`,
    ]);
    assert.notEqual(plain.stdout, "200");
    const m = await runCommand("curl", [
      "-s",
      "-o",
      "/dev/null",
      "-w",
      "%{http_code}",
      "--cacert",
      pki.caPath,
      `https://localhost:${dm.addr.port}/metrics`,
    ]);
    assert.equal(m.stdout, "404");

    // Audit chain intact, via the CLI.
    await dm.registry.idle();
    const a = await runShipped(["audit", "verify", `${dir}/audit.log`]);
    assert.equal(a.code, 0, a.stdout + a.stderr);
    assert.match(a.stdout, /^OK: \d+ records/);

    // A restart with the same certificate leaves the pin untouched (cas-guarded no-op).
    const writes = vault.stats.kvWrites;
    await dm.close();
    dm = await startDiskManager(config, {
      backend,
      inventory: fixedInventory([disk("sdb")]),
      db,
      vaultToken: "s.disk-manager",
      hostnames: [HOSTNAME],
      log: () => {},
    });
    assert.equal(dm.pin?.changed, false);
    assert.equal(vault.stats.kvWrites, writes);
  } finally {
    await dm?.close();
    db.close();
    await vault.close();
    await Deno.remove(dir, { recursive: true });
  }
}

for (const server of ["deno", "node"] as const) {
  Deno.test(`tls: full service over TLS (${server}); README curl examples and bynar client run for real`, () =>
    fullService(server));
}

Deno.test("tls: plain HTTP is refused on a non-loopback address, and TLS is required", async () => {
  const ops = createOpsApp({ metrics: new ApiMetrics() });
  await assert.rejects(
    listen(ops, ops, { hostname: "0.0.0.0", port: 0, insecureHttp: true }),
    SafetyError,
  );
  await assert.rejects(listen(ops, ops, { hostname: "127.0.0.1", port: 0 }), SafetyError);
});

Deno.test("tls: --pin alone trusts exactly a pinned self-signed certificate", async () => {
  const dir = await Deno.makeTempDir({ prefix: "bynar-pin-" });
  const ta = await testApp();
  try {
    const r = await runCommand("openssl", [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      `${dir}/k.pem`,
      "-out",
      `${dir}/c.pem`,
      "-days",
      "1",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
      "-addext",
      "basicConstraints=critical,CA:FALSE",
    ]);
    assert.equal(r.code, 0, r.stderr);
    const cert = await Deno.readTextFile(`${dir}/c.pem`);
    const server = await listen(ta.app, createOpsApp({ metrics: new ApiMetrics() }), {
      hostname: "127.0.0.1",
      port: 0,
      tls: { cert, key: await Deno.readTextFile(`${dir}/k.pem`) },
    });
    try {
      const url = `https://localhost:${server.addr.port}`;
      const pin = await certFingerprint(cert);
      const good = new ApiClient(url, { token: await ta.token(), pin });
      assert.equal((await good.listDisks()).length, 4);
      good.close();
      const bad = new ApiClient(url, { token: await ta.token(), pin: "11".repeat(32) });
      await assert.rejects(bad.listDisks(), /differs from the pin/);
      bad.close();
      const none = new ApiClient(url, { token: await ta.token() });
      await assert.rejects(none.listDisks(), /Cannot reach/);
      none.close();
    } finally {
      await server.shutdown();
    }
  } finally {
    await ta.cleanup();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("tls: start-up refuses a configuration without keys or issuer", async () => {
  const db = openDatabase(":memory:");
  try {
    const base = { backend: new FakeBackend(), inventory: fixedInventory([]), db, log: () => {} };
    await assert.rejects(
      startDiskManager(DiskManagerConfigSchema.parse({ insecure_http: true }), base),
      /set vault_endpoint \(Vault identity keys\) or jwks_file/,
    );
    await assert.rejects(
      startDiskManager(
        DiskManagerConfigSchema.parse({ insecure_http: true, jwks_file: "/nonexistent/jwks.json" }),
        base,
      ),
      /Cannot read JWKS file/,
    );
  } finally {
    db.close();
  }
});
