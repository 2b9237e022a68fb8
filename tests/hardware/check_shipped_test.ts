/**
 * `bynar --check` with hardware, as shipped: the package built from this tree, run through
 * its launcher with the packaged permission flags, against the BMC double serving the DMTF
 * mockup over HTTPS (test CA, session auth).
 */
import assert from "node:assert/strict";
import { runShipped, shippedScratchDir } from "../builders/shipped.ts";
import { startBmcDouble } from "../doubles/bmc.ts";
import { certFingerprint } from "../../src/vault/cert_pin.ts";
import { bmcFixture } from "./bmc_fixture.ts";

const FAN = "/redfish/v1/Chassis/1U/ThermalSubsystem/Fans/Bay1";

async function writeConfig(dir: string, hardware: Record<string, unknown>): Promise<void> {
  await Deno.writeTextFile(`${dir}/bmc.pass`, "bmc-secret\n", { mode: 0o600 });
  await Deno.writeTextFile(
    `${dir}/bynar.json`,
    JSON.stringify({
      hardware: { username: "bynar", password_file: `${dir}/bmc.pass`, ...hardware },
    }),
  );
}

Deno.test({
  name:
    "shipped bynar --check reports the mockup's PSU warning, a failed fan, and an unreadable BMC",
  ignore: Deno.uid() !== 0,
  async fn(t) {
    const dir = await shippedScratchDir("hw-check");
    const f = await bmcFixture({ dir });
    try {
      await Deno.copyFile(f.pki.caPath, `${dir}/bmc-ca.pem`);
      await writeConfig(dir, { endpoint: f.bmc.url, ca_file: `${dir}/bmc-ca.pem` });
      const check = (...extra: string[]) =>
        runShipped(["--check", "--config-dir", dir, "--no-db", ...extra]);

      await t.step("nagios: WARNING, exit 1, the PSU named with its identity", async () => {
        const r = await check();
        assert.equal(r.code, 1, r.stdout + r.stderr);
        assert.match(
          r.stdout.split("\n")[0]!,
          /^BYNAR WARNING - .*hardware: 2 warning \(PSU 1, SATA Bay 2\)/,
        );
        assert.match(
          r.stdout,
          /\[WARNING\] power supply Power Supply Bay 1 \(model RKS-440DC, serial 3488247, part 23456-133, at "PSU 1"\): The BMC reports the power supply Power Supply Bay 1 Health Warning/,
        );
        assert.equal(f.bmc.stats.logins, 1);
        assert.equal(f.bmc.stats.logouts, 1, "the session is deleted");
      });

      await t.step("json: the hardware object with identity, verdict and reasons", async () => {
        const r = await check("--format", "json");
        assert.equal(r.code, 1, r.stderr);
        const doc = JSON.parse(r.stdout);
        assert.equal(doc.status, "WARNING");
        assert.equal(doc.hardware.verdict, "warning");
        const psu = doc.hardware.parts.find((p: { slot: string }) =>
          p.slot === "power_supply:1U/Bay1"
        );
        assert.equal(psu.serial, "3488247");
        assert.equal(psu.part_number, "23456-133");
        assert.equal(psu.health, "Warning");
        assert.equal(psu.replace, false);
        assert.equal(doc.hardware.events.length, 2);
        assert.deepEqual(doc.hardware.problems, []);
      });

      await t.step("prometheus: part identity labels and health", async () => {
        const r = await check("--format", "prometheus");
        assert.equal(r.code, 1, r.stderr);
        assert.match(
          r.stdout,
          /bynar_hardware_part_info\{slot="power_supply:1U\/Bay1",kind="power_supply",name="Power Supply Bay 1",model="RKS-440DC",serial="3488247",part_number="23456-133",location="PSU 1",state="Enabled"\} 1/,
        );
        assert.match(r.stdout, /bynar_hardware_part_health\{slot="power_supply:1U\/Bay1"\} 1/);
        assert.match(r.stdout, /bynar_hardware_bmc_up\{endpoint="https:\/\/127\.0\.0\.1:\d+"\} 1/);
        assert.match(r.stdout, /bynar_check_status\{host="[^"]+"\} 1/);
      });

      await t.step("bynar hardware lists every part with identity and verdict", async () => {
        const r = await runShipped(["hardware", "--config-dir", dir]);
        assert.equal(r.code, 0, r.stdout + r.stderr);
        assert.match(
          r.stdout,
          /^KIND +LOCATION +NAME +MODEL +SERIAL +PART +STATE +HEALTH +VERDICT$/m,
        );
        assert.match(
          r.stdout,
          /^power_supply +PSU 1 +Power Supply Bay 1 +RKS-440DC +3488247 +23456-133 +Enabled +Warning +warning$/m,
        );
        assert.match(r.stdout, /^power_supply +PSU 2 +Power Supply Bay 2 .* Absent +- +ok$/m);
        assert.match(r.stdout, /^memory +Socket 1 Channel 1 Slot 1 +DIMM Slot 1 /m);
        assert.match(
          r.stdout,
          /CPU #1 Temperature: 37 °C \(caution\/critical\/fatal 42\/45\/50\) ok/,
        );
        assert.match(r.stdout, /Critical: Temperature threshold exceeded/);
        const j = await runShipped(["hardware", "--config-dir", dir, "--json"]);
        assert.equal(j.code, 0, j.stderr);
        const doc = JSON.parse(j.stdout);
        assert.equal(doc.parts.length, 20);
        assert.equal(doc.verdict, "warning");
      });

      await t.step("a failed fan: CRITICAL, exit 2", async () => {
        f.bmc.patch(FAN, { Status: { Health: "Critical" } });
        const r = await check();
        assert.equal(r.code, 2, r.stdout + r.stderr);
        assert.match(r.stdout, /\[CRITICAL\] fan Fan Bay 1 .*failed: Health Critical/);
        f.bmc.patch(FAN, { Status: { Health: "OK" } });
      });

      await t.step("a failed PSU: CRITICAL, exit 2, in JSON with replace: true", async () => {
        const psu = "/redfish/v1/Chassis/1U/PowerSubsystem/PowerSupplies/Bay1";
        f.bmc.patch(psu, { Status: { Health: "Critical" } });
        const r = await check("--format", "json");
        assert.equal(r.code, 2, r.stdout + r.stderr);
        const doc = JSON.parse(r.stdout);
        const p = doc.hardware.parts.find((x: { slot: string }) =>
          x.slot === "power_supply:1U/Bay1"
        );
        assert.equal(p.verdict, "critical");
        assert.equal(p.replace, true);
        assert.equal(p.needs_host_down, false);
        f.bmc.patch(psu, { Status: { Health: "Warning" } });
      });

      await t.step("wrong BMC password: UNKNOWN with the reason, never a part fault", async () => {
        await Deno.writeTextFile(`${dir}/bmc.pass`, "wrong\n");
        f.bmc.patch("/redfish/v1/Chassis/1U/PowerSubsystem/PowerSupplies/Bay1", {
          Status: { Health: "OK" },
        });
        f.bmc.patch("/redfish/v1/Systems/437XR1138R2/SimpleStorage/1", {
          Devices: [{ Name: "SATA Bay 1", Status: { State: "Enabled", Health: "OK" } }],
        });
        const r = await check();
        assert.equal(r.code, 3, r.stdout + r.stderr);
        assert.match(
          r.stdout,
          /\[UNKNOWN\] Cannot read the BMC at .*HTTP 401; check the user name and password/,
        );
        assert.ok(!r.stdout.includes("wrong"));
      });
    } finally {
      await f.close();
    }
  },
});

Deno.test({
  name:
    "shipped bynar --check: a BMC outside BYNAR_ALLOW_NET is UNKNOWN naming the fix; listed, it is read (pinned certificate)",
  ignore: Deno.uid() !== 0,
  async fn() {
    const dir = await shippedScratchDir("hw-net");
    const made = await new Deno.Command("openssl", {
      args: [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        `${dir}/key.pem`,
        "-out",
        `${dir}/cert.pem`,
        "-days",
        "2",
        "-subj",
        "/CN=bmc",
        "-addext",
        "subjectAltName=IP:127.0.0.2",
        "-addext",
        "basicConstraints=critical,CA:FALSE",
      ],
      stdout: "null",
      stderr: "piped",
    }).output();
    assert.equal(made.code, 0, new TextDecoder().decode(made.stderr));
    const pem = await Deno.readTextFile(`${dir}/cert.pem`);
    const bmc = await startBmcDouble({
      hostname: "127.0.0.2",
      certPem: pem,
      keyPem: await Deno.readTextFile(`${dir}/key.pem`),
    });
    try {
      await writeConfig(dir, { endpoint: bmc.url, cert_pin: await certFingerprint(pem) });
      const args = ["--check", "--config-dir", dir, "--no-db"];
      const refused = await runShipped(args);
      assert.equal(refused.code, 3, refused.stdout + refused.stderr);
      const host = new URL(bmc.url).host;
      assert.ok(
        refused.stdout.includes(`add "${host}" to BYNAR_ALLOW_NET`),
        refused.stdout,
      );
      const allowed = await runShipped(args, { defaults: `BYNAR_ALLOW_NET=${host}\n` });
      assert.equal(allowed.code, 1, allowed.stdout + allowed.stderr);
      assert.match(allowed.stdout, /power supply Power Supply Bay 1 .*Health Warning/);
    } finally {
      await bmc.close();
    }
  },
});
