/**
 * Idle RSS of the packaged disk-manager with the simulate backend (no Ceph needed): three
 * starts, `VmRSS` 10 s after `/healthz` answers. Run as root:
 * `deno run -A tests/bench/disk_manager_rss.ts`.
 *
 * @module
 */
import { shippedArgv, shippedScratchDir } from "../builders/shipped.ts";
const D = await shippedScratchDir("rss");
const [bynar] = await shippedArgv([]);
const run = async (args: string[]) => {
  const o = await new Deno.Command(bynar!, { args, env: { BYNAR_DEFAULTS: "/dev/null" } }).output();
  if (o.code !== 0) throw new Error(new TextDecoder().decode(o.stderr));
};
await run(["token", "keygen", "--out-key", `${D}/key.jwk`, "--out-jwks", `${D}/jwks.json`]);
await Deno.writeTextFile(`${D}/bynar.json`, JSON.stringify({ database_path: `${D}/bynar.db` }));
await Deno.writeTextFile(`${D}/ceph.json`, "{}");
await Deno.writeTextFile(
  `${D}/disk-manager.json`,
  JSON.stringify({
    backend: "simulate",
    insecure_http: true,
    port: 15555,
    metrics_port: 19477,
    jwks_file: `${D}/jwks.json`,
    jwt_issuer: "try",
    host_names: ["localhost"],
    audit_log: `${D}/audit.log`,
  }),
);
const results: number[] = [];
for (let i = 0; i < 3; i++) {
  const child = new Deno.Command(bynar!, {
    args: ["disk-manager", "--config-dir", D],
    env: { BYNAR_DEFAULTS: "/dev/null" },
    stdout: "null",
    stderr: "null",
  }).spawn();
  for (let t = 0; t < 200; t++) {
    try {
      const r = await fetch("http://127.0.0.1:19477/healthz");
      await r.body?.cancel();
      if (r.ok) break;
    } catch { /* */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 10000));
  // the launcher execs deno: the child's pid is the deno process
  const status = await Deno.readTextFile(`/proc/${child.pid}/status`);
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  results.push(rss);
  child.kill("SIGTERM");
  await child.status;
}
console.log(
  "disk-manager (simulate backend) idle RSS MiB:",
  results.map((r) => r.toFixed(1)).join(", "),
);
