/**
 * `bynar smart --blob / --smartctl-json` as shipped: the packaged launcher with its exact
 * permission flags reads the file the user names when it is in a readable directory, reads
 * standard input with `-`, and otherwise says plainly which directories it can read —
 * never a Deno flag, which the launcher does not take.
 */
import assert from "node:assert/strict";
import { runShipped, shippedScratchDir } from "../builders/shipped.ts";
import { SMART_BLOBS, SMARTCTL_JSON } from "./fixtures.ts";

const NVME = new URL("nvme-null-SAMSUNG_MZWLL3T2HAJQ-00005-nvme0.json", SMARTCTL_JSON);
const BAD_SECTORS = new URL("WDC_WD5000AAKS--00TMA0-12.01C01", SMART_BLOBS);

Deno.test("shipped: smart --smartctl-json - reads standard input", async () => {
  const r = await runShipped(["smart", "--smartctl-json", "-", "--format", "json"], {
    stdin: Deno.readTextFileSync(NVME),
  });
  assert.equal(r.code, 2, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.protocol, "NVMe");
  assert.equal(j.verdict, "critical");
});

Deno.test("shipped: smart --blob reads a dump in a readable directory", async () => {
  const dir = await shippedScratchDir("smart");
  const file = `${dir}/dump`;
  Deno.copyFileSync(BAD_SECTORS, file);
  const r = await runShipped(["smart", "--blob", file, "--format", "json"]);
  assert.equal(r.code, 2, r.stderr);
  assert.equal(JSON.parse(r.stdout).verdict, "critical");
});

Deno.test("shipped: a file outside the readable directories gets a plain answer, no flag", async () => {
  const tmp = Deno.makeTempFileSync({ prefix: "bynar-smart-", suffix: ".json" });
  try {
    Deno.copyFileSync(NVME, tmp);
    const r = await runShipped(["smart", "--smartctl-json", tmp]);
    assert.equal(r.code, 3, r.stderr);
    const out = r.stdout + r.stderr;
    assert.doesNotMatch(out, /--allow-/);
    assert.match(out, /reads files only under \/run\/bynar, \/etc\/bynar, \/var\/lib\/bynar/);
    assert.ok(out.includes(`bynar smart --smartctl-json - < "${tmp}"`), out);
  } finally {
    Deno.removeSync(tmp);
  }
});
