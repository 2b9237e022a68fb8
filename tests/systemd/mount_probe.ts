/**
 * Run by the systemd tier as an `ExecStartPost=` of bynar-disk-manager.service, i.e. inside
 * that unit's sandbox and mount namespace: mounts a tmpfs on the given OSD directory through
 * the disk-manager's own runner ({@linkcode hostNamespaceRunner} over the system runner,
 * the path ceph-volume activation takes), exactly as the Ceph backend does under
 * `daemon_control: "systemd"`.
 *
 * Usage: `deno run --allow-run=/usr/bin/systemd-run mount_probe.js <dir>`
 *
 * @module
 */
import { SYSTEM_RUNNER } from "../../src/process/run.ts";
import { hostNamespaceRunner } from "../../src/process/transient_unit.ts";

const dir = Deno.args[0];
if (!dir) {
  console.error("usage: mount_probe.js <dir>");
  Deno.exit(2);
}
const r = await hostNamespaceRunner(SYSTEM_RUNNER).run("mount", [
  "-t",
  "tmpfs",
  "-o",
  "size=1m",
  "bynar-tier",
  dir,
]);
console.error(`mount_probe: mount via systemd-run exited ${r.code}: ${r.stderr.trim()}`);
Deno.exit(r.code ?? 1);
