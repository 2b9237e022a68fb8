/**
 * `systemd-analyze security --offline=yes` on the shipped unit files: the disk-manager front
 * stays at or below 3.0 (it is 1.3), and the executor no worse than the single-process unit
 * it replaces (2.5). Offline: no unit is loaded or started.
 *
 * @module
 */
import assert from "node:assert/strict";

const UNITS = new URL("../../packaging/systemd/", import.meta.url).pathname;

async function exposure(unit: string): Promise<number> {
  const r = await new Deno.Command("systemd-analyze", {
    args: ["security", "--offline=yes", `${UNITS}${unit}`],
    env: { SYSTEMD_COLORS: "0" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const out = new TextDecoder().decode(r.stdout);
  const m = /Overall exposure level for \S+: (\d+\.\d)/.exec(out);
  assert.ok(m, out + new TextDecoder().decode(r.stderr));
  return Number(m[1]);
}

Deno.test("units: systemd-analyze security of the front ≤ 3.0, the executor ≤ 2.5", async () => {
  const front = await exposure("bynar-disk-manager.service");
  const executor = await exposure("bynar-executor.service");
  console.log(`front ${front}, executor ${executor}`);
  assert.ok(front <= 3.0, `front ${front}`);
  assert.ok(executor <= 2.5, `executor ${executor}`);
});
