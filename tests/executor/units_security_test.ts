/**
 * `systemd-analyze security --offline=yes` on the shipped unit files: the disk-manager front
 * stays at or below 3.0 (it is 1.3), and the executor at or below 2.8: the single-process
 * unit it replaces scored 2.5, and the executor needs `chown` (CAP_CHOWN and the @chown
 * syscalls, +0.3) to hand its socket to the front's uid, which the systemd tier proved under
 * a real systemd (without them the executor cannot start). Offline: no unit is loaded or
 * started; tests/systemd/units_test.ts measures both loaded in the container.
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

Deno.test("units: systemd-analyze security of the front ≤ 3.0, the executor ≤ 2.8", async () => {
  const front = await exposure("bynar-disk-manager.service");
  const executor = await exposure("bynar-executor.service");
  console.log(`front ${front}, executor ${executor}`);
  assert.ok(front <= 3.0, `front ${front}`);
  assert.ok(executor <= 2.8, `executor ${executor}`);
});
