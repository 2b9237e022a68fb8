/**
 * `bynar smart` end to end AS SHIPPED (the packaged launcher and its permission flags):
 * formats, fields and exit codes. The dumps are copied into a directory the shipped
 * product may read (`shippedScratchDir()`, under /run/bynar).
 */
import assert from "node:assert/strict";
import { basename } from "node:path";
import { runShipped, shippedScratchDir } from "../builders/shipped.ts";
import { SMART_BLOBS, SMARTCTL_JSON } from "./fixtures.ts";

const scratch = shippedScratchDir("smart-cli");

async function bynar(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  // An empty configuration directory the shipped product may read: built-in defaults.
  return await runShipped(["--config-dir", `${await scratch}/no-config`, ...args]);
}

/** Copies a fixture where the shipped product may read it. */
async function fixture(name: string, base: URL): Promise<string> {
  const to = `${await scratch}/${basename(name)}`;
  await Deno.copyFile(new URL(name, base).pathname, to);
  return to;
}

Deno.test("--blob --format json prints the documented fields; a bad-sector drive exits 2", async () => {
  const r = await bynar(
    "smart",
    "--blob",
    await fixture("WDC_WD5000AAKS--00TMA0-12.01C01", SMART_BLOBS),
    "--format",
    "json",
  );
  assert.equal(r.code, 2, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.deepEqual(j.identify, {
    model: "WDC WD5000AAKS-00TMA0",
    serial: "WD-WCAPW0493929",
    firmware: "12.01C01",
    wwn: "50014ee2002a560a", // decoded from IDENTIFY by the WASM parser; OUI 0014ee = Western Digital
  });
  assert.equal(j.smart_status_good, true);
  const a5 = j.attributes.find((a: { id: number }) => a.id === 5);
  assert.deepEqual(
    Object.keys(a5).slice(0, 8),
    ["id", "name", "current", "worst", "threshold", "raw", "prefailure", "online"],
  );
  assert.equal(a5.raw, 63);
  assert.equal(j.verdict, "critical");
  assert.ok(
    j.reasons.includes("reallocated-sector-count (5) raw value 63 is above the critical limit 4"),
  );
});

Deno.test("--smartctl-json for NVMe prints the NVMe fields; exit codes per verdict", async () => {
  const bad = await bynar(
    "smart",
    "--smartctl-json",
    await fixture("nvme-null-SAMSUNG_MZWLL3T2HAJQ-00005-nvme0.json", SMARTCTL_JSON),
    "--format",
    "json",
  );
  assert.equal(bad.code, 2);
  const j = JSON.parse(bad.stdout);
  for (
    const k of [
      "critical_warning",
      "available_spare",
      "available_spare_threshold",
      "percentage_used",
      "media_errors",
      "num_err_log_entries",
    ]
  ) {
    assert.ok(k in j, k);
  }
  assert.equal(j.smart_status_good, false);
  const ok = await bynar(
    "smart",
    "--smartctl-json",
    await fixture("INTEL_SSDPE2KX080T8_1.json", SMARTCTL_JSON),
  );
  assert.equal(ok.code, 0, ok.stdout);
  assert.match(ok.stdout, /Verdict: +OK/);
  const warn = await bynar(
    "smart",
    "--smartctl-json",
    await fixture("ST3500418AS_11.json", SMARTCTL_JSON),
  );
  assert.equal(warn.code, 1, warn.stdout);
  assert.match(warn.stdout, /Reallocated_Sector_Ct \(5\) raw value 1 is above the warning limit 0/);
});

Deno.test("text format shows the attribute table", async () => {
  const r = await bynar(
    "smart",
    "--blob",
    await fixture("SAMSUNG_HD501LJ--CR100-12", SMART_BLOBS),
  );
  assert.equal(r.code, 2);
  assert.match(r.stdout, /Model: +SAMSUNG HD501LJ/);
  assert.match(
    r.stdout,
    /\n\s*9 {2}power-on-hours +100 +100 +0 {2}7326 \(10\.2 months\) +old-age +online/,
  );
});

Deno.test("missing or bad input files exit 3 with a clear message; bad usage exits 64", async () => {
  const gone = `${await scratch}/nonexistent-dump`;
  const missing = await bynar("smart", "--blob", gone);
  assert.equal(missing.code, 3);
  assert.ok(
    missing.stderr.includes(`Cannot read the SMART dump "${gone}": no such file`),
    missing.stderr,
  );
  const notJson = await bynar(
    "smart",
    "--smartctl-json",
    await fixture("SAMSUNG_HD501LJ--CR100-12", SMART_BLOBS),
  );
  assert.equal(notJson.code, 3);
  assert.match(notJson.stderr, /Cannot parse smartctl JSON/);
  const notDump = await bynar(
    "smart",
    "--blob",
    await fixture("ST3500418AS_11.json", SMARTCTL_JSON),
  );
  assert.equal(notDump.code, 3);
  assert.match(notDump.stderr, /Cannot load the SMART dump .*sk_disk_set_blob failed/);
  const none = await bynar("smart");
  assert.equal(none.code, 64);
  const two = await bynar("smart", "/dev/sdz", "--blob", "/x");
  assert.equal(two.code, 64);
});
